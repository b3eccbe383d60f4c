import * as vscode from 'vscode';
import { checkText, recheckText, type CheckOptions, type CheckResult, type Finding, type LearnedMode } from '../core';
import { checkOptionsFor } from './config';
import { Overtaken, type BackgroundChecker, type LearnedAsset } from './background';
import type { LearnedAssets } from './learned';

/**
 * Documents longer than this are checked in the background worker: a check of this much text
 * takes well under 50 ms on the host's thread, a larger one may not.
 */
export const BACKGROUND_FROM_CHARS = 20_000;

/** How long a feature asked about a large document waits for typing to pause (the diagnostics' debounce, and a little). */
const TYPING_PAUSE_MS = 250;

/**
 * A later tier's findings joined to the rules': given a document and its check so far, the
 * findings to show instead (e.g. the model review's verdicts merged in). Synchronous and cheap:
 * it runs on every check. A layer whose findings changed calls {@link AnalysisCache.invalidate}.
 */
export type FindingsLayer = (document: vscode.TextDocument, result: CheckResult) => Finding[];

/**
 * The checked state of every open analysis, keyed by document URI and version, so the
 * diagnostics, hovers, code actions, outline, CodeLens and the preview share one parse and one
 * check per edit.
 *
 * A large document (over {@link BACKGROUND_FROM_CHARS} characters) is never checked on the
 * extension host's thread: its check, model included, comes from the background worker, and
 * every feature reads that last result for the document's version ({@link result} waits for it,
 * {@link peek} answers only what is there). A small one is checked here, at once.
 */
export class AnalysisCache implements vscode.Disposable {
  /**
   * `base`: the check alone; `result`: with the later pass's findings and the layers (computed
   * from `from`), dropped when a layer's findings change.
   */
  private readonly entries = new Map<string, { document: vscode.TextDocument; version: number; optionsKey: string; base: CheckResult; result?: CheckResult; from?: CheckResult }>();
  /** Findings of a later pass (the semantic pass) for one version of a document. */
  private readonly later = new Map<string, { document: vscode.TextDocument; version: number; findings: readonly Finding[]; merged?: CheckResult; base?: CheckResult }>();
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

  /** Checks of large documents under way in the worker, by URI, for one version and options each. */
  private readonly inFlight = new Map<string, { document: vscode.TextDocument; version: number; optionsKey: string; result: Promise<CheckResult | undefined> }>();
  /** Each document's length at a version (`getText()` of a large document copies it all). */
  private readonly sizes = new Map<string, { document: vscode.TextDocument; version: number; size: number }>();
  /** The team's synonyms, sent with each background check (the publisher keeps them current). */
  synonyms: string[][] = [];
  /** Checks of large documents run on this thread (a host without a worker, or one that failed): for the tests. */
  private onThread = 0;

  /**
   * `learned`: the learned detectors' asset, joined to the check once it is loaded;
   * `background`: the worker large documents are checked in (without it, every check runs here).
   */
  constructor(
    private readonly learned?: LearnedAssets,
    private readonly background?: BackgroundChecker,
  ) {}

  /** How many checks of a document over {@link BACKGROUND_FROM_CHARS} characters ran on the host's thread. */
  get largeChecksOnThread(): number {
    return this.onThread;
  }

  /** How many messages the model of each document's last background check came in, by URI (a huge root is split across several). */
  private readonly messages = new Map<string, number>();

  /** How many messages the model of a document's last background check came in (for the tests). */
  modelMessages(uri: string): number | undefined {
    return this.messages.get(uri);
  }

  /** The learned asset for a mode, once loaded (the background worker runs the detectors from it). */
  learnedAssetFor(mode: LearnedMode): LearnedAsset | undefined {
    return this.learned?.assetFor(mode);
  }

  /** Whether a document is checked in the background worker rather than on this thread. */
  inBackground(document: vscode.TextDocument): boolean {
    return this.background !== undefined && this.sizeOf(document) > BACKGROUND_FROM_CHARS;
  }

  /** A document's length in UTF-16 units, without copying its text. */
  private sizeOf(document: vscode.TextDocument): number {
    const key = document.uri.toString();
    const known = this.sizes.get(key);
    if (known?.document === document && known.version === document.version) return known.size;
    const size = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    this.sizes.set(key, { document, version: document.version, size });
    return size;
  }

  /** The check options of a document, the learned models joined once loaded, and their key. */
  private optionsOf(document: vscode.TextDocument): { settings: CheckOptions; options: CheckOptions; optionsKey: string } {
    const settings = checkOptionsFor(document);
    const learned = this.learned?.modelsFor(settings.learnedMode ?? 'default');
    return { settings, options: { ...settings, learned }, optionsKey: JSON.stringify(settings) + (learned ? '+learned' : '') };
  }

  /**
   * The check of a document at its current version, when it can be had without blocking: a small
   * document is checked here (at most once per version); a large one gives the worker's last
   * result for this version, or undefined while it is not in (see {@link result}).
   */
  peek(document: vscode.TextDocument): CheckResult | undefined {
    const key = document.uri.toString();
    const { options, optionsKey } = this.optionsOf(document);
    // An entry is a document's own: a closed untitled document's URI and version can come back
    // with a new document (`untitled:Untitled-1` at version 1), which must not get the old check.
    const cached = this.entries.get(key);
    const own = cached?.document === document ? cached : undefined;
    let entry = own && own.version === document.version && own.optionsKey === optionsKey ? own : undefined;
    if (!entry) {
      if (this.inBackground(document)) return undefined;
      // After an edit, only the roots it touched are parsed again (the same result as a cold
      // check; the parse does not depend on the options).
      entry = { document, version: document.version, optionsKey, base: this.checkHere(document.getText(), options, own?.base) };
      // A closed document's check is answered but not kept (a request can still arrive for it).
      if (!document.isClosed) this.entries.set(key, entry);
    }
    return this.layeredEntry(document, key, entry);
  }

  /**
   * The check of a document at its current version: at once for a small document; for a large
   * one, when the worker has answered (a check is started if none is under way for this version).
   * Undefined when an edit or a close overtook the version asked about.
   */
  result(document: vscode.TextDocument): Promise<CheckResult | undefined> {
    const now = this.peek(document);
    if (now) return Promise.resolve(now);
    const key = document.uri.toString();
    const version = document.version;
    const { settings, options, optionsKey } = this.optionsOf(document);
    const running = this.inFlight.get(key);
    const base = running && running.document === document && running.version === version && running.optionsKey === optionsKey ? running.result : this.checkInWorker(document, settings, options, optionsKey);
    return base.then(() => (document.isClosed || document.version !== version ? undefined : this.peek(document)));
  }

  /**
   * {@link result} for the editor's features (hovers, quick fixes, outline, CodeLens, folding,
   * completion), which VS Code asks for as the user types: for a large document whose version has
   * no check yet nor one under way, it waits for typing to pause, then joins the check the
   * diagnostics start, rather than start a check in the worker per keystroke. Undefined when an
   * edit overtook the version, or the request was cancelled.
   */
  async settled(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<CheckResult | undefined> {
    const now = this.peek(document);
    if (now) return now;
    const key = document.uri.toString();
    const version = document.version;
    const running = this.inFlight.get(key);
    if (!running || running.document !== document || running.version !== version) {
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
      if (token?.isCancellationRequested || document.isClosed || document.version !== version) return undefined;
    }
    // The check joined may be overtaken while this version stands (the settings changed, or the
    // learned detectors came in and a check with them started): then wait for the one that replaced it.
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await this.result(document);
      if (result || token?.isCancellationRequested || document.isClosed || document.version !== version) return result;
    }
    return undefined;
  }

  /**
   * The check of whatever version a document is at once it is in (an edit while waiting means
   * waiting for the newer version's check); undefined when the document was closed.
   */
  async latest(document: vscode.TextDocument): Promise<CheckResult | undefined> {
    for (;;) {
      if (document.isClosed) return undefined;
      const result = await this.result(document);
      if (result) return result;
    }
  }

  /** Starts the worker's check of a large document's current version; its result fills the cache. */
  private checkInWorker(document: vscode.TextDocument, settings: CheckOptions, options: CheckOptions, optionsKey: string): Promise<CheckResult | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const text = document.getText();
    // The worker failed (it should not) or cannot start: check here rather than show nothing.
    const onThread = (): CheckResult => this.checkHere(text, options);
    let checked: Promise<CheckResult | undefined>;
    try {
      const learnedAsset = this.learnedAssetFor(settings.learnedMode ?? 'default');
      checked = this.background!.analyse(key, text, settings, this.synonyms, learnedAsset).then(
        ({ findings, parsed, batches }) => {
          if (batches !== undefined) this.messages.set(key, batches);
          return parsed ? { parsed: { ...parsed, text }, findings } : onThread();
        },
        (error: unknown) => (error instanceof Overtaken ? undefined : onThread()),
      );
    } catch {
      checked = Promise.resolve(onThread());
    }
    const result = checked.then((base) => {
      // Kept unless the cache was cleared (settings changed) or the document closed meanwhile.
      const mine = this.inFlight.get(key)?.result === result;
      if (mine) this.inFlight.delete(key);
      if (base && mine && !document.isClosed) this.entries.set(key, { document, version, optionsKey, base });
      return base;
    });
    this.inFlight.set(key, { document, version, optionsKey, result });
    return result;
  }

  /** The one place a check runs on this thread; checks of large texts are counted (see {@link largeChecksOnThread}). */
  private checkHere(text: string, options: CheckOptions, previous?: CheckResult): CheckResult {
    if (text.length > BACKGROUND_FROM_CHARS) this.onThread++;
    return previous ? recheckText(previous, text, options) : checkText(text, options);
  }

  /** The semantic pass's findings, then the layers, on top of an entry's check. */
  private layeredEntry(document: vscode.TextDocument, key: string, entry: { version: number; base: CheckResult; result?: CheckResult; from?: CheckResult }): CheckResult {
    // The semantic pass's findings first, then the layers (the model review merges with both).
    const withLater = this.withLater(document, key, entry.version, entry.base);
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
    if (!document.isClosed) this.later.set(document.uri.toString(), { document, version, findings });
  }

  private withLater(document: vscode.TextDocument, key: string, version: number, result: CheckResult): CheckResult {
    const later = this.later.get(key);
    if (!later || later.document !== document) return result;
    if (later.version !== version) {
      this.later.delete(key);
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
    this.inFlight.delete(uri.toString());
    this.sizes.delete(uri.toString());
    this.messages.delete(uri.toString());
  }

  /** Forgets every check (settings changed); checks under way are answered, and replaced when next asked for. */
  clear(): void {
    this.entries.clear();
    this.later.clear();
    this.inFlight.clear();
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
