import * as vscode from 'vscode';
import type { CheckResult, Finding, Severity } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import type { Published } from './semantic/publisher';
import { applySynonyms, isAnalysis } from './config';

export { BACKGROUND_FROM_CHARS } from './analyses';

/** Where the README documents each rule; the anchors are the rule codes. */
export const RULE_DOCS = 'https://github.com/whys-dev/whys/blob/main/README.md#rule-';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Delay after the last keystroke before a document is checked again. */
const DEBOUNCE_MS = 200;

/** The passes that publish findings for a document: the rules, then later ones (learned, semantic, model review). */
export type PassName = 'rules' | 'learned' | 'semantic' | 'model';

/** The link a diagnostic's code opens. */
export function ruleDocUri(code: string): vscode.Uri {
  return vscode.Uri.parse(RULE_DOCS + code);
}

/** Turns a core finding into a VS Code diagnostic. */
export function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(document, finding.span), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'whys';
  diagnostic.code = { value: finding.rule, target: ruleDocUri(finding.rule) };
  return diagnostic;
}

/** The rule code of a whys diagnostic, if it is one. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'whys') return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/**
 * Publishes diagnostics for every open analysis: at once on open, debounced while typing
 * (a check overtaken by a newer edit is dropped), cleared on close, redone when settings change.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('whys');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly published = new vscode.EventEmitter<Published>();
  /** Fires after each instant check is published, here or from the worker (the semantic pass starts from it). */
  readonly onDidPublish = this.published.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.published];
  /** Each pass's latest diagnostics per document (URI string), published together. */
  private readonly passes = new Map<string, Map<PassName, vscode.Diagnostic[]>>();
  /** Documents being checked in the background, shown in the status bar. */
  private readonly checking = new Set<string>();
  private readonly progress = vscode.window.createStatusBarItem('whys.checking', vscode.StatusBarAlignment.Left, 0);

  /** `cache`: where every check comes from (large documents' from its background worker). */
  constructor(private readonly cache: AnalysisCache) {
    this.progress.name = 'whys: checking';
    this.disposables.push(this.progress);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document)),
      // Findings of a later tier (the model review) arrived for a document: show them now.
      this.cache.onDidChange((uri) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.refresh(document);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('whys')) {
          if (event.affectsConfiguration('whys.synonyms')) this.cache.synonyms = applySynonyms();
          this.cache.clear();
          this.refreshAll();
        }
      }),
    );
    this.cache.synonyms = applySynonyms();
    this.refreshAll();
  }

  /** Checks every open analysis now. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** Checks one document now. */
  refresh(document: vscode.TextDocument): void {
    if (!isAnalysis(document)) {
      // A document whose language changed away from whys keeps no stale squiggles.
      if (this.collection.has(document.uri)) this.collection.delete(document.uri);
      this.passes.delete(document.uri.toString());
      return;
    }
    this.cancel(document.uri);
    if (this.cache.inBackground(document)) {
      this.checkInBackground(document);
      return;
    }
    const result = this.cache.peek(document)!;
    this.publishResult(document, result);
  }

  /** Publishes a document's check (with the later passes' and the layers' findings) and tells the semantic pass. */
  private publishResult(document: vscode.TextDocument, result: CheckResult): void {
    const diagnostics = this.publish(document, 'rules', result.findings);
    this.published.fire({ document, text: result.parsed.text, parsed: result.parsed, wellFormed: result.parsed.wellFormed, findings: result.findings, diagnostics });
  }

  /**
   * Replaces the instant check's diagnostics of a document (the semantic pass adds its findings to
   * the ones published with the check it started from).
   */
  replace(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): void {
    if (document.isClosed) return;
    const key = document.uri.toString();
    let byPass = this.passes.get(key);
    if (!byPass) this.passes.set(key, (byPass = new Map()));
    byPass.set('rules', diagnostics);
    this.collection.set(document.uri, [...byPass.values()].flat());
  }

  /**
   * Publishes one pass's findings for a document, beside the other passes' (a later pass, such
   * as the semantic one, calls this when its findings are ready). Pass `version` to have the
   * findings dropped when the document changed since they were computed.
   */
  publish(document: vscode.TextDocument, pass: PassName, findings: readonly Finding[], version?: number): vscode.Diagnostic[] {
    if (document.isClosed || (version !== undefined && document.version !== version)) return [];
    const key = document.uri.toString();
    let byPass = this.passes.get(key);
    if (!byPass) this.passes.set(key, (byPass = new Map()));
    const diagnostics = findings.map((finding) => toDiagnostic(document, finding));
    byPass.set(pass, diagnostics);
    this.collection.set(document.uri, [...byPass.values()].flat());
    return diagnostics;
  }

  /**
   * Publishes a large document's check from the background worker (the cache's, so the model
   * review's findings join as they do on a small file); what an edit overtakes is dropped.
   */
  private checkInBackground(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const version = document.version;
    const ready = this.cache.peek(document);
    if (ready) {
      // Already checked (a layer's findings changed): published again without a new check.
      this.publishResult(document, ready);
      return;
    }
    this.showProgress(key, true);
    void this.cache.result(document).then((result) => {
      // A newer version's check shows the progress until it is in.
      if (document.isClosed || document.version === version) this.showProgress(key, false);
      if (!result || document.isClosed || document.version !== version) return;
      this.publishResult(document, result);
    });
  }

  private showProgress(key: string, on: boolean): void {
    if (on) this.checking.add(key);
    else this.checking.delete(key);
    if (this.checking.size === 0) {
      this.progress.hide();
      return;
    }
    const name = [...this.checking][0].replace(/^.*\//, '');
    this.progress.text = `$(loading~spin) whys: checking ${decodeURIComponent(name)}${this.checking.size > 1 ? ` and ${this.checking.size - 1} more` : ''}…`;
    this.progress.tooltip = 'whys checks large analyses in the background; the diagnostics follow.';
    this.progress.show();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isAnalysis(document)) return;
    const key = document.uri.toString();
    this.cancel(document.uri);
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // Dropped when a newer edit or a close overtook it.
        if (document.isClosed || document.version !== version) return;
        this.refresh(document);
      }, DEBOUNCE_MS),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private clear(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    this.cache.forget(document.uri);
    this.passes.delete(document.uri.toString());
    this.showProgress(document.uri.toString(), false);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
