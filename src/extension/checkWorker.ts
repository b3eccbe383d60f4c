/**
 * The check, off the extension host's main thread: a worker (worker_threads in the Node host, a
 * Web Worker in VS Code for the Web) that receives a document's text and answers its findings.
 * Bundled twice by esbuild.mjs: dist/checkWorker.js and dist/web/checkWorker.js.
 */
import { checkText, configureSynonyms, loadLearned, recheckText, type CheckResult, type LearnedModels } from '../core';
import type { CheckRequest, CheckResponse, BatchRequest, BatchResponse } from './background';
import { commentBatches, modelBatches, type ModelBatch } from './modelBatches';

/** The batches of answered models that the host has not pulled yet, by request id. */
const unpulled = new Map<number, ModelBatch[]>();

/** The next batch of a model's nodes; the last one forgets the model. */
function batchFor(request: BatchRequest): BatchResponse {
  const batches = unpulled.get(request.id) ?? [];
  if (request.batch >= batches.length - 1) unpulled.delete(request.id);
  return { id: request.id, batch: request.batch, part: batches[request.batch] ?? { nodes: [], parents: new Int32Array(0) } };
}

/** The learned models, loaded from the asset the host sends once to each worker. */
let learned: LearnedModels | undefined;

function modelsFor(request: CheckRequest): LearnedModels | undefined {
  if (request.learned) learned = loadLearned(request.learned.vectors, request.learned.file);
  return request.useLearned ? learned : undefined;
}

/**
 * The last check of each document (by the key the host names it with), so that a check after an
 * edit re-reads only the roots the edit touched. A few documents at most: a worker restarted
 * (its check overtaken) starts cold.
 */
const lastChecks = new Map<string, CheckResult>();
const MAX_DOCUMENTS = 4;

/** The same function the host would call: the document text in, the findings out. */
function answer(message: CheckRequest | BatchRequest): CheckResponse | BatchResponse {
  if ('kind' in message) return batchFor(message);
  const request = message;
  try {
    configureSynonyms(request.synonyms);
    const options = { ...request.options, learned: modelsFor(request) };
    // The parse of the last check is reused whatever the options: they do not change it.
    const last = request.key !== undefined ? lastChecks.get(request.key) : undefined;
    const result = last ? recheckText(last, request.text, options) : checkText(request.text, options);
    if (request.key !== undefined) {
      lastChecks.delete(request.key);
      lastChecks.set(request.key, result);
      if (lastChecks.size > MAX_DOCUMENTS) lastChecks.delete(lastChecks.keys().next().value as string);
    }
    const { parsed, findings } = result;
    if (!request.model) return { id: request.id, findings };
    const { text: _text, analysis, comments, ...rest } = parsed;
    const { roots, ...head } = analysis;
    const batches = [...modelBatches(roots), ...commentBatches(comments)];
    if (batches.length > 0) unpulled.set(request.id, batches);
    return { id: request.id, findings, model: { ...rest, analysis: head, batches: batches.length } };
  } catch (error) {
    return { id: request.id, findings: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Node's own `require`, reached only in the Node host: through `module.require` the bundler
 * leaves it alone, so the web bundle names no Node module at all.
 */
function nodeRequire(id: string): unknown {
  return module.require(id);
}

declare const self: { onmessage: ((event: { data: CheckRequest | BatchRequest }) => void) | null; postMessage(message: CheckResponse | BatchResponse): void } | undefined;

if (typeof process !== 'undefined' && process.versions?.node) {
  const { parentPort } = nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
  parentPort?.on('message', (request: CheckRequest | BatchRequest) => parentPort.postMessage(answer(request)));
} else if (typeof self !== 'undefined') {
  self.onmessage = (event) => self.postMessage(answer(event.data));
}
