import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import { Overtaken, type BackgroundChecker } from './background';
import type { Published } from './semantic/publisher';
import { applySynonyms, checkOptionsFor, isAnalysis } from './config';

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

/**
 * Documents longer than this are checked in the background worker: a check of this much text
 * takes well under 50 ms on the host's thread, a larger one may not.
 */
export const BACKGROUND_FROM_CHARS = 20_000;

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
  private synonyms: string[][] = [];

  /** `background`: the worker large documents are checked in (without it, every check runs here). */
  constructor(
    private readonly cache: AnalysisCache,
    private readonly background?: BackgroundChecker,
  ) {
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
          if (event.affectsConfiguration('whys.synonyms')) this.synonyms = applySynonyms();
          this.cache.clear();
          this.refreshAll();
        }
      }),
    );
    this.synonyms = applySynonyms();
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
    const text = document.getText();
    if (this.background && text.length > BACKGROUND_FROM_CHARS) {
      this.checkInBackground(document, text);
      return;
    }
    const result = this.cache.get(document);
    const diagnostics = this.publish(document, 'rules', result.findings);
    this.published.fire({ document, text: result.parsed.text, wellFormed: result.parsed.wellFormed, findings: result.findings, diagnostics });
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

  /** Checks a large document in the worker; what an edit overtakes is dropped, unpublished. */
  private checkInBackground(document: vscode.TextDocument, text: string): void {
    const key = document.uri.toString();
    const version = document.version;
    let checked: Promise<Finding[]>;
    try {
      const options = checkOptionsFor(document);
      checked = this.background!.check(key, text, options, this.synonyms, this.cache.learnedAssetFor(options.learnedMode ?? 'default'));
    } catch {
      // No worker here (a host that cannot start one): check on this thread.
      this.publish(document, 'rules', this.cache.get(document).findings);
      return;
    }
    this.showProgress(key, true);
    checked.then(
      (findings) => {
        this.showProgress(key, false);
        if (document.isClosed || document.version !== version) return;
        const diagnostics = this.publish(document, 'rules', findings, version);
        // The semantic pass starts from the worker's findings too (it reads the text itself).
        this.published.fire({ document, text, wellFormed: !findings.some((f) => f.rule === 'syntax'), findings, diagnostics });
      },
      (error: unknown) => {
        if (error instanceof Overtaken) return;
        this.showProgress(key, false);
        // The worker failed (it should not): check here rather than show nothing.
        if (!document.isClosed && document.version === version) this.publish(document, 'rules', this.cache.get(document).findings);
      },
    );
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
