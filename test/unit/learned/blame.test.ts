import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis } from '../rules/reasoning.helpers';
import { learned } from './helpers';

test('learned blame: an answer that stops at a person is flagged and says which words weighed', () => {
  const text = analysis([{ why: 'Why was the production table dropped?', because: 'The junior engineer was careless and made a mistake.' }]);
  const found = learned(text, 'blame');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].tier, 'learned');
  assert.match(found[0].message, /mostly by “/);
});

test('learned blame: a condition of the system is not flagged', () => {
  const text = analysis([{ why: 'Why was the production table dropped?', because: 'The migration script took the database name from an environment variable that defaulted to production.' }]);
  assert.deepEqual(learned(text, 'blame'), []);
});
