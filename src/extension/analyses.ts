import * as vscode from 'vscode';
import { checkText, type CheckResult, type Finding } from '../core';
import { checkOptionsFor } from './config';
import type { LearnedAssets } from './learned';

/**
 * The checked state of every open analysis, keyed by document URI and version, so the
 * diagnostics, hovers, code actions and the preview share one parse and one check per edit.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; optionsKey: string; result: CheckResult }>();
  /** Findings of a later pass (the semantic pass) for one version of a document. */
  private readonly later = new Map<string, { version: number; findings: readonly Finding[]; merged?: CheckResult; base?: CheckResult }>();

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
    let result: CheckResult;
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) result = cached.result;
    else {
      result = checkText(document.getText(), options);
      this.entries.set(key, { version: document.version, optionsKey, result });
    }
    return this.withLater(key, document.version, result);
  }

  /**
   * Adds a later pass's findings to a document version's check (hovers, quick fixes and the
   * preview then see them too); an edit makes them stale and they are dropped.
   */
  setLater(document: vscode.TextDocument, version: number, findings: readonly Finding[]): void {
    this.later.set(document.uri.toString(), { version, findings });
  }

  private withLater(key: string, version: number, result: CheckResult): CheckResult {
    const later = this.later.get(key);
    if (!later || later.version !== version) {
      if (later) this.later.delete(key);
      return result;
    }
    if (later.findings.length === 0) return result;
    if (later.base !== result || !later.merged) {
      const findings = [...result.findings, ...later.findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      later.base = result;
      later.merged = { ...result, findings };
    }
    return later.merged;
  }

  /** Forgets a closed document. */
  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.later.delete(uri.toString());
  }

  /** Forgets everything (settings changed). */
  clear(): void {
    this.entries.clear();
    this.later.clear();
  }

  dispose(): void {
    this.entries.clear();
  }
}

/** Converts a core span (UTF-16 offsets) to an editor range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
