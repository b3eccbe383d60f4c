/**
 * The semantic pass's worker thread as the Node extension host runs it (dist/semantic/worker.js,
 * with the shipped model): passes asked for one after another run side by side, taking turns at
 * the model, so a small file's pass finishes while a large file's is still running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromSemanticWorker, ToSemanticWorker } from '../../../src/semantic/protocol';
import { generateAnalysis } from '../../bench/generate';
import { fixture, ROOT } from './helpers';

test('real model: a small file\'s pass is not stuck behind a large one\'s; the large one is still cancellable', async () => {
  const file = join(ROOT, 'dist', 'semantic', 'worker.js');
  assert.ok(existsSync(file), `${file} is missing: run \`node esbuild.mjs\` first`);
  const worker = new Worker(file);
  const events: string[] = [];
  const small = fixture('checkout-certificate.whys.yaml');
  try {
    const finished = new Promise<FromSemanticWorker[]>((resolve, reject) => {
      const last = new Map<number, FromSemanticWorker>();
      worker.on('error', reject);
      worker.on('message', (message: FromSemanticWorker) => {
        if (message.type === 'progress') return;
        events.push(`${message.type} ${message.id}`);
        last.set(message.id, message);
        // The small file is done: ask the large one to stop.
        if (message.id === 2) worker.postMessage({ type: 'cancel', id: 1 } satisfies ToSemanticWorker);
        if (last.size === 2) resolve([last.get(1)!, last.get(2)!]);
      });
    });
    const run = (id: number, text: string): void => worker.postMessage({ type: 'run', id, text, mode: ['off-topic'], check: {}, flagged: [] } satisfies ToSemanticWorker);
    run(1, generateAnalysis(400, 77));
    run(2, small);
    const [large, smallResult] = await finished;
    assert.deepEqual(events, ['done 2', 'cancelled 1']);
    assert.equal(large.type, 'cancelled');
    assert.ok(smallResult.type === 'done');
    assert.deepEqual(smallResult.findings.map((f) => [f.rule, small.slice(f.span.start, f.span.end)]), [['off-topic', 'The checkout failures went on for forty minutes because the alert only watched 500s.']]);
  } finally {
    await worker.terminate();
  }
});
