import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFor } from '../../../src/core';
import { only, VALID } from '../helpers';

test('the schema rule reports with its configured severity', () => {
  const text = VALID.replace('owner:', 'ownr:');
  assert.deepEqual(only('schema', text).map((f) => f.severity), ['error']);
  assert.deepEqual(only('schema', text, { rules: { schema: 'hint' } }).map((f) => f.severity), ['hint']);
  assert.equal(ruleFor('schema')?.reasoning, false);
});
