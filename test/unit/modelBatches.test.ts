/**
 * The model sent from the check worker to the host a batch of nodes at a time, a huge root split
 * across batches like any other run of nodes (issue 12): the roots put back together by the
 * host's own code (`ModelAssembler`) equal the parse, links included, for one huge chain, the
 * deepest nesting whys reads, and analyses with causes, evidence and actions; and the real worker
 * bundle answers a single-root model in more than one message.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { allSteps, parseAnalysis, type Root } from '../../src/core';
import { MAX_NESTING_DEPTH } from '../../src/core/limits';
import { BackgroundChecker } from '../../src/extension/background';
import { commentBatches, ModelAssembler, modelBatches } from '../../src/extension/modelBatches';
import { generateAnalysis } from '../bench/generate';
import { deepNesting, singleChain } from '../bench/hugeRoot';

const ROOT = join(__dirname, '..', '..', '..');
const WORKER = join(ROOT, 'dist', 'checkWorker.js');

/** The roots cut into batches, each copied as a worker message is (v8's serializer), and put back together. */
function roundTrip(roots: readonly Root[], perBatch: number): { roots: Root[]; batches: number } {
  const batches = modelBatches(roots, perBatch);
  const assembler = new ModelAssembler();
  for (const batch of batches) assembler.add(deserialize(serialize(batch)) as typeof batch);
  return { roots: assembler.finish(), batches: batches.length };
}

test('the comments come in batches of their own after the nodes, in order', () => {
  const parsed = parseAnalysis(singleChain(300).replace(/(\n +because: [^\n]*)/g, '$1\n        # a note'));
  assert.equal(parsed.comments.length, 300);
  const batches = [...modelBatches(parsed.analysis.roots, 100), ...commentBatches(parsed.comments, 7)];
  const assembler = new ModelAssembler();
  for (const batch of batches) assembler.add(deserialize(serialize(batch)) as typeof batch);
  assert.deepStrictEqual(assembler.finish(), parsed.analysis.roots);
  assert.deepStrictEqual(assembler.comments, parsed.comments);
});

test('one root of one 3,000-step chain goes in many batches and comes back equal to the parse, links included', () => {
  const parsed = parseAnalysis(singleChain(3000));
  assert.equal(parsed.analysis.roots.length, 1);
  const { roots, batches } = roundTrip(parsed.analysis.roots, 500);
  assert.ok(batches > 5, `${batches} batches`);
  assert.deepStrictEqual(roots, parsed.analysis.roots);
  const [root] = roots;
  assert.equal(root.chain.steps.length, 3000);
  assert.equal(root.chain.steps[2999].chain, root.chain);
  assert.equal(root.chain.owner, root);
  assert.equal(root.actions[0].root, root);
  assert.equal(root.chain.steps[0].why?.text, 'Why 0?');
  assert.equal(root.chain.steps[2999].why?.text, 'Why 2999?');
});

test(`a root nested ${MAX_NESTING_DEPTH} deep, cut at every few nodes, comes back equal to the parse`, () => {
  const parsed = parseAnalysis(deepNesting(MAX_NESTING_DEPTH, 3));
  const steps = allSteps(parsed.analysis);
  assert.ok(steps.some((s) => s.chain.depth === MAX_NESTING_DEPTH), 'nested as deep as whys reads');
  for (const perBatch of [1, 2, 7, 100]) {
    const { roots, batches } = roundTrip(parsed.analysis.roots, perBatch);
    assert.ok(batches > 1, `${batches} batches of ${perBatch}`);
    assert.deepStrictEqual(roots, parsed.analysis.roots, `batches of ${perBatch}`);
    const deepest = allSteps({ ...parsed.analysis, roots }).find((s) => s.chain.depth === MAX_NESTING_DEPTH)!;
    // Up the links from the deepest step: its chain's owner is a cause of a step of the chain above, up to the root.
    let chain = deepest.chain;
    while (chain.owner.kind === 'cause') {
      assert.ok(chain.owner.step.causes?.includes(chain.owner));
      chain = chain.owner.step.chain;
    }
    assert.equal(chain.owner, roots[0]);
    assert.equal(deepest.chain.root, roots[0]);
  }
});

test('analyses with causes, evidence, notes, ids and actions, in many roots, come back equal to the parse however they are cut', () => {
  const texts = ['crowdstrike.whys.yaml', 'crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml'].map((name) => readFileSync(join(ROOT, 'examples', name), 'utf8'));
  texts.push(generateAnalysis(120, 3));
  for (const text of texts) {
    const parsed = parseAnalysis(text);
    for (const perBatch of [1, 3, 50, 10_000]) {
      assert.deepStrictEqual(roundTrip(parsed.analysis.roots, perBatch).roots, parsed.analysis.roots, `${parsed.analysis.title?.text}, batches of ${perBatch}`);
    }
  }
  // A file without roots: no batch, no root.
  assert.deepStrictEqual(roundTrip(parseAnalysis('version: 1\ntitle: Empty\n').analysis.roots, 10), { roots: [], batches: 0 });
});

test('the worker answers a model of one root of 5,000 steps, a comment after each answer, in more than one message, equal to the host’s own parse', async () => {
  assert.ok(existsSync(WORKER), `${WORKER} is missing: run \`node esbuild.mjs\` first`);
  const background = new BackgroundChecker(WORKER);
  try {
    // 5,000 comments: they come in batches of their own after the nodes.
    const text = singleChain(5000).replace(/(\n +because: [^\n]*)/g, '$1\n        # a note');
    const { parsed, batches } = await background.analyse('huge', text, {}, []);
    assert.ok(parsed, 'the model came back');
    assert.ok((batches ?? 0) > 1, `${batches} messages`);
    const { text: _text, ...expected } = parseAnalysis(text);
    assert.deepStrictEqual(parsed, expected);
    assert.equal(parsed.analysis.roots[0].chain.steps.length, 5000);
    assert.equal(parsed.comments.length, 5000);
  } finally {
    background.dispose();
  }
});
