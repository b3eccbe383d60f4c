import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis } from '../rules/reasoning.helpers';
import { learned } from './helpers';

test('learned circular: an answer that says the question again is flagged, naming what it restates', () => {
  const text = analysis([{ why: 'Why did the pump stop running?', because: 'The pump stopped running.' }]);
  const found = learned(text, 'circular');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].tier, 'learned');
  assert.match(found[0].message, /“pump”/);
});

test('learned circular: an answer that names a cause is not flagged', () => {
  const text = analysis([{ why: 'Why did the pump stop running?', because: 'Its motor overheated after the cooling fan seized on a worn bearing.' }]);
  assert.deepEqual(learned(text, 'circular'), []);
});
