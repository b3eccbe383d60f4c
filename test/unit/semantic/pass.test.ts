import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeSemanticDetectors, parseAnalysis, parseSemanticMode, PassCancelled, semanticPass, similarityInWords } from '../../../src/core';
import { committedSemanticModels, fixture, realEncoder } from './helpers';

const short = fixture('crowdstrike-short.whys.yaml');

test('real model: the semantic pass flags step 4 of the essay\'s short example off-topic, and only that step', async () => {
  const findings = await semanticPass(parseAnalysis(short), await realEncoder(), committedSemanticModels(), { mode: 'all' });
  assert.deepEqual(
    findings.map((f) => short.slice(f.span.start, f.span.end)),
    ["New templates weren't fully tested."],
  );
  const [f] = findings;
  assert.equal(f.rule, 'off-topic');
  assert.equal(f.tier, 'semantic');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /Found by the semantic pass/);
  assert.match(f.message, /similarity \d\.\d\d/);
});

test('real model: the message names the closer question when there is one', async () => {
  const text = `version: 1
problem: Checkout requests failed for twenty minutes after a deploy.
roots:
  - whys:
      - why: Why did checkout requests fail?
        because: The payment service rejected every call with an authentication error.
      - why: Why did the payment service reject the calls?
        because: The payment service rejected every call with an authentication error after the deploy.
`;
  const findings = await semanticPass(parseAnalysis(text), await realEncoder(), committedSemanticModels(), { mode: 'all' });
  for (const f of findings) assert.match(f.message, /closer to the question of step 1 of root 1, 'Why did checkout requests fail\?', than to its own|reads as/);
});

test('the pass honours the rule\'s severity setting, # whys-ignore and the mode', async () => {
  const encoder = await realEncoder();
  const models = committedSemanticModels();
  assert.deepEqual(await semanticPass(parseAnalysis(short), encoder, models, { mode: 'all', check: { rules: { 'off-topic': 'off' } } }), []);
  assert.deepEqual(await semanticPass(parseAnalysis(short), encoder, models, { mode: 'off' }), []);
  const error = await semanticPass(parseAnalysis(short), encoder, models, { mode: ['off-topic'], check: { rules: { 'off-topic': 'error' } } });
  assert.equal(error[0]?.severity, 'error');
  const ignored = short.replace("      - why: Why was it set for 20?", "      # whys-ignore off-topic\n      - why: Why was it set for 20?");
  assert.deepEqual(await semanticPass(parseAnalysis(ignored), encoder, models, { mode: 'all' }), []);
  const flaggedStart = error[0].span.start;
  assert.deepEqual(await semanticPass(parseAnalysis(short), encoder, models, { mode: 'all', flagged: new Set([`off-topic@${flaggedStart}`]) }), []);
});

test('a cancelled pass stops between slices with PassCancelled', async () => {
  const cancel = { cancelled: false };
  let slices = 0;
  await assert.rejects(
    semanticPass(parseAnalysis(short.replace(/Why/g, 'How come')), await realEncoder(), committedSemanticModels(), {
      mode: 'all',
      slice: 2,
      cancel,
      onProgress: () => {
        slices++;
        cancel.cancelled = true;
      },
    }),
    PassCancelled,
  );
  assert.equal(slices, 1);
});

test('whys.semantic values: default, all, off, on/true/false and lists of rules', () => {
  assert.equal(parseSemanticMode('default'), 'default');
  assert.equal(parseSemanticMode(false), 'off');
  assert.deepEqual(parseSemanticMode(['off-topic']), ['off-topic']);
  assert.deepEqual(parseSemanticMode('off-topic, chain-break'), ['off-topic', 'chain-break']);
  assert.equal(parseSemanticMode(3), undefined);
  const models = committedSemanticModels();
  assert.deepEqual(activeSemanticDetectors(models, 'all'), ['off-topic']);
  assert.deepEqual(activeSemanticDetectors(models, ['off-topic']), ['off-topic']);
  assert.deepEqual(activeSemanticDetectors(models, 'default'), models.settings['off-topic'].on ? ['off-topic'] : []);
  assert.equal(similarityInWords(0.05), 'unrelated');
  assert.equal(similarityInWords(0.75), 'very close');
});
