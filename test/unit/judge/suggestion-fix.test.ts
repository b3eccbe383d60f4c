/**
 * The quick fix "Use the suggested question/answer" on the model review's findings: the edit is
 * built in the core, so these tests apply it to the text and check the file again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, buildJudgeRequests, checkText, fixesFor, mergeJudgeVerdicts, parseJudgeReply, type Finding } from '../../../src/core';
import { NESTED, reply, verdict } from './fixtures';

/** The text's findings with a scripted model reply merged in (as the editor does). */
function reviewed(text: string, replyText: string): { findings: Finding[]; parsed: ReturnType<typeof checkText>['parsed'] } {
  const { parsed, findings } = checkText(text);
  const [request] = buildJudgeRequests(parsed);
  return { parsed, findings: mergeJudgeVerdicts(parsed, findings, parseJudgeReply(request, replyText).verdicts, { model: 'scripted' }) };
}

function suggestionFix(text: string, replyText: string, rule: string) {
  const { parsed, findings } = reviewed(text, replyText);
  const finding = findings.find((f) => f.rule === rule && f.judge);
  assert.ok(finding, `no model finding of ${rule}: ${JSON.stringify(findings.map((f) => [f.rule, f.message]))}`);
  return { finding, fixes: fixesFor(parsed, finding) };
}

test('suggestion fix: replaces the flagged answer with the model’s, keeps every comment and stays valid', () => {
  const text = NESTED.replace('        because: Its connection pool was exhausted.', '        # sized in 2023\n        because: Its connection pool was exhausted. # see the dashboard');
  const { fixes } = suggestionFix(text, reply(verdict('r1.s2', 'because', 'vague', { suggestion: 'A retry loop leaked one connection per retry.' })), 'vague');
  const fix = fixes.find((f) => f.title.startsWith('Use the suggested answer'));
  assert.ok(fix, JSON.stringify(fixes.map((f) => f.title)));
  assert.equal(fix.title, 'Use the suggested answer: “A retry loop leaked one connection per retry.”');
  assert.equal(fix.preferred, false, 'model text is never the auto-applied fix');
  const after = applyEdits(text, fix.edits);
  assert.equal(after, text.replace('Its connection pool was exhausted.', 'A retry loop leaked one connection per retry.'));
  assert.ok(after.includes('# sized in 2023') && after.includes('# see the dashboard'));
  assert.ok(checkText(after).parsed.wellFormed);
});

test('suggestion fix: a question, and a cause in a list, are replaced in place', () => {
  const question = suggestionFix(NESTED, reply(verdict('r1.s2', 'why', 'chain-break', { suggestion: 'Why did the service time out on every request?' })), 'chain-break');
  const q = question.fixes.find((f) => f.title.startsWith('Use the suggested question'));
  assert.ok(q);
  assert.ok(applyEdits(NESTED, q.edits).includes('      - why: Why did the service time out on every request?\n'));

  const cause = suggestionFix(NESTED, reply(verdict('r1.s3.c2', 'cause', 'vague', { suggestion: 'The pool allowed 20 connections; peak load needs 60.' })), 'vague');
  const c = cause.fixes.find((f) => f.title.startsWith('Use the suggested cause'));
  assert.ok(c);
  const after = applyEdits(NESTED, c.edits);
  assert.ok(after.includes('          - cause: "The pool allowed 20 connections; peak load needs 60."\n') || after.includes('          - cause: The pool allowed 20 connections; peak load needs 60.\n'), after);
  assert.ok(checkText(after).parsed.wellFormed);
});

test('suggestion fix: text that would be YAML syntax goes in as one quoted scalar; the structure is unchanged', () => {
  const hostile = 'x\n  - why: injected: [1, {a: b}] # not a comment';
  const { fixes } = suggestionFix(NESTED, reply(verdict('r1.s2', 'because', 'vague', { suggestion: hostile })), 'vague');
  const fix = fixes.find((f) => f.title.startsWith('Use the suggested answer'));
  assert.ok(fix);
  const after = applyEdits(NESTED, fix.edits);
  const before = checkText(NESTED).parsed.analysis;
  const result = checkText(after);
  assert.ok(result.parsed.wellFormed);
  assert.equal(result.findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax').length, 0);
  // The model's new lines were made one line by the core's plain-text cleaning; the value is that text.
  const step = result.parsed.analysis.roots[0].chain.steps[1];
  assert.equal(step.because?.text, 'x - why: injected: [1, {a: b}] # not a comment');
  assert.equal(result.parsed.analysis.roots[0].chain.steps.length, before.roots[0].chain.steps.length);
});

test('suggestion fix: none without a suggestion, and none on the rules’ own findings', () => {
  const none = suggestionFix(NESTED, reply(verdict('r1.s2', 'because', 'vague', { suggestion: '' })), 'vague');
  assert.ok(!none.fixes.some((f) => f.title.startsWith('Use the suggested')));
  const { parsed, findings } = checkText(NESTED.replace('Its connection pool was exhausted.', 'Human error.'));
  for (const f of findings) assert.ok(!fixesFor(parsed, f).some((x) => x.title.startsWith('Use the suggested')));
});
