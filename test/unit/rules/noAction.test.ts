import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID } from '../helpers';

test('no-action flags a root without actions on its first key', () => {
  const text = VALID.slice(0, VALID.indexOf('    actions:'));
  const found = only('no-action', text);
  assert.deepEqual(found.map((f) => [f.at, f.text, f.severity]), [['5:5-5:7', 'id', 'information']]);
  assert.equal(found[0].message, 'Root `trigger` has no `actions`: add what will be done about what its chain found.');
});

test('no-action is quiet when the root has an action', () => {
  assert.deepEqual(only('no-action', VALID), []);
});
