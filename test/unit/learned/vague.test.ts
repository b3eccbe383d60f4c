import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, spanOf } from '../rules/reasoning.helpers';
import { committedModels, learned } from './helpers';
import { parseAnalysis } from '../../../src/core';
import { scoreAll } from '../../../src/core/learned';

test('learned vague: an unfalsifiable cause the phrase lists do not know is flagged, with the words it judged by', () => {
  const because = 'There was a cultural problem around accountability in the organisation.';
  const text = analysis([{ why: 'Why was the release shipped without sign-off?', because }]);
  assert.deepEqual(findings(text, 'vague'), [], 'the rules pass it');
  const found = learned(text, 'vague');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].tier, 'learned');
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.ok((found[0].data?.evidence?.length ?? 0) > 0);
  for (const word of found[0].data!.evidence!) assert.ok(found[0].message.includes(`“${word}”`), found[0].message);
  assert.match(found[0].message, /learned detector/);
});

test('learned vague: a concrete cause is not flagged, in either style', () => {
  for (const because of ['The cron job read the retention period from a config key that the March migration had renamed.', 'Because the cron job read the retention period from a config key that the March migration had renamed.']) {
    assert.deepEqual(learned(analysis([{ why: 'Why were the backups deleted after one day?', because }]), 'vague'), []);
  }
});

test('learned vague: its scores are cached by answer and question, so the same answer under another question is scored again, and a second check gives what the first did', () => {
  // Vague-sounding answers and questions they could follow: find an answer whose score crosses
  // the threshold between two questions (the cache must not give one question's verdict to the other).
  const answers = ['The pharmacy technician made a mistake.', 'Because the export is slow.', 'There was a lack of ownership.', 'The team did not communicate well.', 'Nobody paid enough attention to the alerts.', 'The process was not followed properly.', 'Monitoring was insufficient.', 'Testing was not thorough enough.', 'Poor planning.', 'The rollout was rushed.'];
  const questions = ['Why was the release shipped without sign-off?', 'Why did nobody notice the disk filling up?', 'Why was the rollout rushed?', 'Why did the alerts go unanswered?', 'Why was there no owner?', 'Why did the test miss the bug?', 'Why was the plan poor?'];
  const models = committedModels();
  const threshold = models.settings.vague.threshold;
  const probability = (why: string, because: string): number => {
    const scored = scoreAll(parseAnalysis(analysis([{ why, because }])).analysis, models).find((s) => s.detector === 'vague');
    return scored?.probability ?? 0;
  };
  let pair: { because: string; flagged: string; passed: string } | undefined;
  for (const because of answers) {
    const ps = questions.map((why) => ({ why, p: probability(why, because) }));
    const over = ps.find((x) => x.p >= threshold);
    const under = ps.find((x) => x.p < threshold);
    if (over && under) {
      pair = { because, flagged: over.why, passed: under.why };
      break;
    }
  }
  assert.ok(pair, 'no answer whose score crosses the threshold between two of the questions: pick others');
  const text = analysis([
    { why: pair.flagged, because: pair.because },
    { why: pair.passed, because: pair.because },
  ]);
  const first: number = text.indexOf(pair.because);
  for (let round = 0; round < 2; round++) {
    const found = learned(text, 'vague').map((f) => f.span.start);
    assert.deepEqual(found, [first], `round ${round}: only the answer under “${pair.flagged}”, not the one under “${pair.passed}”`);
  }
});
