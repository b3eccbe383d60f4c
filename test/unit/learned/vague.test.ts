import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, spanOf } from '../rules/reasoning.helpers';
import { learned } from './helpers';

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
