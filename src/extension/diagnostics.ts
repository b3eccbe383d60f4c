import * as vscode from 'vscode';
import type { CheckResult, Finding, Severity } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import { applySynonyms, isAnalysis } from './config';

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
  private readonly published = new vscode.EventEmitter<{ document: vscode.TextDocument; result: CheckResult; diagnostics: vscode.Diagnostic[] }>();
  /** Fires after each check is published (the semantic pass starts from it). */
  readonly onDidPublish = this.published.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.published];

  constructor(private readonly cache: AnalysisCache) {
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
          if (event.affectsConfiguration('whys.synonyms')) applySynonyms();
          this.cache.clear();
          this.refreshAll();
        }
      }),
    );
    applySynonyms();
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
      return;
    }
    this.cancel(document.uri);
    const result = this.cache.get(document);
    const diagnostics = result.findings.map((finding) => toDiagnostic(document, finding));
    this.collection.set(document.uri, diagnostics);
    this.published.fire({ document, result, diagnostics });
  }

  /** Replaces a document's diagnostics (a later pass adding its findings to the published ones). */
  replace(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): void {
    if (!document.isClosed) this.collection.set(document.uri, diagnostics);
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
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
