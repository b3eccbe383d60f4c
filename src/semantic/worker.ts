/**
 * The semantic pass's worker thread (dist/semantic/worker.js) for the Node extension host: it
 * loads the sentence model from its own folder on the first request and runs the passes it is
 * asked for side by side: they take turns at the model a slice of texts at a time (a small
 * file's pass is not stuck behind a large one's), yielding between slices so a cancellation (an
 * edit overtook the pass) is heard.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseAnalysis, PassCancelled, semanticPass, takingTurns, type SentenceEncoder } from '../core';
import { semanticModelsIn, WASM_FILE } from '../cli/semantic';
import { loadNodeEncoder } from './nodeEncoder';
import type { FromSemanticWorker, ToSemanticWorker } from './protocol';

const folder = __dirname;
const cancelled = new Set<number>();
let encoder: Promise<SentenceEncoder> | undefined;
const post = (message: FromSemanticWorker): void => parentPort!.postMessage(message);
const yieldThread = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function run(request: Extract<ToSemanticWorker, { type: 'run' }>): Promise<void> {
  const { id } = request;
  if (cancelled.delete(id)) return post({ type: 'cancelled', id });
  try {
    encoder ??= loadNodeEncoder({ modelDir: folder, wasmFile: join(folder, WASM_FILE) }).then(takingTurns);
    const models = semanticModelsIn(folder);
    const cancel = { get cancelled() { return cancelled.has(id); } };
    const findings = await semanticPass(parseAnalysis(request.text), await encoder, models, {
      mode: request.mode,
      check: request.check,
      flagged: new Set(request.flagged),
      cancel,
      slice: 8,
      between: yieldThread,
      onProgress: (done, total) => post({ type: 'progress', id, done, total }),
    });
    post({ type: 'done', id, findings });
  } catch (error) {
    if (error instanceof PassCancelled) post({ type: 'cancelled', id });
    else post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    cancelled.delete(id);
  }
}

parentPort!.on('message', (message: ToSemanticWorker) => {
  if (message.type === 'cancel') cancelled.add(message.id);
  else void run(message);
});
