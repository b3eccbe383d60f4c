import * as vscode from 'vscode';
import { checkText, type CheckResult, type Finding } from '../core';
import { checkOptionsFor } from './config';
import type { LearnedAssets } from './learned';

/**
 * A later tier's findings joined to the rules': given a document and its check so far, the
 * findings to show instead (e.g. the model review's verdicts merged in). Synchronous and cheap:
 * it runs on every check. A layer whose findings changed calls {@link AnalysisCache.invalidate}.
 */
export type FindingsLayer = (document: vscode.TextDocument, result: CheckResult) => Finding[];

/**
 * The checked state of every open analysis, keyed by document URI and version, so the
 * diagnostics, hovers, code actions and the preview share one parse and one check per edit.
 */
export class AnalysisCache implements vscode.Disposable {
  /** `base`: the check alone; `result`: with the layers, dropped when a layer's findings change. */
  private readonly entries = new Map<string, { version: number; optionsKey: string; base: CheckResult; result?: CheckResult }>();
  private readonly layers: FindingsLayer[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's findings changed without an edit (a layer has new findings). */
  readonly onDidChange = this.changed.event;

  /** Adds a layer of findings on top of the rules'; disposing it removes it. */
  addLayer(layer: FindingsLayer): vscode.Disposable {
    this.layers.push(layer);
    this.relayer();
    return new vscode.Disposable(() => {
      const i = this.layers.indexOf(layer);
      if (i >= 0) this.layers.splice(i, 1);
      this.relayer();
    });
  }

  /**
   * A layer's findings for a document changed: the layers are applied again (the check itself is
   * kept), and the diagnostics and the preview show the document again.
   */
  invalidate(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (entry) entry.result = undefined;
    this.changed.fire(uri);
  }

  private relayer(): void {
    for (const entry of this.entries.values()) entry.result = undefined;
  }

  /** The layers' findings on top of a check. */
  private layered(document: vscode.TextDocument, base: CheckResult): CheckResult {
    let result = base;
    for (const layer of this.layers) {
      try {
        result = { ...result, findings: layer(document, result) };
      } catch {
        // A failing layer never costs the rules' findings.
      }
    }
    return result;
  }

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
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) return (cached.result ??= this.layered(document, cached.base));
    const base = checkText(document.getText(), options);
    const result = this.layered(document, base);
    this.entries.set(key, { version: document.version, optionsKey, base, result });
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
    this.changed.dispose();
  }
}

/** Converts a core span (UTF-16 offsets) to an editor range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
