import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toWhyQuestion } from '../../src/core';

test('a statement becomes a why-question about it, with the verb in its base form', () => {
  assert.equal(toWhyQuestion('Migration 42 added a NOT NULL column.'), 'Why did migration 42 add a NOT NULL column?');
  assert.equal(toWhyQuestion('The deploy stopped halfway.'), 'Why did the deploy stop halfway?');
  assert.equal(toWhyQuestion('The disk filled up.'), 'Why did the disk fill up?');
  assert.equal(toWhyQuestion('The queue was full.'), 'Why was the queue full?');
});
