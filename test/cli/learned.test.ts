/**
 * `whys check --learned`: the learned detectors from the command line, as a user runs it
 * (`node dist/cli.js` in a child process; needs `node esbuild.mjs` first, which writes dist/learned/).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixture = join(root, 'test/fixtures/learned.whys.yaml');

function whys(args: string[]) {
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  assert.ok(existsSync(join(root, 'dist/learned/word-vectors.bin')), 'dist/learned/ is missing: run `node esbuild.mjs` first');
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function vagueMessages(out: string): string[] {
  const [report] = JSON.parse(out) as { messages: { ruleId: string; message: string }[] }[];
  return report.messages.filter((m) => m.ruleId === 'vague').map((m) => m.message);
}

test('whys check --learned all: the learned vague detector flags an answer the rules pass, and says what it judged by', () => {
  const run = whys(['check', fixture, '--learned', 'all', '--format', 'json']);
  assert.equal(run.code, 0, run.err);
  const found = vagueMessages(run.out);
  assert.equal(found.length, 1, run.out);
  assert.match(found[0], /cultural problem around accountability/);
  assert.match(found[0], /judged by the learned detector, mostly by “/);
});

test('whys check --learned off leaves it to the rules; the default follows the detector\'s switch in thresholds.json', () => {
  const off = whys(['check', fixture, '--format', 'json', '--learned', 'off']);
  assert.equal(off.code, 0, off.err);
  assert.deepEqual(vagueMessages(off.out), []);
  const settings = JSON.parse(readFileSync(join(root, 'src/core/learned/weights/thresholds.json'), 'utf8')) as Record<string, { on: boolean }>;
  const byDefault = whys(['check', fixture, '--format', 'json']);
  assert.equal(byDefault.code, 0, byDefault.err);
  assert.equal(vagueMessages(byDefault.out).length, settings.vague.on ? 1 : 0);
});

test('whys check --learned with an unknown mode is a usage error', () => {
  const run = whys(['check', fixture, '--learned', 'maybe']);
  assert.equal(run.code, 2);
  assert.match(run.err, /unknown --learned "maybe": use default, all or off/);
});
