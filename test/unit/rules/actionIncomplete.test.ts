import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID } from '../helpers';

test('action-incomplete flags an action without owner or due on its `do`', () => {
  const text = VALID.replace('        owner: payments\n', '');
  const found = only('action-incomplete', text);
  assert.deepEqual(found.map((f) => [f.at, f.severity]), [['15:13-15:54', 'warning']]);
  assert.equal(found[0].message, '“Cap retries and reuse pooled connections.” has no `owner`: say who carries it out and by when.');
});

test('action-incomplete names both when both are missing, and skips done actions', () => {
  const text = VALID.replace('        owner: payments\n        due: 2024-09-01\n', '');
  assert.match(only('action-incomplete', text)[0].message, /has no `owner` and no `due`/);
  assert.deepEqual(only('action-incomplete', text.replace('connections.\n', 'connections.\n        status: done\n')), []);
});
