import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID } from '../helpers';

test('duplicate-id flags the second use of an id and names the first', () => {
  const text = VALID.replace('      - why: Why was the pool exhausted?', '      - id: trigger\n        why: Why was the pool exhausted?');
  const found = only('duplicate-id', text);
  assert.deepEqual(found.map((f) => [f.at, f.text, f.severity]), [['12:13-12:20', 'trigger', 'error']]);
  assert.equal(found[0].message, 'The id `trigger` is already used by root `trigger`: ids must be unique in the file.');
});

test('duplicate-id is quiet when ids are unique', () => {
  assert.deepEqual(only('duplicate-id', VALID), []);
});
