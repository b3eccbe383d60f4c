import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainAll } from '../../train/train';
import { WEIGHTS } from './helpers';

test('npm run train: re-training gives exactly the committed weights and thresholds', () => {
  const committed = JSON.parse(readFileSync(join(WEIGHTS, 'thresholds.json'), 'utf8')) as Record<string, { on: boolean }>;
  const files = trainAll(committed);
  assert.deepEqual([...files.keys()].sort(), ['blame.json', 'chain-break.json', 'circular.json', 'thresholds.json', 'vague.json']);
  for (const [name, text] of files) {
    const onDisk = readFileSync(join(WEIGHTS, name), 'utf8');
    assert.ok(onDisk === text, `src/core/learned/weights/${name} differs from what training produces: run \`npm run train\` and commit the result`);
  }
});
