import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finiteVerbOf } from '../../src/core/reasoning/clauses';
import { infoOf } from '../../src/core/reasoning/steps';

/** The finite verb of a one-clause text, as written, or '-'. */
function verbOf(text: string): string {
  const info = infoOf(text);
  const v = finiteVerbOf(info.tokens, { from: info.start, to: info.tokens.length });
  return v >= 0 ? info.tokens[v].text : '-';
}

test('clauses: present-tense verbs are known by their key, whatever follows them', () => {
  // `handles` → `handl`, `requires` → `requir`: the list of verbs is matched by key, not by base form.
  assert.equal(verbOf('The gateway handles retries in memory.'), 'handles');
  assert.equal(verbOf('The form requires two signatures.'), 'requires');
  assert.equal(verbOf('Vibration causes fatigue cracks.'), 'causes');
});

test('clauses: a subject with its own relative clause keeps the clause\'s verb', () => {
  assert.equal(verbOf('The back-office staff who usually cover peaks had not been trained.'), 'had');
  assert.equal(verbOf('The valve which the night shift opened leaked.'), '-');
});
