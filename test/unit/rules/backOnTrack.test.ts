import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor, parseAnalysis, checkText } from '../../../src/core';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

const wandering = analysis([
  { why: 'Why did the checkout service run out of database connections?', because: 'The finance team had moved the quarterly close to Friday.' },
  { why: 'Why did the checkout service hold its database connections open for minutes?', because: 'Its pool never released a connection whose query had timed out.' },
]);

test('off-topic from the chain\'s evidence: the next question goes back to the question\'s subject past the answer, which is flagged', () => {
  const found = findings(wandering, 'off-topic');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].span, spanOf(wandering, 'The finance team had moved the quarterly close to Friday.'));
  assert.match(found[0].message, /goes back to “/);
  assert.ok(found[0].data?.evidence?.some((w) => /checkout|database/.test(w)), JSON.stringify(found[0].data?.evidence));
});

test('off-topic from the chain\'s evidence: the question that went back is not a chain break, and no fix asks about the flagged answer', () => {
  assert.deepEqual(findings(wandering, 'chain-break'), []);
  // Had the chain-break rule flagged it, its fix would ask about an answer that is itself off-topic.
  const parsed = parseAnalysis(wandering);
  const why = 'Why did the checkout service hold its database connections open for minutes?';
  const fake = { rule: 'chain-break' as const, severity: 'warning' as const, message: 'x', span: spanOf(wandering, why) };
  const fixes = fixesFor(parsed, fake);
  assert.ok(fixes.every((f) => f.ignore), JSON.stringify(fixes.map((f) => f.title)));
});

test('off-topic from the chain\'s evidence: a question that follows the answer, or refers back, leaves the answer alone', () => {
  const follows = analysis([
    { why: 'Why did the checkout service run out of database connections?', because: 'Its pool never released a connection whose query had timed out.' },
    { why: 'Why did the pool not release timed-out connections?', because: 'The driver version in use ignores the socket timeout.' },
  ]);
  assert.deepEqual(findings(follows, 'off-topic'), []);
  assert.equal(judge('off-topic', 'Why did it hold them so long?', 'Because the pool was sized for the old traffic.', { why: 'Why did the checkout service run out of database connections?', because: 'The finance team had moved the quarterly close to Friday.' }).length, 0);
  // The chain-break fix still asks about an answer nobody flagged.
  const breaks = analysis([
    { why: 'Why did the disk fill up?', because: 'Debug logging was left on after the release.' },
    { why: 'Why was the marketing budget cut?', because: 'Finance asked for savings.' },
  ]);
  const parsed = parseAnalysis(breaks);
  const finding = checkText(breaks).findings.find((f) => f.rule === 'chain-break');
  assert.ok(finding);
  assert.ok(fixesFor(parsed, finding).some((f) => !f.ignore && /Insert the step/.test(f.title)));
});
