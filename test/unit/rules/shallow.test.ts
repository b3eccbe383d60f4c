import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID, yaml } from '../helpers';

test('shallow flags a chain shorter than minDepth on its last answer', () => {
  const found = only('shallow', VALID, { minDepth: 4 });
  assert.deepEqual(found.map((f) => [f.at, f.text]), [['13:18-13:69', 'A retry loop opened a new connection on each retry.']]);
  assert.match(found[0].message, /stops after 3 steps \(the minimum is 4\)/);
  assert.deepEqual(only('shallow', VALID), []);
});

test('shallow counts depth through causes, to each leaf', () => {
  const text = yaml(
    'version: 1',
    'title: t',
    'problem: p',
    'roots:',
    '  - whys:',
    '      - why: a?',
    '        because: b',
    '      - why: c?',
    '        because:',
    '          - cause: deep enough',
    '            whys:',
    '              - why: d?',
    '                because: e',
    '          - cause: stops here',
  );
  const found = only('shallow', text);
  assert.deepEqual(found.map((f) => f.text), ['stops here']);
  assert.match(found[0].message, /stops after 2 steps/);
});
