import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDirective } from '../../src/core';
import { only, VALID } from './helpers';

const noActions = VALID.slice(0, VALID.indexOf('    actions:'));

test('parseDirective reads the rule list and ignores other comments', () => {
  assert.deepEqual([...(parseDirective('whys-ignore shallow, blame') ?? [])], ['shallow', 'blame']);
  assert.deepEqual([...(parseDirective('whys-ignore: vague -- we know') ?? [])], ['vague']);
  assert.deepEqual([...(parseDirective('whys-ignore') ?? [])], ['*']);
  assert.equal(parseDirective('whys-ignored shallow'), undefined);
  assert.equal(parseDirective('a note'), undefined);
});

test('a comment on the line before a step switches the rule off for that step only', () => {
  const text = VALID.replace('      - why: Why was the pool exhausted?', '      # whys-ignore shallow\n      - why: Why was the pool exhausted?');
  assert.equal(only('shallow', VALID, { minDepth: 4 }).length, 1);
  assert.deepEqual(only('shallow', text, { minDepth: 4 }), []);
  // The same comment before another step does not reach the flagged one.
  const elsewhere = VALID.replace('      - why: Why did the payment', '      # whys-ignore shallow\n      - why: Why did the payment');
  assert.equal(only('shallow', elsewhere, { minDepth: 4 }).length, 1);
});

test('a comment on its own line inside a step applies to that step', () => {
  const text = VALID.replace('        because: A retry loop', '        # whys-ignore shallow\n        because: A retry loop');
  assert.deepEqual(only('shallow', text, { minDepth: 4 }), []);
});

test('a comment before a root applies to the root', () => {
  const text = noActions.replace('  - id: trigger', '  # whys-ignore no-action\n  - id: trigger');
  assert.equal(only('no-action', noActions).length, 1);
  assert.deepEqual(only('no-action', text), []);
});

test('a comment at the top of the file applies to the whole file', () => {
  const text = '# whys-ignore no-action\n' + noActions;
  assert.deepEqual(only('no-action', text), []);
});

test('a comment naming another rule changes nothing', () => {
  const text = noActions.replace('  - id: trigger', '  # whys-ignore shallow\n  - id: trigger');
  assert.equal(only('no-action', text).length, 1);
});
