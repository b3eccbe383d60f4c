/**
 * The quick fixes issue 11 found wanting, each on the line it was found on: placeholders where
 * the user must type, a remedy's subject kept as the action's owner, a compound's shared
 * qualifier kept, no ungrammatical rephrase, a fix for the hover's better answer and a rename for
 * `unknown-ref`'s "Did you mean".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, toWhyQuestion, type Finding } from '../../src/core';
import { applyFilled, fixesFor, subjectOfRemedy, withSharedQualifiers, type Fix } from '../../src/core/fixes';
import { apply, assertValid, findingOf, fixOf, lines } from './fixes-helpers';

const head = ['version: 1', 'title: Pay bands', 'problem: Offers were declined all quarter.', 'roots:', '  - id: pay', '    whys:'];
const done = ['    actions:', '      - do: Publish the bands.', '        owner: hr', '        due: 2030-01-01', '        kind: process'];
const steps = [
  '      - why: Why were offers declined?',
  '        because: The salary bands were below the market rate.',
  '      - id: stale',
  '        why: Why were the bands below the market rate?',
];

/** The text each placeholder kind is filled with in these tests. */
const fill = (kind: string): string => ({ answer: 'Nobody owned the bands after the reorganisation.', action: 'Review the bands.', owner: 'hr', date: '2030-02-01' })[kind] ?? '?';

/** The placeholders of a fix, as the text they hold and their kind. */
function placeholdersOf(fix: Fix): [string, string][] {
  return fix.edits.flatMap((e) => (e.placeholders ?? []).map((p): [string, string] => [e.newText.slice(p.start, p.end), p.kind]));
}

/** Applies a fix with its placeholders filled in, and checks that no schema problem is left. */
function assertCleanOnceFilled(text: string, fix: Fix): string {
  const filled = applyFilled(text, fix.edits, fill);
  const schema = checkText(filled).findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax');
  assert.deepEqual(schema.map((f) => f.message), [], filled);
  return filled;
}

test('action-as-cause keeps the subject as the action’s owner, and leaves a placeholder answer that passes once written', () => {
  const text = lines([...head, ...steps, '        because: HR should benchmark bands every year.', ...done, '']);
  const result = checkText(text);
  const fix = fixOf(result, findingOf(result, 'action-as-cause'));
  assert.equal(fix.title, 'Move this remedy to the actions (owner: HR) and write the cause it addresses');
  const after = apply(text, fix);
  assert.equal(
    after.text,
    lines([...head, ...steps, '        because: ""', ...done, '      - do: Benchmark bands every year.', '        owner: HR', '        for: stale', '        status: open', '']),
  );
  assertValid(after.result);
  assert.deepEqual(placeholdersOf(fix), [['""', 'answer']]);
  const filled = assertCleanOnceFilled(text, fix);
  assert.ok(filled.includes('because: Nobody owned the bands after the reorganisation.'), filled);
});

test('subjectOfRemedy: a named subject, never a pronoun or a clause', () => {
  assert.equal(subjectOfRemedy('HR should benchmark bands every year.'), 'HR');
  assert.equal(subjectOfRemedy('The platform team must add a limit.'), 'The platform team');
  assert.equal(subjectOfRemedy('We should add a check.'), undefined);
  assert.equal(subjectOfRemedy('If the build fails, we should page the owner.'), undefined);
  assert.equal(subjectOfRemedy('Add a check.'), undefined);
});

test('compound keeps a qualifier the causes share: “at the same time” stays with each', () => {
  const answer = 'It hit the Linux open-files limit on its hosts and an AWS API rate quota at the same time.';
  assert.deepEqual(withSharedQualifiers(answer, ['It hit the Linux open-files limit on its hosts.', 'It hit an AWS API rate quota.']), [
    'It hit the Linux open-files limit on its hosts at the same time.',
    'It hit an AWS API rate quota at the same time.',
  ]);
  assert.deepEqual(withSharedQualifiers('After the migration, the cron host lost its schedule and the bucket lost its rule.', ['The cron host lost its schedule.', 'The bucket lost its rule.']), [
    'After the migration, the cron host lost its schedule.',
    'After the migration, the bucket lost its rule.',
  ]);
  // A word left out between the parts cannot be placed: no split.
  assert.equal(withSharedQualifiers('The cache was cold, mostly, and the pool was small.', ['The cache was cold.', 'The pool was small.'].map((p) => p)), undefined);
  const text = lines([...head, ...steps, '        because: It hit the Linux open-files limit on its hosts and an AWS API rate quota at the same time.', ...done, '']);
  const result = checkText(text);
  const after = apply(text, fixOf(result, findingOf(result, 'compound')));
  assertValid(after.result);
  const causes = after.result.parsed.analysis.roots[0].chain.steps[1].causes?.map((c) => c.cause?.text);
  assert.deepEqual(causes, ['It hit the Linux open-files limit on its hosts at the same time.', 'It hit an AWS API rate quota at the same time.']);
});

test('not-a-question: no ungrammatical rephrase; “Why …?” around the words as written instead', () => {
  assert.equal(toWhyQuestion('The metadata safety checks.'), 'Why the metadata safety checks?');
  assert.equal(toWhyQuestion('The service crashes.'), 'Why does the service crash?');
  const text = lines([...head, steps[0], steps[1], '      - why: The metadata safety checks.', '        because: They were switched off for the migration.', ...done, '']);
  const result = checkText(text);
  const fix = fixOf(result, findingOf(result, 'not-a-question'));
  assert.equal(fix.title, 'Rephrase as “Why the metadata safety checks?”');
  // A suggestion that drops a word of the statement is not used.
  const finding = findingOf(result, 'not-a-question');
  const dropped: Finding = { ...finding, data: { suggestion: 'Why did the checks fail?' } };
  assert.equal(fixesFor(result.parsed, dropped)[0].title, 'Rephrase as “Why the metadata safety checks?”');
});

test('chain-break: the inserted step’s answer is a placeholder, and the file passes once it is written', () => {
  const text = lines([...head, steps[0], steps[1], '      - why: Why was the office printer out of toner?', '        because: Nobody ordered toner.', ...done, '']);
  const result = checkText(text);
  const fix = fixOf(result, findingOf(result, 'chain-break'));
  assert.deepEqual(placeholdersOf(fix), [['""', 'answer']]);
  assertValid(apply(text, fix).result);
  assertCleanOnceFilled(text, fix);
});

test('no-action: the skeleton’s text, owner and date are placeholders, in that order', () => {
  const text = lines([...head, ...steps, '        because: Nobody owned the bands.', '']);
  const result = checkText(text);
  const fix = fixOf(result, findingOf(result, 'no-action'));
  assert.deepEqual(placeholdersOf(fix), [
    ['""', 'action'],
    ['""', 'owner'],
    ['""', 'date'],
  ]);
  assertCleanOnceFilled(text, fix);
});

test('the hover’s better answer is a fix; the answer as written stays as a comment above', () => {
  const text = lines([...head, ...steps, '        because: The bands were last set in 2019.  # from HR', ...done, '']);
  const result = checkText(text);
  const start = text.indexOf('The bands were last set');
  const finding: Finding = {
    rule: 'off-topic',
    severity: 'warning',
    message: 'off-topic',
    span: { start, end: start + 'The bands were last set in 2019.'.length },
    path: 'roots[0].whys[1]',
    // A rule's better answer (the model review's suggestion has its own, never-preferred fix:
    // test/unit/judge/suggestion-fix.test.ts).
    data: { suggestion: 'Nobody reviewed the bands after 2019.' },
  };
  const fixes = fixesFor(result.parsed, finding);
  const better = fixes.find((f) => f.title.startsWith('Use the suggested answer'));
  assert.ok(better, JSON.stringify(fixes.map((f) => f.title)));
  assert.equal(better.preferred, true, 'the only fix besides ignore');
  const after = apply(text, better);
  assert.equal(
    after.text,
    lines([...head, ...steps, '        # whys: answer before the suggested one: The bands were last set in 2019.', '        because: Nobody reviewed the bands after 2019.  # from HR', ...done, '']),
  );
  assertValid(after.result);
});

test('unknown-ref: “Did you mean” becomes a rename of the `for:` value', () => {
  const text = lines([...head, ...steps, '        because: Nobody owned the bands.', ...done, '        for: stael', '']);
  const result = checkText(text);
  const finding = findingOf(result, 'unknown-ref');
  const fix = fixOf(result, finding);
  assert.equal(fix.title, 'Change `for: stael` to `stale`');
  const after = apply(text, fix);
  assert.equal(after.text, text.replace('for: stael', 'for: stale'));
  assert.deepEqual(after.result.findings.filter((f) => f.rule === 'unknown-ref'), []);
});
