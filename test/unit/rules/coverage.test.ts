import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID } from '../helpers';

test('coverage flags `roots` when no root asks about detection or recovery', () => {
  const text = VALID.replace('    question: Why did it take so long to detect?\n', '');
  const found = only('coverage', text);
  assert.deepEqual(found.map((f) => [f.at, f.text, f.severity]), [['4:1-4:6', 'roots', 'information']]);
});

test('coverage accepts a root question about detection', () => {
  assert.deepEqual(only('coverage', VALID), []);
});

test('coverage accepts a step that asks about recovery', () => {
  const text = VALID.replace('    question: Why did it take so long to detect?\n', '').replace('Why was the pool exhausted?', 'Why did recovery take 40 minutes?');
  assert.deepEqual(only('coverage', text), []);
});
