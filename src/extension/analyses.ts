import * as vscode from 'vscode';
import { checkText, recheckText, type CheckResult, type Finding, type LearnedMode } from '../core';
import { checkOptionsFor } from './config';
import type { LearnedAsset } from './background';
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
  /**
   * `base`: the check alone; `result`: with the later pass's findings and the layers (computed
   * from `from`), dropped when a layer's findings change.
   */
  private readonly entries = new Map<string, { version: number; optionsKey: string; base: CheckResult; result?: CheckResult; from?: CheckResult }>();
  /** Findings of a later pass (the semantic pass) for one version of a document. */
  private readonly later = new Map<string, { version: number; findings: readonly Finding[]; merged?: CheckResult; base?: CheckResult }>();
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

  /** The learned asset for a mode, once loaded (the background worker runs the detectors from it). */
  learnedAssetFor(mode: LearnedMode): LearnedAsset | undefined {
    return this.learned?.assetFor(mode);
  }

  /** The check of a document at its current version, computed at most once per version. */
  get(document: vscode.TextDocument): CheckResult {
    const key = document.uri.toString();
    const settings = checkOptionsFor(document);
    const learned = this.learned?.modelsFor(settings.learnedMode ?? 'default');
    const options = { ...settings, learned };
    const optionsKey = JSON.stringify(settings) + (learned ? '+learned' : '');
    const cached = this.entries.get(key);
    let entry = cached && cached.version === document.version && cached.optionsKey === optionsKey ? cached : undefined;
    if (!entry) {
      // After an edit, only the roots it touched are parsed again (the same result as a cold
      // check; the parse does not depend on the options).
      const text = document.getText();
      entry = { version: document.version, optionsKey, base: cached ? recheckText(cached.base, text, options) : checkText(text, options) };
      this.entries.set(key, entry);
    }
    // The semantic pass's findings first, then the layers (the model review merges with both).
    const withLater = this.withLater(key, document.version, entry.base);
    if (!entry.result || entry.from !== withLater) {
      entry.result = this.layered(document, withLater);
      entry.from = withLater;
    }
    return entry.result;
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
    this.changed.dispose();
  }
}

/** Converts a core span (UTF-16 offsets) to an editor range. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
