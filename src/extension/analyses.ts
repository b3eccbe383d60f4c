import * as vscode from 'vscode';
import { checkText, type CheckResult } from '../core';
import { checkOptionsFor } from './config';
import type { LearnedAssets } from './learned';

/**
 * The checked state of every open analysis, keyed by document URI and version, so the
 * diagnostics, hovers, code actions and the preview share one parse and one check per edit.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; optionsKey: string; result: CheckResult }>();

  /** `learned`: the learned detectors' asset, joined to the check once it is loaded. */
  constructor(private readonly learned?: LearnedAssets) {}

  /** The check of a document at its current version, computed at most once per version. */
  get(document: vscode.TextDocument): CheckResult {
    const key = document.uri.toString();
    const settings = checkOptionsFor(document);
    const learned = this.learned?.modelsFor(settings.learnedMode ?? 'default');
    const options = { ...settings, learned };
    const optionsKey = JSON.stringify(settings) + (learned ? '+learned' : '');
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) return cached.result;
    const result = checkText(document.getText(), options);
    this.entries.set(key, { version: document.version, optionsKey, result });
    return result;
  }

  /** Forgets a closed document. */
  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  /** Forgets everything (settings changed). */
  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.entries.clear();
  }
}

/** Converts a core span (UTF-16 offsets) to an editor range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
