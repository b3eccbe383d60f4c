import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fits, score, type DetectorWeights } from '../../../src/core/learned';

const weights: DetectorWeights = {
  detector: 'example',
  rule: 'vague',
  features: ['a', 'b'],
  mean: [1, 0],
  scale: [2, 1],
  weights: [0.5, -1],
  bias: 0.25,
  terms: { 'w:poor': 2 },
  trainedOn: [],
};

test('score: features as an array in the weights\' order or as a record by name give one probability; terms count 1/√n', () => {
  const z = 0.25 + 0.5 * ((3 - 1) / 2) + -1 * ((0.5 - 0) / 1) + 2 / Math.sqrt(2);
  const expected = 1 / (1 + Math.exp(-z));
  assert.ok(Math.abs(score(weights, [3, 0.5], ['w:poor', 'w:other']) - expected) < 1e-12);
  assert.ok(Math.abs(score(weights, new Float64Array([3, 0.5]), ['w:poor', 'w:other']) - expected) < 1e-12);
  assert.ok(Math.abs(score(weights, { b: 0.5, a: 3 }, ['w:poor', 'w:other']) - expected) < 1e-12);
  assert.ok(fits(weights, ['a', 'b']));
  assert.ok(!fits(weights, ['b', 'a']));
});
