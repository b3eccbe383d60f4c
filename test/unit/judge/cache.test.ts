/** The verdict cache: keys, the lockfile text, and a review that sends nothing the second time. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { checkText, judgeAnalysis, judgeCacheKey, JudgeTransportError, MemoryJudgeCache, readJudgeLockfile, sha256Hex, writeJudgeLockfile, type JudgeRequest } from '../../../src/core';
import { NESTED, reply, verdict } from './fixtures';

test('cache: the pure-JS SHA-256 equals Node’s on ASCII, multi-byte, astral, empty and block-edge inputs', () => {
  for (const text of ['', 'abc', 'é ü — “x”', '🙂 astral', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(1000), 'lone \ud800 surrogate']) {
    assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(text.slice(0, 20)));
  }
});

test('cache: the key changes with the prompt version, model, question, answer, previous answer and root question, and only with them', () => {
  const step = { question: 'Why?', answer: 'Because.', previous: 'Before.', rootQuestion: 'Root?' };
  const key = judgeCacheKey(step, 'm');
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(judgeCacheKey({ ...step, id: 'r9.s9' } as typeof step, 'm'), key, 'the id is not part of it');
  const variants = [
    judgeCacheKey(step, 'm', 'other-prompt'),
    judgeCacheKey(step, 'n'),
    judgeCacheKey({ ...step, question: 'Why not?' }, 'm'),
    judgeCacheKey({ ...step, answer: 'Because!' }, 'm'),
    judgeCacheKey({ ...step, previous: 'After.' }, 'm'),
    judgeCacheKey({ ...step, rootQuestion: 'Other?' }, 'm'),
    judgeCacheKey({ ...step, question: 'Why?Because.', answer: '' }, 'm'),
  ];
  assert.equal(new Set([key, ...variants]).size, variants.length + 1);
});

/** A scripted stand-in for a model: counts requests, replies with one verdict on r1.s2. */
function standIn() {
  const sent: JudgeRequest[] = [];
  return {
    sent,
    async send(request: JudgeRequest): Promise<string> {
      sent.push(request);
      return reply(verdict('r1.s2', 'because', 'vague'), verdict('r1.s3.c2', 'cause', 'compound', { suggestion: 'Split it.' }));
    },
  };
}

test('cache (scripted stand-in model): a second review of an unchanged analysis sends nothing and gives the same verdicts', async () => {
  const { parsed } = checkText(NESTED);
  const cache = new MemoryJudgeCache();
  const model = standIn();
  const first = await judgeAnalysis(parsed, { model: 'm', transport: model, cache });
  assert.equal(model.sent.length, 1);
  assert.deepEqual([first.steps, first.judged, first.fromCache, first.notJudged, first.requests], [5, 5, 0, 0, 1]);
  assert.equal(cache.size, 5, 'one entry per step, sound steps included');
  const second = await judgeAnalysis(parsed, { model: 'm', transport: model, cache });
  assert.equal(model.sent.length, 1, 'nothing sent the second time');
  assert.deepEqual([second.judged, second.fromCache, second.requests], [0, 5, 0]);
  assert.deepEqual(second.verdicts, first.verdicts);
});

test('cache (scripted stand-in model): an edited step is asked again, the others keep their recorded verdicts', async () => {
  const cache = new MemoryJudgeCache();
  const model = standIn();
  await judgeAnalysis(checkText(NESTED).parsed, { model: 'm', transport: model, cache });
  const edited = NESTED.replace('The error-rate alert watched only the web tier.', 'The alert watched the web tier only.');
  const again = await judgeAnalysis(checkText(edited).parsed, { model: 'm', transport: model, cache });
  assert.equal(model.sent.length, 2);
  assert.deepEqual([again.fromCache, again.judged], [4, 1]);
  assert.equal(cache.size, 6);
  assert.deepEqual(again.verdicts.map((v) => `${v.id} ${v.rule}`), ['r1.s2 vague', 'r1.s3.c2 compound']);
});

test('cache: without a transport the review answers from the cache only and counts what is not judged', async () => {
  const cache = new MemoryJudgeCache();
  await judgeAnalysis(checkText(NESTED).parsed, { model: 'm', transport: standIn(), cache });
  const edited = NESTED.replace('Why did no alert fire?', 'Why did no page go out?');
  const cached = await judgeAnalysis(checkText(edited).parsed, { model: 'm', cache });
  assert.deepEqual([cached.fromCache, cached.notJudged, cached.requests], [4, 1, 0]);
  assert.deepEqual(cached.reviewed, ['roots[0].whys[0]', 'roots[0].whys[1]', 'roots[0].whys[2]', 'roots[0].whys[2].because[0].whys[0]'], 'the edited step is not reviewed');
  const otherModel = await judgeAnalysis(checkText(NESTED).parsed, { model: 'other', cache });
  assert.deepEqual([otherModel.fromCache, otherModel.notJudged], [0, 5]);
});

test('cache: the lockfile is sorted, stable and reads back to the same entries; a bad entry is left out', async () => {
  const cache = new MemoryJudgeCache();
  await judgeAnalysis(checkText(NESTED).parsed, { model: 'm', transport: standIn(), cache });
  const text = writeJudgeLockfile(cache);
  const value = JSON.parse(text);
  assert.equal(value.whysJudgeLockfile, 1);
  const keys = Object.keys(value.entries);
  assert.deepEqual(keys, [...keys].sort());
  assert.ok(text.endsWith('}\n'));
  const { cache: back, skipped } = readJudgeLockfile(text);
  assert.equal(skipped, 0);
  assert.equal(back.changed, false);
  assert.equal(writeJudgeLockfile(back), text, 'write(read(x)) = x');
  type Entry = { verdicts: { field: string }[] };
  const withCause = (Object.values(value.entries) as Entry[]).find((e) => e.verdicts.some((v) => v.field === 'cause'))!;
  assert.deepEqual(withCause.verdicts, [{ field: 'cause', cause: 1, rule: 'compound', confidence: 0.9, explanation: 'The cause of r1.s3.c2 is compound.', suggestion: 'Split it.' }]);
  value.entries[keys[0]].verdicts = [{ field: 'because', rule: 'made-up', confidence: 1, explanation: 'x' }];
  value.entries['not-a-hash'] = { model: 'm', verdicts: [] };
  const tampered = readJudgeLockfile(JSON.stringify(value));
  assert.equal(tampered.skipped, 2);
  assert.equal(tampered.cache.size, keys.length - 1);
  assert.throws(() => readJudgeLockfile('{"entries": {}}'), /not a whys judge lockfile/);
  assert.throws(() => readJudgeLockfile('nope'), /not JSON/);
});

test('review (scripted stand-in model): a failed request counts its steps as not judged and caches nothing; a fatal error stops the rest', async () => {
  const { parsed } = checkText(NESTED);
  const cache = new MemoryJudgeCache();
  let calls = 0;
  const failing = {
    async send(): Promise<string> {
      calls++;
      throw new JudgeTransportError('the endpoint refused the key', true);
    },
  };
  const outcome = await judgeAnalysis(parsed, { model: 'm', transport: failing, cache, maxStepsPerRequest: 1, concurrency: 1 });
  assert.equal(calls, 1, 'after a fatal error nothing more is sent');
  assert.deepEqual([outcome.notJudged, outcome.judged, cache.size], [5, 0, 0]);
  assert.deepEqual(outcome.errors, [{ request: 'r1 part 1', message: 'the endpoint refused the key', fatal: true }]);
  const garbled = await judgeAnalysis(parsed, { model: 'm', transport: { send: async () => '{"verdicts": [' }, cache });
  assert.match(garbled.errors[0].message, /cut off/);
  assert.equal(cache.size, 0);
});
