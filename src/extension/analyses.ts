import * as vscode from 'vscode';
import { checkText, type CheckResult, type Finding } from '../core';
import { checkOptionsFor } from './config';

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
  private readonly entries = new Map<string, { version: number; optionsKey: string; result: CheckResult }>();
  private readonly layers: FindingsLayer[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's findings changed without an edit (a layer has new findings). */
  readonly onDidChange = this.changed.event;

  /** Adds a layer of findings on top of the rules'; disposing it removes it. */
  addLayer(layer: FindingsLayer): vscode.Disposable {
    this.layers.push(layer);
    this.entries.clear();
    return new vscode.Disposable(() => {
      const i = this.layers.indexOf(layer);
      if (i >= 0) this.layers.splice(i, 1);
      this.entries.clear();
    });
  }

  /** Forgets a document's check and tells the diagnostics and the preview to show it again. */
  invalidate(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.changed.fire(uri);
  }

  /** The check of a document at its current version, computed at most once per version. */
  get(document: vscode.TextDocument): CheckResult {
    const key = document.uri.toString();
    const options = checkOptionsFor(document);
    const optionsKey = JSON.stringify(options);
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) return cached.result;
    let result = checkText(document.getText(), options);
    for (const layer of this.layers) {
      try {
        result = { ...result, findings: layer(document, result) };
      } catch {
        // A failing layer never costs the rules' findings.
      }
    }
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
    this.changed.dispose();
  }
}

/** Converts a core span (UTF-16 offsets) to an editor range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
