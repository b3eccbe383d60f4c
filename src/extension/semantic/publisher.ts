/**
 * The semantic pass in the editor: after each instant check of an analysis is published, start
 * a pass for that version (in the background); when its findings come, add them to the
 * document's diagnostics, unless an edit, a close or a newer check overtook them (then they
 * are dropped and the pass is cancelled). A model that cannot load is reported once, and the
 * rules' diagnostics stand.
 */
import * as vscode from 'vscode';
import { activeSemanticDetectors, type CheckResult, type Finding, type ParsedAnalysis, type SemanticMode, type SemanticModels } from '../../core';
import { isAnalysis } from '../config';
import type { SemanticEngine, SemanticJob } from './engine';

/** What the instant check published for a document version. */
export interface Published {
  readonly document: vscode.TextDocument;
  /** The text the findings are about, and whether its YAML parsed. */
  readonly text: string;
  /** The check's model of that text (from the background worker for a large file): a pass in this thread reads it instead of parsing the text again. */
  readonly parsed?: ParsedAnalysis;
  readonly wellFormed: boolean;
  /** The instant findings, in the order of `diagnostics`. */
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly vscode.Diagnostic[];
}

/** What the publisher needs from the host. */
export interface SemanticHost {
  readonly engine: () => SemanticEngine;
  /** Reads `whys.semantic` for a document. */
  readonly modeFor: (document: vscode.TextDocument) => SemanticMode;
  /** Which detectors are on by default: the asset's settings, read without loading the model. */
  readonly models: () => Promise<SemanticModels>;
  /** Sets a document's diagnostics (the instant ones plus the pass's). */
  readonly publish: (document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]) => void;
  /** Keeps the pass's findings with the version's check, for hovers, quick fixes and the preview. */
  readonly remember: (document: vscode.TextDocument, version: number, findings: Finding[]) => void;
  readonly toDiagnostic: (document: vscode.TextDocument, finding: CheckResult['findings'][number]) => vscode.Diagnostic;
}

/** Texts above which the status bar shows the pass's progress. */
const PROGRESS_FROM = 64;

/** Runs the semantic pass after each published check. */
export class SemanticDiagnostics implements vscode.Disposable {
  private readonly jobs = new Map<string, { version: number; job: SemanticJob }>();
  private reported = false;
  private readonly done = new vscode.EventEmitter<{ uri: vscode.Uri; version: number; count: number }>();
  /** Fires when a pass's findings were published (tests and the status bar listen). */
  readonly onDidFinish = this.done.event;
  private readonly disposables: vscode.Disposable[] = [this.done];

  constructor(private readonly host: SemanticHost) {
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((d) => this.cancel(d.uri)));
  }

  /** Called after every instant publish. */
  async afterPublish({ document, text, parsed, wellFormed, findings: published, diagnostics }: Published): Promise<void> {
    this.cancel(document.uri);
    if (!isAnalysis(document) || !wellFormed) return;
    const mode = this.host.modeFor(document);
    if (mode === 'off') return;
    const version = document.version;
    let models: SemanticModels;
    try {
      models = await this.host.models();
    } catch (error) {
      return this.report(error);
    }
    if (activeSemanticDetectors(models, mode).length === 0) return;
    if (document.isClosed || document.version !== version) return;
    const key = document.uri.toString();
    // The check may already hold this pass's earlier findings for the same version: the pass
    // judges anew, so they are left out of the base and of what counts as flagged.
    const base = diagnostics.filter((_, i) => published[i]?.tier !== 'semantic');
    const instant = published.filter((f) => f.tier !== 'semantic');
    // Settles with the pass (the status bar's progress lasts as long).
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    // Only a pass of many texts shows in the status bar, named by its file: a small file's pass
    // (done in moments) must not hide a large one's count while both run.
    let reporter: vscode.Progress<{ message?: string }> | undefined;
    let showing = false;
    const progress = (done: number, total: number): void => {
      if (total < PROGRESS_FROM) return;
      if (!showing) {
        showing = true;
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `whys: semantic pass (${document.uri.path.split('/').pop()})` }, (shown) => {
          reporter = shown;
          return settled;
        });
      }
      reporter?.report({ message: `${done} of ${total} texts` });
    };
    const job = this.host.engine().start({
      text,
      parsed,
      mode,
      // A plain copy: the configuration object is a proxy that cannot cross to a worker.
      check: { rules: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('whys', document).get('rules') ?? {})) },
      flagged: instant.map((f) => `${f.rule}@${f.span.start}`),
      onProgress: progress,
    });
    this.jobs.set(key, { version, job });
    void job.result.then(settle, settle);
    let findings;
    try {
      findings = await job.result;
    } catch (error) {
      if (this.jobs.get(key)?.job === job) this.jobs.delete(key);
      return this.report(error);
    }
    if (this.jobs.get(key)?.job !== job) return;
    this.jobs.delete(key);
    // Dropped when an edit or a close overtook it.
    if (!findings || document.isClosed || document.version !== version) return;
    this.host.remember(document, version, findings);
    this.host.publish(document, [...base, ...findings.map((f) => this.host.toDiagnostic(document, f))]);
    this.done.fire({ uri: document.uri, version, count: findings.length });
  }

  private report(error: unknown): void {
    if (this.reported) return;
    this.reported = true;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`whys: the semantic pass is off: ${message}`);
    void vscode.window.showWarningMessage(`whys: the semantic pass is off: ${message}. The rules still check your analyses.`);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    this.jobs.get(key)?.job.cancel();
    this.jobs.delete(key);
  }

  dispose(): void {
    for (const { job } of this.jobs.values()) job.cancel();
    this.jobs.clear();
    for (const d of this.disposables) d.dispose();
  }
}
