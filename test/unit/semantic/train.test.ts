import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEMANTIC_DETECTORS } from '../../../src/core';
import { FEATURE_TABLES, featureRows, SEMANTIC_WEIGHTS_DIR, trainSemantic, type FeatureTable } from '../../train/semantic';
import { realEncoder } from './helpers';

const tables = Object.fromEntries(SEMANTIC_DETECTORS.map((d) => [d, JSON.parse(readFileSync(FEATURE_TABLES[d], 'utf8')) as FeatureTable]));

test('npm run train: re-training the semantic detectors gives exactly the committed weights and thresholds', () => {
  const committed = JSON.parse(readFileSync(join(SEMANTIC_WEIGHTS_DIR, 'thresholds.json'), 'utf8')) as Record<string, { on: boolean }>;
  const files = trainSemantic(tables, committed);
  assert.deepEqual([...files.keys()].sort(), ['chain-break.json', 'circular.json', 'off-topic.json', 'thresholds.json']);
  for (const [name, text] of files) {
    assert.ok(readFileSync(join(SEMANTIC_WEIGHTS_DIR, name), 'utf8') === text, `src/core/semantic/weights/${name} differs from what training produces: run \`npm run train\` and commit the result`);
  }
});

for (const detector of SEMANTIC_DETECTORS) {
  test(`real model: the committed ${detector} feature table is what the model computes now (one corpus file recomputed)`, async () => {
    const file = 'test/corpus/gitlab-db-deletion.whys.yaml';
    const table = tables[detector];
    const rows = await featureRows([file], await realEncoder(), detector);
    const committed = table.training.filter((r) => r.file === file);
    assert.ok(rows.length > 5);
    assert.equal(rows.length, committed.length);
    rows.forEach((r, i) => {
      assert.equal(r.start, committed[i].start);
      assert.equal(r.label, committed[i].label);
      r.features.forEach((x, j) => assert.ok(Math.abs(x - committed[i].features[j]) < 1e-4, `${file} row ${i} feature ${table.features[j]}: ${x} vs ${committed[i].features[j]}`));
    });
  });
}
