/**
 * The model's reply is untrusted input: any text, any JSON, any verdict-shaped object gives
 * verdicts on the request's own scalars or an error, never an exception; model text comes out
 * plain and capped; a lockfile of any content reads or fails with a message.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildJudgeRequests, checkText, mergeJudgeVerdicts, parseAnalysis, parseJudgeReply, readJudgeLockfile, MAX_EXPLANATION_LENGTH, MAX_SUGGESTION_LENGTH } from '../../src/core';

const TEXT = `version: 1
title: Checkout outage
problem: Checkout returned errors for 40 minutes.
roots:
  - question: Why did checkout fail?
    whys:
      - why: Why did checkout return errors?
        because: The payment service timed out on every request.
      - why: Why was the pool exhausted?
        because:
          - cause: A retry loop opened a new connection on each retry.
          - cause: The pool was sized for last year's traffic.
`;
const parsed = parseAnalysis(TEXT);
const [request] = buildJudgeRequests(parsed);
const places = new Set(request.targets.map((t) => `${t.span.start}:${t.span.end}`));

const ids = fc.constantFrom('r1.s1', 'r1.s2', 'r1.s2.c1', 'r1.s2.c2', 'r2.s1', 'r1', '', 'r1.s1 ', '__proto__', 'constructor');
const fields = fc.constantFrom('why', 'because', 'cause', 'title', '', 'toString');
const rules = fc.constantFrom('off-topic', 'chain-break', 'circular', 'blame', 'vague', 'action-as-cause', 'compound', 'not-a-question', 'shallow', 'syntax', 'hasOwnProperty');
const verdictLike = fc.record(
  {
    id: fc.oneof(ids, fc.string(), fc.integer()),
    field: fc.oneof(fields, fc.anything()),
    rule: fc.oneof(rules, fc.anything()),
    confidence: fc.oneof(fc.double(), fc.constantFrom(0, 1, 0.7, -0.1, 1.1, Number.NaN), fc.string()),
    explanation: fc.oneof(fc.string({ unit: 'binary', maxLength: 900 }), fc.anything()),
    suggestion: fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.constant(undefined), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

function assertSane(replyText: string): void {
  const reply = parseJudgeReply(request, replyText);
  if (reply.error) assert.equal(reply.verdicts.length, 0);
  for (const v of reply.verdicts) {
    assert.ok(places.has(`${v.span.start}:${v.span.end}`), `verdict on a scalar that was not sent: ${JSON.stringify(v.span)}`);
    assert.ok(v.confidence >= 0 && v.confidence <= 1);
    assert.ok(v.explanation.length > 0 && v.explanation.length <= MAX_EXPLANATION_LENGTH);
    assert.ok((v.suggestion ?? '').length <= MAX_SUGGESTION_LENGTH);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(v.explanation + (v.suggestion ?? '')), 'plain text');
  }
  const merged = mergeJudgeVerdicts(parsed, checkText(TEXT).findings, reply.verdicts, { model: 'm', minConfidence: 0 });
  for (const f of merged) assert.ok(f.span.end <= TEXT.length);
}

test('fuzz: any text as a reply gives verdicts on sent scalars or an error, never a throw', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), assertSane), { numRuns: 500 });
});

test('fuzz: any JSON value as a reply, fenced or not, never throws', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (value, fenced) => {
      const body = JSON.stringify({ verdicts: value });
      assertSane(fenced ? '```json\n' + body + '\n```' : body);
      assertSane(JSON.stringify(value) ?? 'null');
    }),
    { numRuns: 300 },
  );
});

test('fuzz: verdict-shaped objects with hostile values land only on sent scalars, plain and capped', () => {
  fc.assert(
    fc.property(fc.array(verdictLike, { maxLength: 12 }), fc.nat(40), (verdicts, cut) => {
      const body = JSON.stringify({ verdicts });
      assertSane(body);
      assertSane(body.slice(0, Math.max(0, body.length - cut)));
    }),
    { numRuns: 400 },
  );
});

test('fuzz: a lockfile of any content reads, or fails with a message', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.jsonValue().map((v) => JSON.stringify({ whysJudgeLockfile: 1, entries: v }))), (text) => {
      try {
        const { cache } = readJudgeLockfile(text);
        for (const [, entry] of cache.list()) for (const v of entry.verdicts) assert.ok(v.explanation.length <= MAX_EXPLANATION_LENGTH);
      } catch (error) {
        assert.ok(error instanceof Error && error.message.length > 0);
      }
    }),
    { numRuns: 300 },
  );
});
