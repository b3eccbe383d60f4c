/**
 * The semantic pass on the Node extension host: a `worker_threads` worker running
 * dist/semantic/worker.js, started on the first pass (never on activation). The host's thread
 * only sends the text and receives findings. (The web build gets workerEngine.web.ts instead.)
 */
import { Worker } from 'node:worker_threads';
import type { FromSemanticWorker, ToSemanticWorker } from '../../semantic/protocol';
import type { SemanticEngine, SemanticJob, SemanticRequest } from './engine';
import type { Finding } from '../../core';

interface Pending {
  resolve(findings: Finding[] | undefined): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/** Runs passes in one worker thread, one after another. */
export class WorkerEngine implements SemanticEngine {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `workerFile`: the absolute path of dist/semantic/worker.js. */
  constructor(private readonly workerFile: string) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile);
    worker.on('message', (message: FromSemanticWorker) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') return job.onProgress?.(message.done, message.total);
      this.pending.delete(message.id);
      if (message.type === 'done') job.resolve(message.findings);
      else if (message.type === 'cancelled') job.resolve(undefined);
      else job.reject(new Error(message.message));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = undefined;
      this.failAll(new Error('the semantic worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  start(request: SemanticRequest): SemanticJob {
    const id = this.nextId++;
    const result = new Promise<Finding[] | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress: request.onProgress });
    });
    const message: ToSemanticWorker = { type: 'run', id, text: request.text, mode: request.mode, check: request.check, flagged: request.flagged };
    try {
      this.ensure().postMessage(message);
    } catch (error) {
      this.pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
      this.pending.delete(id);
    }
    return {
      result,
      cancel: () => {
        if (this.pending.has(id)) this.worker?.postMessage({ type: 'cancel', id } satisfies ToSemanticWorker);
      },
    };
  }

  dispose(): void {
    this.failAll(new Error('disposed'));
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
