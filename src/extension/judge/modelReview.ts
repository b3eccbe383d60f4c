/**
 * The model review in the editor (SPEC §6): the command "Whys: Review Reasoning with a Language
 * Model", the run on save when `whys.judge.run` is `onSave`, and the layer that merges the model's
 * verdicts into the findings every other feature shows (diagnostics, hover, quick fixes, preview).
 *
 * The rules' diagnostics never wait for the model: they are published as always, and the model's
 * verdicts join when they are known. Verdicts are cached per step (the core's cache keys) in the
 * workspace storage, so after an edit the steps that did not change keep their verdicts without a
 * request, and reopening a file sends nothing. Nothing is sent unless `whys.judge.enabled` is on,
 * the workspace is trusted, and the user ran the review (or saved, with `onSave`).
 */
import * as vscode from 'vscode';
import {
  judgeAnalysis,
  mergeJudgeVerdicts,
  DEFAULT_MIN_CONFIDENCE,
  type CheckResult,
  type Finding,
  type JudgeOutcome,
  type ModelVerdict,
} from '../../core';
import type { AnalysisCache } from '../analyses';
import { checkOptionsFor, isAnalysis } from '../config';
import { LmTransport, ReviewCancelledError, selectJudgeModel, type JudgeModel } from './lmTransport';
import { StoredVerdicts } from './storedVerdicts';
import { SLICE_MS, yieldEvery } from '../slices';

/** The command that runs the review. */
export const REVIEW_COMMAND = 'whys.judge.review';
/** The command that cancels running reviews (the status bar item runs it while reviewing). */
export const CANCEL_COMMAND = 'whys.judge.cancel';

/** The `whys.judge.*` settings. */
export interface JudgeSettings {
  readonly enabled: boolean;
  readonly model: string;
  readonly run: 'onSave' | 'onCommand';
  readonly minConfidence: number;
  readonly timeoutMs: number;
}

/** Reads the `whys.judge.*` settings for a document's scope. */
export function judgeSettings(scope?: vscode.ConfigurationScope): JudgeSettings {
  const config = vscode.workspace.getConfiguration('whys.judge', scope);
  const min = config.get<number>('minConfidence');
  const timeout = config.get<number>('timeoutSeconds');
  return {
    enabled: config.get<boolean>('enabled') === true,
    model: config.get<string>('model') ?? '',
    run: config.get<string>('run') === 'onSave' ? 'onSave' : 'onCommand',
    minConfidence: typeof min === 'number' && min >= 0 && min <= 1 ? min : DEFAULT_MIN_CONFIDENCE,
    timeoutMs: Math.max(5, typeof timeout === 'number' && timeout > 0 ? timeout : 120) * 1000,
  };
}

/** Where the review of a document stands, for the status bar. */
export type ReviewState =
  | { readonly kind: 'off'; readonly reason: string }
  | { readonly kind: 'not-run'; readonly model?: string }
  | { readonly kind: 'reviewing'; readonly model: string }
  | { readonly kind: 'reviewed'; readonly model: string; readonly findings: number }
  | { readonly kind: 'stale'; readonly model: string; readonly findings: number; readonly notJudged: number }
  | { readonly kind: 'error'; readonly model?: string; readonly message: string };

/** What the command returns (the tests read it): the core's counts and the errors' messages. */
export interface ReviewSummary {
  readonly model?: string;
  readonly requests: number;
  readonly fromCache: number;
  readonly judged: number;
  readonly notJudged: number;
  readonly errors: string[];
  readonly cancelled: boolean;
}

/** The verdicts known for one version of a document. */
interface DocumentVerdicts {
  readonly version: number;
  readonly model: JudgeModel;
  readonly verdicts: readonly ModelVerdict[];
  /** Model paths of the steps the model judged (from this run or the cache). */
  readonly judgedSteps: ReadonlySet<string>;
  readonly steps: number;
  readonly notJudged: number;
}

/** The message of a request the user cancelled (the core's and the transport's). */
const CANCELLED = new ReviewCancelledError().message;

/** Delay after an edit before the cached verdicts are placed on the new text. */
const REPLACE_DELAY_MS = 250;

/** Runs the model review and keeps its verdicts; one per window. */
export class ModelReview implements vscode.Disposable {
  private readonly verdicts = new Map<string, DocumentVerdicts>();
  private readonly running = new Map<string, { model: string; cancel: vscode.CancellationTokenSource }>();
  private readonly errors = new Map<string, { model?: string; message: string }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly stateChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private model: Promise<JudgeModel | undefined> | undefined;
  /** Set when a `LanguageModelError` said models cannot be used: no more requests in this window. */
  private stopped: string | undefined;
  readonly store: StoredVerdicts;

  /** Fires when a document's review state changed (the status bar listens). */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly cache: AnalysisCache,
  ) {
    this.store = new StoredVerdicts(context.storageUri ?? context.globalStorageUri);
    this.disposables.push(
      this.store,
      this.stateChanged,
      cache.addLayer((document, result) => this.merged(document, result)),
      vscode.commands.registerCommand(REVIEW_COMMAND, (uri?: unknown) => this.runCommand(uri instanceof vscode.Uri ? uri : undefined)),
      vscode.commands.registerCommand(CANCEL_COMMAND, () => {
        for (const { cancel } of this.running.values()) cancel.cancel();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, REPLACE_DELAY_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isAnalysis(document) && this.allowed(document) && this.stopped === undefined && judgeSettings(document).run === 'onSave') void this.review(document, false);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('whys.judge')) return;
        if (event.affectsConfiguration('whys.judge.model')) this.model = undefined;
        this.verdicts.clear();
        this.errors.clear();
        for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
      }),
      // A model provider registered or changed its models: choose again, place the cached verdicts.
      vscode.lm.onDidChangeChatModels(() => {
        this.model = undefined;
        for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /**
   * Whether the review is on for a document (enabled, in a trusted workspace): its cached verdicts
   * are shown. Sending also needs that no `LanguageModelError` stopped model use in this window.
   */
  allowed(document: vscode.TextDocument): boolean {
    return vscode.workspace.isTrusted && judgeSettings(document).enabled;
  }

  /** Where the review of a document stands. */
  stateOf(document: vscode.TextDocument): ReviewState {
    if (!vscode.workspace.isTrusted) return { kind: 'off', reason: 'Model review is off in an untrusted workspace.' };
    if (!judgeSettings(document).enabled) return { kind: 'off', reason: 'Model review is off (whys.judge.enabled).' };
    const key = document.uri.toString();
    if (this.stopped !== undefined) return { kind: 'error', message: this.stopped };
    const running = this.running.get(key);
    if (running) return { kind: 'reviewing', model: running.model };
    const error = this.errors.get(key);
    if (error) return { kind: 'error', model: error.model, message: error.message };
    const known = this.verdicts.get(key);
    if (!known || known.version !== document.version) return { kind: 'not-run' };
    if (known.judgedSteps.size === 0) return { kind: 'not-run', model: known.model.name };
    // The status bar never waits: a large document's count is the background check's, once in.
    const findings = this.cache.peek(document)?.findings.filter((f) => f.judge).length ?? 0;
    if (known.notJudged > 0) return { kind: 'stale', model: known.model.name, findings, notJudged: known.notJudged };
    return { kind: 'reviewed', model: known.model.name, findings };
  }

  /**
   * The model that judged the step at a model path in the document's current version, if it did
   * (for the hover's "agrees / disagrees").
   */
  judgedBy(document: vscode.TextDocument, stepPath: string): string | undefined {
    const known = this.verdicts.get(document.uri.toString());
    if (!known || known.version !== document.version || !this.allowed(document)) return undefined;
    return known.judgedSteps.has(stepPath) ? known.model.name : undefined;
  }

  /** The findings layer: the rules' findings with the model's verdicts for this version merged in. */
  private merged(document: vscode.TextDocument, result: CheckResult): Finding[] {
    const known = this.verdicts.get(document.uri.toString());
    if (!known || known.version !== document.version || known.verdicts.length === 0 || !this.allowed(document)) return result.findings;
    return mergeJudgeVerdicts(result.parsed, result.findings, known.verdicts, {
      model: known.model.name,
      minConfidence: judgeSettings(document).minConfidence,
      check: checkOptionsFor(document),
    });
  }

  /** The command: review the given or the active analysis, with a cancellable progress notification. */
  private async runCommand(uri: vscode.Uri | undefined): Promise<ReviewSummary | undefined> {
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (!document || !isAnalysis(document)) {
      void vscode.window.showInformationMessage('Whys: open a .whys.yaml analysis to review its reasoning with a language model.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Whys: the model review is off in an untrusted workspace: nothing is sent from it.');
      return undefined;
    }
    if (!judgeSettings(document).enabled) {
      const enable = 'Enable Model Review';
      const choice = await vscode.window.showInformationMessage(
        'Whys: the model review sends this analysis’s questions and answers to a language model you have in VS Code (e.g. GitHub Copilot). It is off until you turn it on (whys.judge.enabled).',
        enable,
      );
      if (choice !== enable) return undefined;
      await vscode.workspace.getConfiguration('whys.judge').update('enabled', true, vscode.ConfigurationTarget.Global);
    }
    if (this.stopped !== undefined) {
      void vscode.window.showErrorMessage(`Whys: ${this.stopped}`);
      return undefined;
    }
    return this.review(document, true);
  }

  /**
   * Reviews a document: steps the cache knows are not sent; the rest go to the model. Resolves
   * with what happened; never throws.
   */
  async review(document: vscode.TextDocument, interactive: boolean): Promise<ReviewSummary> {
    const key = document.uri.toString();
    this.running.get(key)?.cancel.cancel();
    const model = await this.selectModel(document);
    if (!model) {
      const message = judgeSettings(document).model
        ? `no language model matches whys.judge.model “${judgeSettings(document).model}”.`
        : 'no language model is available: install GitHub Copilot or another model provider extension.';
      this.errors.set(key, { message });
      this.stateChanged.fire(document.uri);
      if (interactive) void vscode.window.showWarningMessage(`Whys: ${message}`);
      return { requests: 0, fromCache: 0, judged: 0, notJudged: 0, errors: [message], cancelled: false };
    }
    const cancel = new vscode.CancellationTokenSource();
    this.running.set(key, { model: model.name, cancel });
    this.errors.delete(key);
    this.stateChanged.fire(document.uri);
    try {
      const transport = new LmTransport(model, { timeoutMs: judgeSettings(document).timeoutMs, token: cancel.token });
      const run = (token: vscode.CancellationToken) => this.send(document, model, transport, token);
      const outcome = interactive
        ? await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Whys: reviewing the reasoning with ${model.name}…`, cancellable: true },
            (_progress, token) => {
              token.onCancellationRequested(() => cancel.cancel());
              return run(cancel.token);
            },
          )
        : await run(cancel.token);
      return this.finish(document, model, transport, outcome, cancel.token.isCancellationRequested, interactive);
    } finally {
      if (this.running.get(key)?.cancel === cancel) this.running.delete(key);
      cancel.dispose();
      await this.place(document).catch(() => undefined);
    }
  }

  private async send(document: vscode.TextDocument, model: JudgeModel, transport: LmTransport, token: vscode.CancellationToken): Promise<JudgeOutcome> {
    await this.store.load();
    // A large document's model comes from the background check (waited for, never made here).
    const result = await this.cache.latest(document);
    if (!result) return { verdicts: [], steps: 0, fromCache: 0, judged: 0, notJudged: 0, requests: 0, reviewed: [], errors: [], dropped: [] };
    const parsed = result.parsed;
    // A model with a small input window gets the analysis one root at a time sooner.
    const maxStepsPerRequest = model.chat.maxInputTokens > 0 && model.chat.maxInputTokens < 16_000 ? 20 : undefined;
    return judgeAnalysis(parsed, {
      model: model.key,
      transport,
      cache: this.store,
      maxStepsPerRequest,
      signal: { get aborted() { return token.isCancellationRequested; } },
      between: yieldEvery(SLICE_MS),
    });
  }

  /** Reports the outcome: errors as messages, a `LanguageModelError` stops model use for the window. */
  private finish(document: vscode.TextDocument, model: JudgeModel, transport: LmTransport, outcome: JudgeOutcome, cancelled: boolean, interactive: boolean): ReviewSummary {
    const key = document.uri.toString();
    const messages = outcome.errors.filter((e) => e.message !== CANCELLED).map((e) => e.message);
    const unavailable = transport.unavailable;
    if (unavailable) {
      this.stopped = unavailable.message;
      void vscode.window.showErrorMessage(`Whys: ${unavailable.message}`);
    } else if (messages.length > 0) {
      const message = `the model review of ${document.uri.path.split('/').pop()} had ${messages.length === 1 ? 'an error' : `${messages.length} errors`}: ${messages[0]}`;
      this.errors.set(key, { model: model.name, message });
      if (interactive) void vscode.window.showWarningMessage(`Whys: ${message}`);
    }
    return { model: model.name, requests: outcome.requests, fromCache: outcome.fromCache, judged: outcome.judged, notJudged: outcome.notJudged, errors: messages, cancelled };
  }

  /** The chosen model, selected once per window (again when the setting changes or none was found). */
  private async selectModel(document: vscode.TextDocument): Promise<JudgeModel | undefined> {
    const setting = judgeSettings(document).model;
    this.model ??= selectJudgeModel(setting).catch(() => undefined);
    const model = await this.model;
    if (!model) this.model = undefined;
    return model;
  }

  /**
   * Places the cached verdicts on the document's current text (no request): after an edit the
   * unchanged steps keep theirs, and a reopened file shows what was judged before.
   */
  private async place(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed || !isAnalysis(document) || !this.allowed(document)) return;
    const key = document.uri.toString();
    const version = document.version;
    // Only a model already chosen in this window, or the one the setting names (listing models sends nothing).
    const model = await this.selectModel(document);
    await this.store.load();
    if (!model || document.isClosed || document.version !== version) return;
    const checked = await this.cache.result(document);
    if (!checked || document.isClosed || document.version !== version) return;
    const outcome = await judgeAnalysis(checked.parsed, { model: model.key, cache: this.store, between: yieldEvery(SLICE_MS) });
    if (document.isClosed || document.version !== version) return;
    this.verdicts.set(key, { version, model, verdicts: outcome.verdicts, judgedSteps: new Set(outcome.reviewed), steps: outcome.steps, notJudged: outcome.notJudged });
    this.cache.invalidate(document.uri);
    this.stateChanged.fire(document.uri);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isAnalysis(document) || !this.allowed(document)) {
      if (isAnalysis(document)) this.stateChanged.fire(document.uri);
      return;
    }
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.place(document).catch(() => undefined);
      }, delayMs),
    );
    this.stateChanged.fire(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.running.get(key)?.cancel.cancel();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.verdicts.delete(key);
    this.errors.delete(key);
  }

  dispose(): void {
    for (const { cancel } of this.running.values()) cancel.cancel();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
