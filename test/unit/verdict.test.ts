/** The verdict hover model: which value is under the cursor and what the rules say of it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, modelReviewNote, NOTHING_FOUND, ruleFor, verdictAt, type Finding } from '../../src/core';

const text = [
  'version: 1',
  'title: Disk full',
  'problem: The service stopped.',
  'roots:',
  '  - id: one',
  '    whys:',
  '      - why: Why did the service stop?',
  '        because: Its disk filled up.',
  '      - why: Why did the disk fill up?',
  '        because:',
  '          - cause: Logs were never rotated.',
  '          - cause: The disk was small.',
  '',
].join('\n');

test('verdict: an answer no rule flags says only that the offline rules found nothing', () => {
  const result = checkText(text);
  const at = text.indexOf('Its disk') + 3;
  const verdict = verdictAt(result, at);
  assert.ok(verdict);
  assert.equal(verdict.field, 'because');
  assert.deepEqual(verdict.span, { start: text.indexOf('Its disk'), end: text.indexOf('Its disk') + 'Its disk filled up.'.length });
  assert.equal(verdict.sound, true);
  assert.equal(verdict.markdown, `**Answer** of step 1 of root \`one\`: ${NOTHING_FOUND}.`);
  assert.ok(!/sound/i.test(verdict.markdown), 'never claims the answer is sound');
});

test('verdict: a question and a cause are found; keys and other values are not', () => {
  const result = checkText(text);
  assert.equal(verdictAt(result, text.indexOf('Why did the disk'))?.field, 'why');
  const cause = verdictAt(result, text.indexOf('The disk was small.') + 5);
  assert.equal(cause?.field, 'cause');
  assert.equal(cause?.node.path, 'roots[0].whys[1].because[1]');
  assert.equal(verdictAt(result, text.indexOf('because:')), undefined, 'the key');
  assert.equal(verdictAt(result, text.indexOf('Disk full')), undefined, 'the title');
});

test('verdict: each finding on the value with its rule’s title, explanation and the suggestion', () => {
  const result = checkText(text);
  const span = { start: text.indexOf('Why did the disk'), end: text.indexOf('Why did the disk') + 'Why did the disk fill up?'.length };
  const finding: Finding = {
    rule: 'shallow',
    severity: 'information',
    message: 'Only 2 steps: keep asking *why*.',
    span,
    path: 'roots[0].whys[1]',
    data: { suggestion: 'Why was the disk [small]?' },
  };
  const verdict = verdictAt({ parsed: result.parsed, findings: [finding] }, span.start, { ruleLink: (r) => `https://example.test/#${r}` });
  assert.ok(verdict);
  const rule = ruleFor('shallow')!;
  assert.equal(verdict.entries.length, 1);
  assert.equal(verdict.entries[0].title, rule.title);
  assert.equal(verdict.sound, true, 'shallow is not a reasoning rule');
  assert.ok(verdict.markdown.includes(`**${rule.title}** ([\`shallow\`](https://example.test/#shallow), information)`), verdict.markdown);
  assert.ok(verdict.markdown.includes(finding.message));
  assert.ok(verdict.markdown.includes(`_${rule.explanation}_`));
  const quiet = verdictAt({ parsed: result.parsed, findings: [finding] }, span.start, { withMessages: false });
  assert.ok(quiet && !quiet.markdown.includes(finding.message) && quiet.markdown.includes(rule.explanation), quiet?.markdown);
  assert.ok(verdict.markdown.includes('**Better question:** Why was the disk \\[small\\]?'), verdict.markdown);
});

test('verdict: a reasoning finding makes the value unsound', () => {
  const flagged = text.replace('Why did the service stop?', 'The service stopping');
  const result = checkText(flagged);
  const verdict = verdictAt(result, flagged.indexOf('The service stopping'));
  assert.ok(verdict);
  assert.equal(verdict.sound, false);
  assert.ok(verdict.markdown.includes(ruleFor('not-a-question')!.explanation));
  assert.ok(!verdict.markdown.includes(NOTHING_FOUND));
});

test('verdict: a rule switched off by `# whys-ignore` is named, and the nothing-found line says it covers the other rules only', () => {
  const ignored = text.replace("      - why: Why did the disk fill up?", "      # whys-ignore off-topic, circular -- reviewed\n      - why: Why did the disk fill up?");
  const result = checkText(ignored);
  const verdict = verdictAt(result, ignored.indexOf('Why did the disk') + 2);
  assert.ok(verdict);
  assert.deepEqual(verdict.ignored, ['off-topic', 'circular']);
  assert.ok(verdict.markdown.includes(`${NOTHING_FOUND} still on here.`), verdict.markdown);
  assert.ok(verdict.markdown.includes('`off-topic`, `circular` are switched off here by a `# whys-ignore` comment'), verdict.markdown);
  // Another step is not covered by that comment.
  const other = verdictAt(result, ignored.indexOf('Its disk') + 2);
  assert.deepEqual(other?.ignored, []);
  assert.ok(!other?.markdown.includes('switched off'), other?.markdown);
});

test('verdict: a finding from another tier names it, and the model review shows its verdict escaped', () => {
  const result = checkText(text);
  const start = text.indexOf('Its disk');
  const span = { start, end: start + 'Its disk filled up.'.length };
  const learned: Finding = { rule: 'off-topic', severity: 'warning', message: 'm1', span, tier: 'learned' };
  const model: Finding = {
    rule: 'vague',
    severity: 'warning',
    message: '(model) m2',
    span,
    tier: 'model',
    judge: { model: 'scripted-model', confidence: 0.91, explanation: 'Says *nothing* testable.', suggestion: 'The disk had no alert below 10% free.' },
  };
  const plain: Finding = { rule: 'blame', severity: 'warning', message: 'm3', span, tier: 'rules' };
  const verdict = verdictAt({ parsed: result.parsed, findings: [learned, model, plain] }, start + 1);
  assert.ok(verdict);
  assert.equal(verdict.sound, false);
  assert.ok(verdict.markdown.includes('(`off-topic`, warning, found by the learned detector)'), verdict.markdown);
  assert.ok(verdict.markdown.includes('(`vague`, warning, found by the model review)'), verdict.markdown);
  assert.ok(verdict.markdown.includes('(`blame`, warning)'), 'the rules tier is the default and not named');
  assert.ok(verdict.markdown.includes('**Model review** (scripted\\-model, 91% confident): Says \\*nothing\\* testable\\.'), verdict.markdown);
  // The model's suggestion is shown once, by the model review's own note (modelReviewNote), not as the rules' better answer.
  assert.ok(!verdict.markdown.includes('**Better answer:**'), verdict.markdown);
  assert.ok(modelReviewNote(verdict, undefined)?.includes('The disk had no alert below 10% free\\.'));
});

test('verdict: when the model review judged a value and found nothing, the hover says both', () => {
  const result = checkText(text);
  const verdict = verdictAt(result, text.indexOf('Its disk') + 1, { reviewedBy: 'scripted-model' });
  assert.ok(verdict?.markdown.endsWith(`${NOTHING_FOUND}, nor by the model review (scripted\\-model).`), verdict?.markdown);
});
