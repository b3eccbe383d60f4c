/** "Ignore here": the `# whys-ignore` comment a fix inserts switches the finding off, there only. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/core';
import { fixesFor } from '../../src/core/fixes';
import { apply, findingOf, fixOf, lines, rulesOf } from './fixes-helpers';

const head = ['version: 1', 'title: Disk full', 'problem: The service stopped.', 'roots:'];
const action = ['    actions:', '      - do: Re-enable log rotation.', '        owner: ops', '        due: 2024-09-01', '        kind: prevent'];
const short = ['    whys:', '      - why: Why did the service stop?', '        because: Its disk filled up.'];


test('ignore: a comment before the root switches no-action off for that root only', () => {
  const text = lines([...head, '  - id: one', ...short, '  - id: two', ...short, '']);
  const result = checkText(text);
  const finding = findingOf(result, 'no-action', text.indexOf('id: one'));
  const fix = fixOf(result, finding, true);
  assert.equal(fix.title, 'Ignore `no-action` here');
  assert.equal(fix.preferred, false);
  const after = apply(text, fix);
  assert.equal(after.text, lines([...head, '  # whys-ignore no-action', '  - id: one', ...short, '  - id: two', ...short, '']));
  const left = after.result.findings.filter((f) => f.rule === 'no-action');
  assert.deepEqual(
    left.map((f) => f.span.start),
    [after.text.indexOf('id: two')],
    'only the other root is still flagged',
  );
});

test('ignore: a step-level finding (shallow) gets a comment before its step, at its indentation', () => {
  const text = lines([...head, '  - id: one', ...short, ...action, '']);
  const result = checkText(text);
  const finding = findingOf(result, 'shallow');
  const after = apply(text, fixOf(result, finding, true));
  assert.equal(after.text, lines([...head, '  - id: one', short[0], '      # whys-ignore shallow', ...short.slice(1), ...action, '']));
  assert.ok(!rulesOf(after.result).includes('shallow'));
});

test('ignore: an existing ignore comment gets the rule added, before its reason', () => {
  const text = lines([...head, '  - id: one', short[0], '      # whys-ignore chain-break -- asked by the on-call', ...short.slice(1), ...action, ''], true);
  const result = checkText(text);
  const finding = findingOf(result, 'shallow');
  const after = apply(text, fixOf(result, finding, true));
  assert.equal(after.text, text.replace('chain-break -- ', 'chain-break, shallow -- '));
  assert.ok(!rulesOf(after.result).includes('shallow'));
});

test('ignore: an unknown key inside a step is ignored for that step, in a CRLF file', () => {
  const text = lines([...head, '  - id: one', ...short, '        sevrity: high', '      - why: Why did the disk fill up?', '        because: Logs were never rotated.', ...action, ''], true);
  const result = checkText(text);
  const finding = findingOf(result, 'schema', text.indexOf('sevrity'));
  const after = apply(text, fixOf(result, finding, true));
  assert.equal(after.text, text.replace('      - why: Why did the service stop?', '      # whys-ignore schema\r\n      - why: Why did the service stop?'));
  assert.ok(!rulesOf(after.result).includes('schema'));
});

test('ignore: an action-incomplete finding gets a comment before its action', () => {
  const text = lines([...head, '  - id: one', ...short, '    actions:', '      - do: Rotate logs.', '        kind: prevent', '']);
  const result = checkText(text);
  const finding = findingOf(result, 'action-incomplete');
  const after = apply(text, fixOf(result, finding, true));
  assert.ok(after.text.includes('    actions:\n      # whys-ignore action-incomplete\n      - do: Rotate logs.'));
  assert.ok(!rulesOf(after.result).includes('action-incomplete'));
  assert.ok(rulesOf(after.result).includes('shallow'), 'other rules still apply');
});

test('ignore: a finding about the whole file (coverage) gets a comment before `roots:`', () => {
  const text = lines(['# An analysis.', ...head, '  - id: one', ...short, ...action, '']);
  const result = checkText(text);
  const finding = findingOf(result, 'coverage');
  const after = apply(text, fixOf(result, finding, true));
  assert.equal(after.text, text.replace('\nroots:', '\n# whys-ignore coverage\nroots:'));
  assert.ok(!rulesOf(after.result).includes('coverage'));
});

test('ignore: no ignore for syntax errors', () => {
  const result = checkText('version: 1\nroots: [\n');
  const finding = result.findings.find((f) => f.rule === 'syntax');
  assert.ok(finding);
  assert.deepEqual(fixesFor(result.parsed, finding), []);
});
