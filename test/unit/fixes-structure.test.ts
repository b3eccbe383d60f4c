/** Quick fixes for structural findings: misspelt keys and enum values, a root with no action. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/core';
import { apply, assertValid, findingOf, fixOf, lines, rulesOf } from './fixes-helpers';
import { pairAt, pairIn } from '../../src/core/fixes/layout';

const head = ['version: 1', 'title: Disk full', 'problem: The service stopped.', 'roots:'];
const chain = [
  '    whys:',
  '      - why: Why did the service stop?',
  '        because: Its disk filled up.',
  '      - why: Why did the disk fill up?',
  '        because: Logs were never rotated.',
  '      - why: Why were logs never rotated?',
  '        because: The rotation job was disabled during a migration.',
];
const action = ['    actions:', '      - do: Re-enable log rotation.', '        owner: ops', '        due: 2024-09-01', '        kind: prevent'];

test('schema: a misspelt key is renamed to the one meant', () => {
  const text = lines([...head, '  - id: disk', ...chain.slice(0, 2), '        becuase: Its disk filled up.  # typo', ...chain.slice(3), ...action, '']);
  const result = checkText(text);
  const finding = findingOf(result, 'schema', text.indexOf('becuase'));
  assert.equal(finding.data?.didYouMean, 'because');
  const fix = fixOf(result, finding);
  assert.equal(fix.title, 'Rename `becuase` to `because`');
  assert.equal(fix.preferred, true);
  const after = apply(text, fix);
  assert.equal(after.text, text.replace('becuase:', 'because:'));
  assertValid(after.result);
  assert.ok(!rulesOf(after.result).includes('schema'));
});

test('schema: a misspelt enum value is replaced, in a CRLF file', () => {
  const text = lines([...head.slice(0, 2), 'incident:', '  severity: hgih', ...head.slice(2), '  - id: disk', ...chain, ...action, ''], true);
  const result = checkText(text);
  const finding = findingOf(result, 'schema', text.indexOf('hgih'));
  const after = apply(text, fixOf(result, finding));
  assert.equal(after.text, text.replace('hgih', 'high'));
  assertValid(after.result);
});

test('no-action: an action skeleton is added at the end of the root, before the next root', () => {
  const text = lines([...head, '  - id: disk', ...chain, '  # the second line of inquiry', '  - id: late', ...chain, ...action, '']);
  const result = checkText(text);
  const finding = findingOf(result, 'no-action');
  const fix = fixOf(result, finding);
  assert.equal(fix.title, 'Add an action to this root');
  const after = apply(text, fix);
  const skeleton = ['    actions:', '      - do: ""', '        owner: ""', '        due: ""', '        kind: prevent', '        status: open'];
  assert.equal(after.text, lines([...head, '  - id: disk', ...chain, ...skeleton, '  # the second line of inquiry', '  - id: late', ...chain, ...action, '']));
  assertValid(after.result);
  assert.ok(!rulesOf(after.result).includes('no-action'));
});

test('no-action: at the end of a CRLF file without a final line break', () => {
  const text = lines([...head, '  - whys:', ...chain.slice(1).map((l) => l.replace(/^ {4}/, '    '))], true);
  const result = checkText(text);
  const after = apply(text, fixOf(result, findingOf(result, 'no-action')));
  const skeleton = ['    actions:', '      - do: ""', '        owner: ""', '        due: ""', '        kind: prevent', '        status: open'];
  assert.equal(after.text, text + '\r\n' + skeleton.join('\r\n'));
  assertValid(after.result);
  assert.ok(!rulesOf(after.result).includes('no-action'));
});

test('no-action: an empty `actions: []` is filled in place', () => {
  const text = lines([...head, '  - id: disk', '    actions: []  # none yet', ...chain, '']);
  const result = checkText(text);
  const after = apply(text, fixOf(result, findingOf(result, 'no-action')));
  const skeleton = ['      - do: ""', '        owner: ""', '        due: ""', '        kind: prevent', '        status: open'];
  assert.equal(after.text, lines([...head, '  - id: disk', '    actions:', ...skeleton.slice(0, -1), skeleton[skeleton.length - 1] + '  # none yet', ...chain, '']));
  assertValid(after.result);
  assert.ok(!rulesOf(after.result).includes('no-action'));
});

test('no-action: an `actions:` key with no value is filled after its comment', () => {
  const text = lines([...head, '  - id: disk', ...chain, '    actions:  # to do', '']);
  const result = checkText(text);
  const finding = findingOf(result, 'no-action');
  const after = apply(text, fixOf(result, finding));
  const skeleton = ['      - do: ""', '        owner: ""', '        due: ""', '        kind: prevent', '        status: open'];
  assert.equal(after.text, lines([...head, '  - id: disk', ...chain, '    actions:  # to do', ...skeleton, '']));
  assertValid(after.result);
  assert.ok(!rulesOf(after.result).includes('no-action'));
});

test('a root’s key is found from its own lines as from the whole file (pairIn = pairAt), LF and CRLF', () => {
  const text = lines([...head, '  - id: disk', ...chain, '    actions: []  # none yet', '  - id: "quoted"', '    question: Why so late?', ...chain, '    actions:', '  - id: last', ...chain, ...action, '']);
  for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
    const { parsed } = checkText(variant);
    assert.equal(parsed.analysis.roots.length, 3);
    for (const root of parsed.analysis.roots) {
      for (const key of ['actions', 'whys', 'id', 'question']) {
        assert.deepEqual(pairIn(variant, root.span, root.path, key), pairAt(variant, root.path, key), `${root.path} ${key}`);
      }
    }
  }
});
