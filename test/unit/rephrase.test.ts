import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toWhyQuestion } from '../../src/core';

test('a statement becomes a why-question about it, with the verb in its base form', () => {
  assert.equal(toWhyQuestion('Migration 42 added a NOT NULL column.'), 'Why did migration 42 add a NOT NULL column?');
  assert.equal(toWhyQuestion('The deploy stopped halfway.'), 'Why did the deploy stop halfway?');
  assert.equal(toWhyQuestion('The disk filled up.'), 'Why did the disk fill up?');
  assert.equal(toWhyQuestion('The queue was full.'), 'Why was the queue full?');
  assert.equal(toWhyQuestion('It looked like overhead to the refactor.'), 'Why did it look like overhead to the refactor?');
  assert.equal(toWhyQuestion('The valve leaked under load.'), 'Why did the valve leak under load?');
  assert.equal(toWhyQuestion('The job invoked the old script.'), 'Why did the job invoke the old script?');
});
