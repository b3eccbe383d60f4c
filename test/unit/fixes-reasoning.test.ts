/**
 * Quick fixes for the reasoning rules. The findings here are built by the rules' contract (span
 * on the offending scalar, path of its step or cause, `data`), so the fixes are tested on their
 * own; the last tests run the real rules on the lines they are designed to catch.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allCauses, allSteps, checkText, type Finding, type FindingData, type RuleCode, type TextValue } from '../../src/core';
import { asInstruction, asQuestion, fixesFor, type TextEdit } from '../../src/core/fixes';
import { apply, assertValid, findingOf, fixOf, lines } from './fixes-helpers';

/** A finding as a reasoning rule reports it, on the value whose text starts with `starting`. */
function contractFinding(text: string, rule: RuleCode, field: 'why' | 'because' | 'cause', starting: string, data: FindingData = {}): Finding {
  const { analysis } = checkText(text).parsed;
  const nodes: { value?: TextValue; path: string }[] = [
    ...allSteps(analysis).map((s) => ({ value: field === 'why' ? s.why : field === 'because' ? s.because : undefined, path: s.path })),
    ...allCauses(analysis).map((c) => ({ value: field === 'cause' ? c.cause : undefined, path: c.path })),
  ];
  const node = nodes.find((n) => n.value?.text.startsWith(starting));
  assert.ok(node?.value, `no ${field} starting with ${starting}`);
  return { rule, severity: 'warning', message: `(${rule})`, span: node.value.span, path: node.path, data };
}

const head = ['version: 1', 'title: Database down', 'problem: A critical system went down.', 'roots:', '  - id: trigger', '    whys:'];
const actions = ['    actions:', '      - do: Set a per-query memory limit.', '        owner: dba-team', '        due: 2024-10-01', '        kind: prevent'];
const early = [
  '      - why: Why did the system go down?',
  '        because: Because the database ran out of memory.',
  '      - why: Why did it run out of memory?',
  '        because: Because a query consumed all available memory.',
];
const compound = 'Because the query was not optimized, and no limit was set on the memory it could use.';
const parts = ['The query was not optimized.', 'No limit was set on the memory it could use.'];

test('compound: the last step’s answer becomes a list of causes', () => {
  const text = lines([...head, ...early, '      - why: Why was such a query executed?', `        because: ${compound}  # from the review`, '        evidence: Slow query log', ...actions, '']);
  const after = apply(text, fixOf(checkText(text), contractFinding(text, 'compound', 'because', 'Because the query', { parts })));
  assert.equal(
    after.text,
    lines([
      ...head,
      ...early,
      '      - why: Why was such a query executed?',
      '        because:',
      '          - cause: The query was not optimized.',
      '          - cause: No limit was set on the memory it could use.  # from the review',
      '        evidence: Slow query log',
      ...actions,
      '',
    ]),
  );
  assertValid(after.result);
  const step = after.result.parsed.analysis.roots[0].chain.steps[2];
  assert.deepEqual(step.causes?.map((c) => c.cause?.text), parts);
});

test('compound: steps after the split move into the whys of the cause they ask about', () => {
  const text = lines([
    ...head,
    ...early,
    '      - why: Why was such a query executed?',
    `        because: ${compound}`,
    '      # the limit, not the query',
    '      - why: Why was there no memory limit?',
    '        because: >-',
    '          The database was set up',
    '          before limits existed.',
    '',
    '      - why: Why was it never revisited?',
    '        because: Nobody owned the database settings.',
    ...actions,
    '',
  ]);
  const fix = fixOf(checkText(text), contractFinding(text, 'compound', 'because', 'Because the query', { parts }));
  assert.equal(fix.title, 'Split into 2 causes (the steps after this one move under cause 2)');
  const after = apply(text, fix);
  assert.equal(
    after.text,
    lines([
      ...head,
      ...early,
      '      - why: Why was such a query executed?',
      '        because:',
      '          - cause: The query was not optimized.',
      '          - cause: No limit was set on the memory it could use.',
      '            whys:',
      '              # the limit, not the query',
      '              - why: Why was there no memory limit?',
      '                because: >-',
      '                  The database was set up',
      '                  before limits existed.',
      '',
      '              - why: Why was it never revisited?',
      '                because: Nobody owned the database settings.',
      ...actions,
      '',
    ]),
  );
  assertValid(after.result);
  const cause = after.result.parsed.analysis.roots[0].chain.steps[2].causes![1];
  assert.deepEqual(
    cause.chain.steps.map((s) => [s.why?.text, s.because?.text]),
    [
      ['Why was there no memory limit?', 'The database was set up before limits existed.'],
      ['Why was it never revisited?', 'Nobody owned the database settings.'],
    ],
  );
});

test('compound: moving steps up into the first cause, in a CRLF file whose chain ends the file', () => {
  const text = lines([...head, ...early, '      - why: Why was such a query executed?', `        because: ${compound}`, '      - why: Why was the query not optimized?', '        because: "Nobody reviewed it: no review step."'], true);
  const after = apply(text, fixOf(checkText(text), contractFinding(text, 'compound', 'because', 'Because the query', { parts })));
  assert.equal(
    after.text,
    lines(
      [
        ...head,
        ...early,
        '      - why: Why was such a query executed?',
        '        because:',
        '          - cause: The query was not optimized.',
        '            whys:',
        '              - why: Why was the query not optimized?',
        '                because: "Nobody reviewed it: no review step."',
        '          - cause: No limit was set on the memory it could use.',
      ],
      true,
    ),
  );
  assertValid(after.result);
});

test('compound: a folded multi-line answer is split too', () => {
  const text = lines([...head, ...early, '      - why: Why was such a query executed?', '        because: >', '          Because the query was not optimized,', '          and no limit was set.', ...actions, ''], true);
  const after = apply(text, fixOf(checkText(text), contractFinding(text, 'compound', 'because', 'Because the query', { parts: ['The query was not optimized.', 'No limit was set: none at all.'] })));
  assert.equal(
    after.text,
    lines([...head, ...early, '      - why: Why was such a query executed?', '        because:', '          - cause: The query was not optimized.', '          - cause: "No limit was set: none at all."', ...actions, ''], true),
  );
  assertValid(after.result);
});

test('compound: a cause in a list is split into sibling causes; its own whys stay with the first', () => {
  const text = lines([
    ...head,
    ...early,
    '      - why: Why was such a query executed?',
    '        because:',
    `          - cause: ${compound}`,
    '            whys:',
    '              - why: Why was the query not optimized?',
    '                because: Nobody reviewed it.',
    '          - cause: The query ran at peak time.',
    ...actions,
    '',
  ]);
  const after = apply(text, fixOf(checkText(text), contractFinding(text, 'compound', 'cause', 'Because the query', { parts })));
  assert.equal(
    after.text,
    lines([
      ...head,
      ...early,
      '      - why: Why was such a query executed?',
      '        because:',
      '          - cause: The query was not optimized.',
      '            whys:',
      '              - why: Why was the query not optimized?',
      '                because: Nobody reviewed it.',
      '          - cause: No limit was set on the memory it could use.',
      '          - cause: The query ran at peak time.',
      ...actions,
      '',
    ]),
  );
  assertValid(after.result);
});

test('compound: no fix without parts', () => {
  const text = lines([...head, ...early, ...actions, '']);
  const finding = contractFinding(text, 'compound', 'because', 'Because a query');
  assert.ok(!fixesFor(checkText(text).parsed, finding).some((f) => !f.ignore));
});

test('action-as-cause: the remedy moves to the root’s actions and the answer is left to write', () => {
  const text = lines([...head, ...early, '      - id: no-check', '        why: Why was the mismatch not caught?', '        because: We should add a check for the field count.', ...actions, '']);
  const fix = fixOf(checkText(text), contractFinding(text, 'action-as-cause', 'because', 'We should'));
  const after = apply(text, fix);
  assert.equal(
    after.text,
    lines([
      ...head,
      ...early,
      '      - id: no-check',
      '        why: Why was the mismatch not caught?',
      '        because: ""',
      ...actions,
      '      - do: Add a check for the field count.',
      '        for: no-check',
      '        status: open',
      '',
    ]),
  );
  assertValid(after.result);
  const empty = after.result.findings.filter((f) => f.rule === 'schema');
  assert.deepEqual(
    empty.map((f) => [after.text.slice(f.span.start, f.span.end), f.message]),
    [['""', '`because` is empty: write it out.']],
  );
});

test('action-as-cause: a root with no actions gets an `actions:` block (CRLF, cause in a list)', () => {
  const text = lines(
    [...head, ...early, '      - why: Why was the mismatch not caught?', '        because:', '          - cause: "We need to add a check: count the fields."', '          - cause: The rollout was not staged.', '  - id: other', '    whys:', ...early.slice(0, 2)],
    true,
  );
  const after = apply(text, fixOf(checkText(text), contractFinding(text, 'action-as-cause', 'cause', 'We need')));
  assert.equal(
    after.text,
    lines(
      [
        ...head,
        ...early,
        '      - why: Why was the mismatch not caught?',
        '        because:',
        '          - cause: ""',
        '          - cause: The rollout was not staged.',
        '    actions:',
        '      - do: "Add a check: count the fields."',
        '        status: open',
        '  - id: other',
        '    whys:',
        ...early.slice(0, 2),
      ],
      true,
    ),
  );
  assertValid(after.result);
});

test('not-a-question: the why becomes the rule’s question, or "Why …?" around the statement', () => {
  const text = lines([...head, '      - why: The disk filling up', '        because: Logs were never rotated.', '      - why: "DNS: the resolver failing"', '        because: Its cache expired.', ...actions, '']);
  const result = checkText(text);
  const withSuggestion = fixOf(result, contractFinding(text, 'not-a-question', 'why', 'The disk', { suggestion: 'Why did the disk fill up?' }));
  assert.equal(withSuggestion.title, 'Rephrase as “Why did the disk fill up?”');
  const after = apply(text, withSuggestion);
  assert.equal(after.text, text.replace('why: The disk filling up', 'why: Why did the disk fill up?'));
  assertValid(after.result);
  const fallback = apply(text, fixOf(result, contractFinding(text, 'not-a-question', 'why', 'DNS')));
  assert.equal(fallback.text, text.replace('why: "DNS: the resolver failing"', 'why: "Why DNS: the resolver failing?"'));
  assertValid(fallback.result);
});

test('chain-break: a step asking about the previous answer is inserted before the flagged one', () => {
  const text = lines([...head, ...early.slice(0, 2), '      # asked by the on-call', '      - why: Why was the office printer out of toner?', '        because: Nobody ordered toner.', ...actions, ''], true);
  const fix = fixOf(checkText(text), contractFinding(text, 'chain-break', 'why', 'Why was the office', { suggestion: 'Why did the database run out of memory?' }));
  const after = apply(text, fix);
  assert.equal(
    after.text,
    lines(
      [
        ...head,
        ...early.slice(0, 2),
        '      - why: Why did the database run out of memory?',
        '        because: ""',
        '      # asked by the on-call',
        '      - why: Why was the office printer out of toner?',
        '        because: Nobody ordered toner.',
        ...actions,
        '',
      ],
      true,
    ),
  );
  assertValid(after.result);
  const steps = after.result.parsed.analysis.roots[0].chain.steps;
  assert.equal(steps[1].why?.text, 'Why did the database run out of memory?');
});

test('asInstruction and asQuestion', () => {
  assert.equal(asInstruction('We should add a check for the field count.'), 'Add a check for the field count.');
  assert.equal(asInstruction('Because we need to stage the rollout'), 'Stage the rollout.');
  assert.equal(asInstruction('There should be a canary'), 'Add a canary.');
  assert.equal(asQuestion('The disk filling up'), 'Why the disk filling up?');
  assert.equal(asQuestion('why did it fail.'), 'Why did it fail?');
});

// The real rules, on the lines they are designed to catch (skipped until the rules exist).
const DESIGNED = lines([
  'version: 1',
  'title: Crash after a content update',
  'problem: Hosts crashed after a content update.',
  'roots:',
  '  - id: trigger',
  '    whys:',
  '      - why: Why did the hosts crash?',
  '        because: The interpreter read past the end of its input.',
  '      - why: Why did it read past the end of its input?',
  '        because: The template expected 21 fields but only 20 were provided.',
  '      - why: Why was the mismatch not caught before release?',
  '        because: We should add a check for the field count.',
  '  - id: memory',
  '    whys:',
  '      - why: Why did the database run out of memory?',
  '        because: A query consumed all available memory.',
  '      - why: Why was such a memory-intensive query executed?',
  '        because: The query was not optimized, and no limit was set on the memory it could use.',
  '  - id: disk',
  '    whys:',
  '      - why: The disk filling up',
  '        because: Logs were never rotated.',
  '  - id: printer',
  '    whys:',
  '      - why: Why did the service stop?',
  '        because: Its disk filled up.',
  '      - why: Why was the office printer out of toner?',
  '        because: Nobody ordered toner.',
  '',
]);

/** Where the text each edit wrote stands in the edited text. */
function writtenRegions(edits: readonly TextEdit[]): { start: number; end: number }[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.span.start - b.span.start)
    .map((edit) => {
      const start = edit.span.start + shift;
      shift += edit.newText.length - (edit.span.end - edit.span.start);
      return { start, end: start + edit.newText.length };
    });
}

/** Where each rule's designed line stands in DESIGNED. */
const AT: Record<'compound' | 'action-as-cause' | 'not-a-question' | 'chain-break', number> = {
  compound: DESIGNED.indexOf('The query was not optimized'),
  'action-as-cause': DESIGNED.indexOf('We should add'),
  'not-a-question': DESIGNED.indexOf('The disk filling up'),
  'chain-break': DESIGNED.indexOf('Why was the office printer'),
};

for (const rule of ['compound', 'action-as-cause', 'not-a-question', 'chain-break'] as const) {
  test(`${rule}: the real rule’s finding is gone after its fix`, () => {
    const result = checkText(DESIGNED);
    const finding = findingOf(result, rule, AT[rule]);
    const fix = fixOf(result, finding);
    const after = apply(DESIGNED, fix);
    assertValid(after.result);
    // Nothing the fix wrote is flagged by the rule; the fixed answer no longer counts (a
    // chain-break's flagged step now follows an empty answer still to write, so only the inserted
    // step is checked there).
    const regions = writtenRegions(fix.edits);
    const inRegions = after.result.findings.filter((f) => f.rule === rule && regions.some((r) => r.start <= f.span.start && f.span.start < r.end));
    assert.deepEqual(inRegions, []);
    if (rule !== 'chain-break') assert.ok(after.result.findings.filter((f) => f.rule === rule).length < result.findings.filter((f) => f.rule === rule).length);
  });
  test(`${rule}: the real rule’s finding is suppressed by "ignore here"`, () => {
    const result = checkText(DESIGNED);
    const before = result.findings.filter((f) => f.rule === rule).length;
    const after = apply(DESIGNED, fixOf(result, findingOf(result, rule, AT[rule]), true));
    assertValid(after.result);
    assert.equal(after.result.findings.filter((f) => f.rule === rule).length, before - 1);
  });
}
