/**
 * What the editor shows of the model review, built in the core: the hover's note (agrees /
 * disagrees with the offline rules, the suggestion as plain text) and the preview's marks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJudgeRequests, checkText, mergeJudgeVerdicts, modelReviewNote, parseJudgeReply, treeDiagram, verdictAt, type Finding } from '../../../src/core';
import { NESTED, reply, verdict } from './fixtures';

const BLAMED = NESTED.replace('The client library ignored the pool setting.', 'Human error by the on-call engineer.');

function reviewed(text: string, replyText: string): { parsed: ReturnType<typeof checkText>['parsed']; findings: Finding[] } {
  const { parsed, findings } = checkText(text);
  const [request] = buildJudgeRequests(parsed);
  return { parsed, findings: mergeJudgeVerdicts(parsed, findings, parseJudgeReply(request, replyText).verdicts, { model: 'Scripted *Judge*' }) };
}

function noteAt(check: ReturnType<typeof reviewed>, text: string, judgedBy: string | undefined): string | undefined {
  const verdict = verdictAt(check, check.parsed.text.indexOf(text) + 1);
  assert.ok(verdict, `no value at ${text}`);
  return modelReviewNote(verdict, judgedBy);
}

test('review note: the model flags what the rules did not: it disagrees, and its suggestion is escaped plain text', () => {
  const check = reviewed(NESTED, reply(verdict('r1.s2', 'because', 'vague', { suggestion: 'A **retry** loop [leaked](x) connections.' })));
  const note = noteAt(check, 'Its connection pool was exhausted.', 'Scripted *Judge*');
  assert.ok(note);
  assert.ok(note.includes('**Model review** (Scripted \\*Judge\\*) disagrees with the offline rules: it finds `vague` here, which they did not.'), note);
  assert.ok(note.includes('**The model’s suggested answer:** A \\*\\*retry\\*\\* loop \\[leaked\\]\\(x\\) connections\\.'), note);
});

test('review note: agrees where both flag the scalar; disagrees where only the rules do; says so where neither does', () => {
  const agreed = reviewed(BLAMED, reply(verdict('r1.s3.c1.s1', 'because', 'blame')));
  assert.equal(noteAt(agreed, 'Human error by the on-call engineer.', 'm'), '**Model review** (Scripted \\*Judge\\*) agrees with the offline rules: `blame`.');
  const silent = reviewed(BLAMED, reply());
  assert.equal(noteAt(silent, 'Human error by the on-call engineer.', 'Judge'), '**Model review** (Judge) disagrees with the offline rules: it found no `blame` problem here.');
  assert.equal(noteAt(silent, 'Its connection pool was exhausted.', 'Judge'), '**Model review** (Judge) found no reasoning problem here either.');
  assert.equal(noteAt(silent, 'Its connection pool was exhausted.', undefined), undefined, 'no note where the model did not judge');
});

test('preview: a model finding marks its node weak like a rule’s, with the (model) message in the tooltip', () => {
  const before = treeDiagram(checkText(NESTED).parsed.analysis, checkText(NESTED).findings).nodes.find((n) => n.path === 'roots[0].whys[1]');
  assert.ok(before && !before.weak);
  const check = reviewed(NESTED, reply(verdict('r1.s2', 'because', 'vague', { explanation: 'Exhausted by what? <b>x</b>' })));
  const nodes = treeDiagram(check.parsed.analysis, check.findings).nodes;
  const step = nodes.find((n) => n.path === 'roots[0].whys[1]');
  assert.ok(step?.weak, 'the step is marked weak');
  assert.ok(step.tooltip.includes('vague: (model) Exhausted by what? <b>x</b>'), step.tooltip);
  const cause = reviewed(NESTED, reply(verdict('r1.s3.c2', 'cause', 'vague')));
  assert.ok(treeDiagram(cause.parsed.analysis, cause.findings).nodes.find((n) => n.path === 'roots[0].whys[2].because[1]')?.weak, 'a cause node too');
});
