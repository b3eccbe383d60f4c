/** Merging the model's verdicts with the rules' findings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJudgeRequests, checkText, mergeJudgeVerdicts, parseJudgeReply, type Finding } from '../../../src/core';
import { NESTED, reply, verdict } from './fixtures';

function merged(text: string, replyText: string, options: Partial<Parameters<typeof mergeJudgeVerdicts>[3]> = {}): { findings: Finding[]; before: Finding[] } {
  const { parsed, findings } = checkText(text, options.check);
  const [request] = buildJudgeRequests(parsed);
  const { verdicts } = parseJudgeReply(request, replyText);
  return { findings: mergeJudgeVerdicts(parsed, findings, verdicts, { model: 'test-model', ...options }), before: findings };
}

test('merge: a verdict becomes a finding with the rule’s code and severity on the scalar, marked as the model’s', () => {
  const { findings, before } = merged(NESTED, reply(verdict('r1.s2', 'because', 'vague', { confidence: 0.82, explanation: 'Exhausted by what?', suggestion: 'A retry loop leaked connections.' })));
  const added = findings.filter((f) => !before.includes(f));
  assert.equal(added.length, 1);
  const [f] = added;
  assert.equal(f.rule, 'vague');
  assert.equal(f.severity, 'warning');
  assert.equal(f.tier, 'model');
  assert.equal(f.message, '(model) Exhausted by what?');
  assert.equal(NESTED.slice(f.span.start, f.span.end), 'Its connection pool was exhausted.');
  assert.equal(f.path, 'roots[0].whys[1]');
  assert.deepEqual(f.judge, { model: 'test-model', confidence: 0.82, explanation: 'Exhausted by what?', suggestion: 'A retry loop leaked connections.' });
  assert.deepEqual(findings, [...findings].sort((a, b) => a.span.start - b.span.start), 'in file order');
});

test('merge: below minConfidence (default 0.7) a verdict is not shown', () => {
  const replyText = reply(verdict('r1.s2', 'because', 'vague', { confidence: 0.69 }), verdict('r1.s1', 'because', 'circular', { confidence: 0.7 }));
  assert.deepEqual(merged(NESTED, replyText).findings.filter((f) => f.judge).map((f) => f.rule), ['circular']);
  assert.deepEqual(merged(NESTED, replyText, { minConfidence: 0.5 }).findings.filter((f) => f.judge).map((f) => f.rule), ['circular', 'vague']);
  assert.deepEqual(merged(NESTED, replyText, { minConfidence: 0.95 }).findings.filter((f) => f.judge), []);
});

test('merge: where a rule already flagged the scalar, one finding carries both explanations', () => {
  const text = NESTED.replace('Its connection pool was exhausted.', 'Human error by the on-call engineer.');
  const { findings, before } = merged(text, reply(verdict('r1.s2', 'because', 'blame', { explanation: 'Stops at a person.' })));
  const rule = before.find((f) => f.rule === 'blame');
  assert.ok(rule, 'the blame rule flags it offline');
  const blame = findings.filter((f) => f.rule === 'blame');
  assert.equal(blame.length, 1);
  assert.equal(blame[0].message, `${rule.message} (model) agrees: Stops at a person.`);
  assert.notEqual(blame[0].tier, 'model');
  assert.equal(blame[0].judge?.explanation, 'Stops at a person.');
  assert.equal(findings.length, before.length);
});

test('merge: a rule switched off stays off; a severity setting applies; # whys-ignore applies', () => {
  const replyText = reply(verdict('r1.s2', 'because', 'vague'), verdict('r1.s1', 'because', 'circular'));
  const off = merged(NESTED, replyText, { check: { rules: { vague: 'off', circular: 'error' } } }).findings.filter((f) => f.judge);
  assert.deepEqual(off.map((f) => [f.rule, f.severity]), [['circular', 'error']]);
  const ignored = NESTED.replace('      - why: Why did the payment service time out?', '      # whys-ignore vague -- pool sizing is tracked elsewhere\n      - why: Why did the payment service time out?');
  assert.deepEqual(merged(ignored, replyText).findings.filter((f) => f.judge).map((f) => f.rule), ['circular']);
});

test('merge: merging again replaces the earlier model findings instead of doubling them', () => {
  const { parsed, findings } = checkText(NESTED);
  const [request] = buildJudgeRequests(parsed);
  const first = mergeJudgeVerdicts(parsed, findings, parseJudgeReply(request, reply(verdict('r1.s2', 'because', 'vague'))).verdicts, { model: 'a' });
  const second = mergeJudgeVerdicts(parsed, first, parseJudgeReply(request, reply(verdict('r1.s1', 'because', 'circular'))).verdicts, { model: 'b' });
  assert.deepEqual(second.filter((f) => f.judge).map((f) => [f.rule, f.judge!.model]), [['circular', 'b']]);
});
