import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnedText, normalise } from '../../../src/core/learned';
import { WordVectors } from '../../../src/core/learned/vectors';

test('learned text: a leading "Because", quotes, case and closing punctuation are normalised away', () => {
  const plain = normalise('The retry budget was set to zero.');
  assert.equal(plain, 'the retry budget was set to zero');
  for (const variant of ['Because the retry budget was set to zero.', 'because the retry budget was set to zero', '“The retry budget was set to zero.”', "'Because the retry budget was set to zero!'", 'THE RETRY BUDGET WAS SET TO ZERO …']) {
    assert.equal(normalise(variant), plain, variant);
  }
  assert.deepEqual(learnedText("The pump wasn't checked").words, ['the', 'pump', 'was', 'not', 'checked']);
  assert.deepEqual(learnedText("The pump wasn't checked").content, ['pump', 'checked']);
});

test('word vectors: the asset format round-trips, unit length, unknown words have none', () => {
  const bytes = WordVectors.toBytes(
    [
      { word: 'pump', rank: 7, vector: [3, 4, 0] },
      { word: 'café', rank: 9, vector: [0, -2, 0] },
    ],
    3,
  );
  const v = WordVectors.fromBytes(bytes);
  assert.deepEqual(v.words, ['pump', 'café']);
  const pump = v.vector('pump')!;
  assert.ok(Math.abs(pump[0] - 0.6) < 0.01 && Math.abs(pump[1] - 0.8) < 0.01, String([...pump]));
  assert.ok(Math.abs(v.vector('café')![1] + 1) < 1e-6);
  assert.equal(v.vector('valve'), undefined);
  assert.ok(v.idf('pump') < v.idf('café') && v.idf('café') < v.idf('valve'));
  assert.throws(() => WordVectors.fromBytes(new Uint8Array(32)), /not a whys word-vector asset/);
});
