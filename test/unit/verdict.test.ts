/** The verdict hover model: which value is under the cursor and what the rules say of it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, ruleFor, SOUND, verdictAt, type Finding } from '../../src/core';

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

test('verdict: a sound answer says so', () => {
  const result = checkText(text);
  const at = text.indexOf('Its disk') + 3;
  const verdict = verdictAt(result, at);
  assert.ok(verdict);
  assert.equal(verdict.field, 'because');
  assert.deepEqual(verdict.span, { start: text.indexOf('Its disk'), end: text.indexOf('Its disk') + 'Its disk filled up.'.length });
  assert.equal(verdict.sound, true);
  assert.equal(verdict.markdown, `**Answer** of step 1 of root \`one\`: ✓ ${SOUND}.`);
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
  assert.ok(!verdict.markdown.includes(SOUND));
});
