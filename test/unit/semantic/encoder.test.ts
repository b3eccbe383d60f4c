import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosine } from '../../../src/core';
import { realEncoder, reference } from './helpers';

test('real model: embeddings match the Python onnxruntime embeddings of the same model within 1e-3', async () => {
  const ref = reference();
  const encoder = await realEncoder();
  const vectors = await encoder.embed(ref.sentences.map((s) => s.text));
  let worst = 0;
  vectors.forEach((v, i) => {
    assert.equal(v.length, 384);
    ref.sentences[i].onnx.forEach((x, d) => (worst = Math.max(worst, Math.abs(v[d] - x))));
  });
  assert.ok(worst < 1e-3, `largest difference ${worst}`);
});

test('real model: cosine to the original (sentence-transformers, fp32) is at least 0.99 for every reference sentence', async () => {
  const ref = reference();
  const vectors = await (await realEncoder()).embed(ref.sentences.map((s) => s.text));
  vectors.forEach((v, i) => {
    const c = cosine(v, Float32Array.from(ref.sentences[i].original));
    assert.ok(c >= 0.99, `${ref.sentences[i].text.slice(0, 50)}: ${c}`);
  });
});

test('real model: a paraphrase is closer than an unrelated sentence, and vectors are unit length', async () => {
  const [a, paraphrase, unrelated] = await (await realEncoder()).embed([
    'The deploy failed because the database migration timed out.',
    'The release broke since the schema change took too long to run.',
    'Our office coffee machine was replaced last spring.',
  ]);
  assert.ok(Math.abs(cosine(a, a) - 1) < 1e-5);
  assert.ok(cosine(a, paraphrase) > cosine(a, unrelated) + 0.2, `paraphrase ${cosine(a, paraphrase)}, unrelated ${cosine(a, unrelated)}`);
});

test('real model: embeddings are cached by text (the same vector object comes back)', async () => {
  const encoder = await realEncoder();
  const [first] = await encoder.embed(['Why was the canary skipped?']);
  const before = encoder.cached;
  const [again, other] = await encoder.embed(['Why was the canary skipped?', 'Another text entirely.']);
  assert.equal(again, first);
  assert.equal(encoder.cached, before + 1);
  assert.equal(other.length, 384);
});
