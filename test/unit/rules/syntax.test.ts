import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFor } from '../../../src/core';
import { placed, yaml } from '../helpers';

test('syntax findings carry the rule, an error severity and a position', () => {
  const found = placed(yaml('version: 1', 'title: "unterminated', 'problem: p'));
  assert.ok(found.length > 0);
  assert.ok(found.every((f) => f.rule === 'syntax' && f.severity === 'error'));
  assert.equal(ruleFor('syntax')?.defaultSeverity, 'error');
});

test('a syntax error can be switched to a warning or off', () => {
  const text = yaml('version: 1', 'title: "unterminated', 'problem: p');
  assert.ok(placed(text, { rules: { syntax: 'warning' } }).every((f) => f.severity === 'warning'));
  assert.deepEqual(placed(text, { rules: { syntax: 'off' } }), []);
});
