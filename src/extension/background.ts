/**
 * Checking off the extension host's main thread. A large analysis takes seconds to check; done
 * on the host's thread it would block every other extension for that long. `BackgroundChecker`
 * hands the text to a worker (worker_threads in the Node host, a Web Worker in the web host)
 * and resolves with the findings; a newer request for the same document drops the older one
 * (the worker is restarted rather than left to finish work nobody will read).
 *
 * No `vscode` import, so the bench can measure the host's longest block in plain Node.
 */
import type { Analysis, CheckOptions, Finding, LearnedWeightsFile, ParsedAnalysis } from '../core';
import { ModelAssembler, type ModelBatch } from './modelBatches';

/** One pass over a document: its text in, findings out. The rules pass runs in the worker; later passes (learned, semantic, model review) have the same shape. */
export type CheckPass = (text: string, options: CheckOptions) => Promise<Finding[]>;

/** What the host sends the worker. */
export interface CheckRequest {
  readonly id: number;
  /** The document checked: the worker re-checks its next edit from this check. */
  readonly key?: string;
  readonly text: string;
  readonly options: CheckOptions;
  readonly synonyms: string[][];
  /** Whether the learned detectors run for this document. */
  readonly useLearned: boolean;
  /** Their asset, sent only with the first request to a worker that does not hold it yet. */
  readonly learned?: LearnedAsset;
  /** Whether the host wants the parsed model too (see {@link ModelHead}); its roots are then pulled in batches. */
  readonly model?: boolean;
}

/** The host asks for the next batch of a model it was answered (one batch per message). */
export interface BatchRequest {
  readonly kind: 'batch';
  readonly id: number;
  readonly batch: number;
}

/**
 * The parsed model without its text (the host has it) and without its roots and comments, which
 * follow in batches of nodes (see modelBatches.ts; a huge root is split too): taking a large model in one
 * message would block the host's thread while it is read (about 140 ms for the largest analysis
 * under the limit, 850 ms for one root of 72,000 steps).
 */
export interface ModelHead {
  readonly analysis: Omit<Analysis, 'roots'>;
  readonly problems: ParsedAnalysis['problems'];
  readonly wellFormed: boolean;
  /** How many batches of nodes to pull. */
  readonly batches: number;
}

/** A batch of the model's nodes, in order. */
export interface BatchResponse {
  readonly id: number;
  readonly batch: number;
  readonly part: ModelBatch;
}

/** The learned detectors' asset as read from dist/learned/: their weights and the word vectors. */
export interface LearnedAsset {
  readonly file: LearnedWeightsFile;
  readonly vectors: Uint8Array;
}

/** What the worker answers. */
export interface CheckResponse {
  readonly id: number;
  readonly findings: Finding[];
  readonly error?: string;
  /** The model's head, when the request asked for the model. */
  readonly model?: ModelHead;
}

/** What a check in the background gives: the findings, and the parsed model when it was asked for. */
export interface BackgroundResult {
  readonly findings: Finding[];
  readonly parsed?: Omit<ParsedAnalysis, 'text'>;
  /** How many messages the model's nodes came in (each read in a task of its own). */
  readonly batches?: number;
}

/** A check that a newer one for the same document overtook. */
export class Overtaken extends Error {
  constructor() {
    super('overtaken by a newer edit');
  }
}

/**
 * Node's own `require`, reached only in the Node host: through `module.require` the bundler
 * leaves it alone, so the web bundle names no Node module at all.
 */
function nodeRequire(id: string): unknown {
  return module.require(id);
}

/** The few things both kinds of worker do. */
interface WorkerPort {
  post(request: CheckRequest | BatchRequest): void;
  onAnswer(listener: (response: CheckResponse | BatchResponse) => void): void;
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
}

/** Starts a worker on the bundle at `script` (a file path in Node, a URL in a browser). */
function startWorker(script: string): WorkerPort {
  if (typeof process !== 'undefined' && process.versions?.node) {
    const { Worker: NodeWorker } = nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new NodeWorker(script);
    worker.unref();
    return {
      post: (request) => worker.postMessage(request),
      onAnswer: (listener) => void worker.on('message', listener),
      onFailure: (listener) => {
        worker.on('error', (error) => listener(error.message));
        worker.on('exit', (code) => listener(`the check worker stopped (exit code ${code})`));
      },
      terminate: () => void worker.terminate(),
    };
  }
  const WebWorker = (globalThis as unknown as { Worker: new (url: string) => { postMessage(m: unknown): void; onmessage: ((e: { data: CheckResponse | BatchResponse }) => void) | null; onerror: ((e: { message?: string }) => void) | null; terminate(): void } }).Worker;
  const worker = new WebWorker(script);
  const answers: ((response: CheckResponse | BatchResponse) => void)[] = [];
  const failures: ((message: string) => void)[] = [];
  worker.onmessage = (event) => answers.forEach((listener) => listener(event.data));
  worker.onerror = (event) => failures.forEach((listener) => listener(event.message ?? 'the check worker failed'));
  return {
    post: (request) => worker.postMessage(request),
    onAnswer: (listener) => void answers.push(listener),
    onFailure: (listener) => void failures.push(listener),
    terminate: () => worker.terminate(),
  };
}

/** A request sent and not yet settled, with what has come of its model so far. */
interface Pending {
  readonly key: string;
  readonly request: CheckRequest;
  readonly resolve: (result: BackgroundResult) => void;
  readonly reject: (error: Error) => void;
  readonly learned?: LearnedAsset;
  assembly?: { findings: Finding[]; head: ModelHead; assembler: ModelAssembler; received: number };
}

/** Checks documents in a worker, one at a time per document; see the file comment. */
export class BackgroundChecker {
  private worker: WorkerPort | undefined;
  /** The word vectors of the learned asset the current worker holds (3.4 MB: sent once per worker). */
  private learnedSent: Uint8Array | undefined;
  private nextId = 0;
  /** Requests sent and not answered, by id, with the document they are for and how to settle them. */
  private readonly pending = new Map<number, Pending>();

  /**
   * `script`: the worker bundle, a file path in Node or a URL in a browser, or a promise of one
   * (a web host reads the bundle and hands over a blob: URL); checks wait for it.
   */
  constructor(private readonly script: string | Promise<string>) {}

  private ready: Promise<string> | undefined;
  private scriptUrl: string | undefined;

  /** Checks `text` for the document `key`; rejects with `Overtaken` when a newer check of the same key starts first. */
  check(key: string, text: string, options: CheckOptions, synonyms: string[][], learned?: LearnedAsset): Promise<Finding[]> {
    return this.run(key, text, options, synonyms, learned, false).then((result) => result.findings);
  }

  /**
   * Checks `text` as {@link check} does and also answers the parsed model (without the text),
   * for the hovers, quick fixes, outline, CodeLens and preview of a large document.
   */
  analyse(key: string, text: string, options: CheckOptions, synonyms: string[][], learned?: LearnedAsset): Promise<BackgroundResult> {
    return this.run(key, text, options, synonyms, learned, true);
  }

  private run(key: string, text: string, options: CheckOptions, synonyms: string[][], learned: LearnedAsset | undefined, model: boolean): Promise<BackgroundResult> {
    if (this.scriptUrl !== undefined) return this.send(key, text, options, synonyms, learned, model);
    this.ready ??= Promise.resolve(this.script).then((url) => (this.scriptUrl = url));
    // In call order: a later check of the same document still overtakes an earlier one.
    return this.ready.then(() => this.send(key, text, options, synonyms, learned, model));
  }

  private send(key: string, text: string, options: CheckOptions, synonyms: string[][], learned: LearnedAsset | undefined, model: boolean): Promise<BackgroundResult> {
    // Work for an older version of this document is dropped: if the worker is on it, restart it.
    let overtaken = false;
    for (const [id, entry] of this.pending) {
      if (entry.key !== key) continue;
      this.pending.delete(id);
      entry.reject(new Overtaken());
      overtaken = true;
    }
    if (overtaken) this.restart();
    const worker = this.ensureWorker();
    // Settings read from VS Code are proxies that a worker message cannot carry: send plain copies.
    const request: CheckRequest = { id: this.nextId++, key, text, options: JSON.parse(JSON.stringify(options)) as CheckOptions, synonyms: JSON.parse(JSON.stringify(synonyms)) as string[][], useLearned: !!learned, ...(model ? { model } : {}) };
    return new Promise<BackgroundResult>((resolve, reject) => {
      this.pending.set(request.id, { key, request, resolve, reject, learned });
      this.post(worker, request, learned);
    });
  }

  /** Posts a request, with the learned asset when the worker does not hold it yet. */
  private post(worker: WorkerPort, request: CheckRequest, learned: LearnedAsset | undefined): void {
    const carry = learned !== undefined && learned.vectors !== this.learnedSent;
    if (carry) this.learnedSent = learned.vectors;
    worker.post(carry ? { ...request, learned } : request);
  }

  private ensureWorker(): WorkerPort {
    if (this.worker) return this.worker;
    const worker = startWorker(this.scriptUrl!);
    this.learnedSent = undefined;
    worker.onAnswer((response) => {
      if (this.worker !== worker) return;
      const entry = this.pending.get(response.id);
      if (!entry) return;
      if ('part' in response) return this.takeBatch(worker, entry, response);
      if (response.error) {
        this.pending.delete(response.id);
        entry.reject(new Error(response.error));
        return;
      }
      if (!response.model) {
        this.pending.delete(response.id);
        entry.resolve({ findings: response.findings });
        return;
      }
      // A worker restarted mid-way answers again from the start.
      entry.assembly = { findings: response.findings, head: response.model, assembler: new ModelAssembler(), received: 0 };
      this.pullOrFinish(worker, entry);
    });
    worker.onFailure((message) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const entry of this.pending.values()) entry.reject(new Error(message));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  /** Adds a batch of nodes to the model being assembled, then pulls the next one. */
  private takeBatch(worker: WorkerPort, entry: Pending, response: BatchResponse): void {
    const assembly = entry.assembly;
    if (!assembly || response.batch !== assembly.received) return;
    assembly.assembler.add(response.part);
    assembly.received++;
    this.pullOrFinish(worker, entry);
  }

  /** One batch per message, asked for only when the last one was read: each read is a short task of the host's thread. */
  private pullOrFinish(worker: WorkerPort, entry: Pending): void {
    const { findings, head, assembler, received } = entry.assembly!;
    if (received < head.batches) {
      worker.post({ kind: 'batch', id: entry.request.id, batch: received });
      return;
    }
    this.pending.delete(entry.request.id);
    const { batches, ...model } = head;
    const roots = assembler.finish();
    entry.resolve({ findings, parsed: { ...model, comments: assembler.comments, analysis: { ...head.analysis, roots } }, batches });
  }

  /** Stops the worker (and the check it was on); other documents' requests go to the new one. */
  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    old?.terminate();
    if (this.pending.size === 0) return;
    const worker = this.ensureWorker();
    for (const entry of this.pending.values()) {
      entry.assembly = undefined;
      this.post(worker, entry.request, entry.learned);
    }
  }

  dispose(): void {
    const old = this.worker;
    this.worker = undefined;
    old?.terminate();
    for (const entry of this.pending.values()) entry.reject(new Overtaken());
    this.pending.clear();
  }
}
