import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID } from '../helpers';

test('unknown-ref flags a `for:` that names no id, suggesting the closest', () => {
  const text = VALID.replace('        due: 2024-09-01', '        due: 2024-09-01\n        for: triger');
  const found = only('unknown-ref', text);
  assert.deepEqual(found.map((f) => [f.at, f.text]), [['18:14-18:20', 'triger']]);
  assert.match(found[0].message, /`for: triger` names no root, step or cause in this file\. Did you mean `trigger`\?/);
});

test('unknown-ref accepts an id that exists', () => {
  const text = VALID.replace('        due: 2024-09-01', '        due: 2024-09-01\n        for: trigger');
  assert.deepEqual(only('unknown-ref', text), []);
});
