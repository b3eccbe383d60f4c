/** The model review's reply: strict validation, never a throw. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJudgeRequests, parseAnalysis, parseJudgeReply, MAX_EXPLANATION_LENGTH } from '../../../src/core';
import { NESTED, reply, verdict } from './fixtures';

const [request] = buildJudgeRequests(parseAnalysis(NESTED));

test('reply: valid verdicts land on the scalar their id and field name, from the request’s spans', () => {
  const parsed = parseJudgeReply(request, reply(verdict('r1.s2', 'because', 'vague', { suggestion: 'A retry loop leaked connections.' }), verdict('r1.s3.c2', 'cause', 'blame'), verdict('r2.s1', 'why', 'chain-break')));
  assert.equal(parsed.error, undefined);
  assert.deepEqual(parsed.dropped, []);
  assert.deepEqual(
    parsed.verdicts.map((v) => [v.id, v.field, v.rule, NESTED.slice(v.span.start, v.span.end), v.stepId, v.causeIndex]),
    [
      ['r1.s2', 'because', 'vague', 'Its connection pool was exhausted.', 'r1.s2', undefined],
      ['r1.s3.c2', 'cause', 'blame', 'The pool was sized for last year’s traffic.', 'r1.s3', 1],
      ['r2.s1', 'why', 'chain-break', 'Why did no alert fire?', 'r2.s1', undefined],
    ],
  );
  assert.equal(parsed.verdicts[0].suggestion, 'A retry loop leaked connections.');
  assert.equal(parsed.verdicts[1].suggestion, undefined, 'an empty suggestion is none');
});

test('reply: a reply inside a ```json fence, with words around it, is read', () => {
  const parsed = parseJudgeReply(request, 'Here is my review:\n```json\n' + reply(verdict('r1.s1', 'because', 'circular')) + '\n```\nHope it helps.');
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.verdicts.length, 1);
});

test('reply: a reasoning model’s <think> preamble and prose around the object are skipped', () => {
  const body = reply(verdict('r1.s1', 'because', 'circular'));
  assert.equal(parseJudgeReply(request, `<think>\nThe user wants {json}. Step r1.s1 restates.\n</think>\n${body}`).verdicts.length, 1);
  assert.equal(parseJudgeReply(request, `Here you go: ${body} Let me know!`).verdicts.length, 1);
  assert.match(parseJudgeReply(request, `<think>I will answer {"verdicts": [`).error!, /not JSON|cut off/);
});

test('reply: no verdicts is a valid reply (every step sound)', () => {
  assert.deepEqual(parseJudgeReply(request, '{"verdicts": []}'), { verdicts: [], dropped: [] });
});

test('reply: truncated, not JSON, empty, or without a verdicts list is an error, never a throw', () => {
  const full = reply(verdict('r1.s1', 'because', 'circular'), verdict('r1.s2', 'because', 'vague'));
  assert.match(parseJudgeReply(request, full.slice(0, full.length - 20)).error!, /cut off/);
  assert.match(parseJudgeReply(request, '```json\n{"verdicts": [{"id": "r1.s1"').error!, /cut off/);
  assert.match(parseJudgeReply(request, 'I cannot help with that.').error!, /not JSON/);
  assert.match(parseJudgeReply(request, '').error!, /empty/);
  assert.match(parseJudgeReply(request, '{"results": []}').error!, /no "verdicts"/);
  assert.match(parseJudgeReply(request, '[1, 2]').error!, /no "verdicts"/);
  assert.equal(parseJudgeReply(request, 'null').verdicts.length, 0);
  for (const junk of ['{', '}}}', '"\\u', '{"verdicts": {"a": 1}}', '{"verdicts": [null, 3, "x", []]}']) {
    const parsed = parseJudgeReply(request, junk);
    assert.equal(parsed.verdicts.length, 0, junk);
  }
});

test('reply: unknown ids, fields, rules, keys and out-of-range confidences are dropped and counted', () => {
  const parsed = parseJudgeReply(
    request,
    reply(
      verdict('r1.s1', 'because', 'circular'),
      verdict('r9.s9', 'because', 'circular'),
      verdict('r1.s1', 'title', 'circular'),
      verdict('r1.s1', 'cause', 'circular'),
      verdict('r1.s1', 'because', 'typo'),
      verdict('r1.s1', 'because', 'shallow'),
      verdict('r1.s1', 'why', 'blame'),
      verdict('r1.s2', 'because', 'vague', { confidence: 1.5 }),
      verdict('r1.s2', 'because', 'vague', { confidence: '0.9' }),
      verdict('r1.s2', 'because', 'blame', { file: '../other.whys.yaml', line: 1 }),
      verdict('r1.s1', 'because', 'circular'),
    ),
  );
  assert.equal(parsed.error, undefined);
  assert.deepEqual(parsed.verdicts.map((v) => `${v.id} ${v.field} ${v.rule}`), ['r1.s1 because circular']);
  assert.deepEqual(Object.fromEntries(parsed.dropped.map((d) => [d.reason, d.count])), {
    'unknown id': 1,
    'unknown field': 1,
    'field not in that step': 1,
    'unknown rule': 2,
    'rule does not apply to that field': 1,
    'confidence outside 0..1': 2,
    'unknown key in a verdict': 1,
    duplicate: 1,
  });
});

test('reply: verdicts that all name steps that were not sent are an error for the request', () => {
  const parsed = parseJudgeReply(request, reply(verdict('r3.s1', 'because', 'vague'), verdict('x', 'why', 'chain-break')));
  assert.match(parsed.error!, /names none of the steps sent/);
  assert.deepEqual(parsed.verdicts, []);
  assert.deepEqual(parsed.dropped, [{ reason: 'unknown id', count: 2 }]);
});

test('reply: the model’s text comes out as plain text on one line, capped, without control or bidi characters', () => {
  const long = 'x'.repeat(5000);
  const parsed = parseJudgeReply(request, reply(verdict('r1.s1', 'because', 'circular', { explanation: `Line one\n\n<b>two</b>\u001b[31m red \u202e evil ${long}`, suggestion: `Use\tthis\u0000 ${long}` })));
  const [v] = parsed.verdicts;
  assert.equal(v.explanation.length, MAX_EXPLANATION_LENGTH);
  assert.ok(v.explanation.startsWith('Line one <b>two</b>[31m red evil xxx'), v.explanation.slice(0, 50));
  assert.ok(v.explanation.endsWith('…'));
  assert.ok(!/[\u0000-\u001f\u202e]/.test(v.explanation + v.suggestion));
  assert.ok(v.suggestion!.startsWith('Use this x'));
});

test('reply: an explanation that is empty or not text drops the verdict', () => {
  const parsed = parseJudgeReply(request, reply(verdict('r1.s1', 'because', 'circular', { explanation: '  ' }), verdict('r1.s2', 'because', 'vague', { explanation: 42 })));
  assert.deepEqual(parsed.verdicts, []);
  assert.deepEqual(parsed.dropped, [{ reason: 'no explanation', count: 2 }]);
});
