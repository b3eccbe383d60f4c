import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor, parseAnalysis } from '../../../src/core';
import { analysis, spanOf } from '../rules/reasoning.helpers';
import { learned } from './helpers';

test('learned chain-break: a question about something the previous answer never said is flagged, with a question to ask instead', () => {
  const why = 'Why did the regional finance committee cut the spring marketing budget for the loyalty campaign?';
  const text = analysis([
    { why: 'Why did the disk fill up?', because: 'Debug logging was left on after the release.' },
    { why, because: 'Finance asked for savings.' },
  ]);
  const found = learned(text, 'chain-break');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].span, spanOf(text, why));
  assert.equal(found[0].tier, 'learned');
  assert.match(found[0].message, /share no word|closest words|only word/);
  assert.ok(found[0].data?.suggestion?.startsWith('Why'), found[0].data?.suggestion);
  // The quick fix is the rule's: insert the step that asks about the previous answer.
  const fixes = fixesFor(parseAnalysis(text), { ...found[0], severity: 'warning' });
  assert.ok(fixes.some((f) => f.preferred && f.title === `Insert the step “${found[0].data?.suggestion}” before this one`), JSON.stringify(fixes.map((f) => f.title)));
});

test('learned chain-break: a question about the previous answer is not flagged', () => {
  const text = analysis([
    { why: 'Why did the disk fill up?', because: 'Debug logging was left on after the release.' },
    { why: 'Why was debug logging left on after the release?', because: 'The release checklist has no step to switch it off.' },
  ]);
  assert.deepEqual(learned(text, 'chain-break'), []);
});
