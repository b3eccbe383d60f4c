import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNodeEncoder } from '../../../src/semantic/nodeEncoder';
import { MODEL_DIR, ROOT, WASM_FILE } from './helpers';

test('a corrupted model file is one clear error from the loader', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-corrupt-'));
  const bytes = readFileSync(join(MODEL_DIR, 'model.onnx'));
  writeFileSync(join(dir, 'model.onnx'), bytes.subarray(0, bytes.length >> 1));
  cpSync(join(MODEL_DIR, 'tokenizer.json'), join(dir, 'tokenizer.json'));
  await assert.rejects(loadNodeEncoder({ modelDir: dir, wasmFile: WASM_FILE }), /^Error: the sentence model could not be loaded/);
  await assert.rejects(loadNodeEncoder({ modelDir: join(dir, 'missing'), wasmFile: WASM_FILE }), /the sentence model's files could not be read/);
});

test('CLI with a corrupted model: one clear error, and the rules still report their findings', () => {
  // An install of the built CLI whose semantic asset has a corrupted model.
  const dir = mkdtempSync(join(tmpdir(), 'whys-corrupt-cli-'));
  cpSync(join(ROOT, 'dist', 'cli.js'), join(dir, 'cli.js'));
  cpSync(join(ROOT, 'dist', 'learned'), join(dir, 'learned'), { recursive: true });
  cpSync(join(ROOT, 'dist', 'semantic'), join(dir, 'semantic'), { recursive: true });
  writeFileSync(join(dir, 'semantic', 'model.onnx'), 'this is not an ONNX model');
  const fixture = join(ROOT, 'test', 'fixtures', 'semantic', 'crowdstrike-short.whys.yaml');
  const run = spawnSync(process.execPath, [join(dir, 'cli.js'), 'check', fixture, '--semantic', 'all', '--format', 'json'], { encoding: 'utf8' });
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('whys:'));
  assert.equal(errors.length, 1, run.stderr);
  assert.match(errors[0], /the semantic pass is off: the sentence model could not be loaded/);
  const report = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
  assert.ok(report[0].messages.length > 0, 'the rules found nothing');
  assert.notEqual(run.status, 2);
});
