/**
 * `node out/test/eval/index.js --held-out SETS…` (the held-out gate of `npm test`): each set is
 * gated on its own, so one set over 5% of clean steps flagged fails the run even when the total of
 * all sets is under the bar. Needs `node esbuild.mjs --tests`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../../..');
const evalScript = join(root, 'out/test/eval/index.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  assert.ok(existsSync(evalScript), `${evalScript} is missing: run \`node esbuild.mjs --tests\` first`);
  return new Promise((done) => {
    const child = spawn(process.execPath, [evalScript, ...args], { cwd });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => done({ code, out }));
  });
}

/** A set with two clean steps, the second one a statement where a question belongs (`not-a-question`) unless `fixed`. */
function smallSet(fixed: boolean): string {
  return `version: 1
title: Scanner
problem: The trackside scanner under-read every bearing.
roots:
  - question: Why did the scanner under-read?
    whys:
      - why: Why did the scanner under-read every bearing?
        because: Its lens was half covered in ballast dust.
      - why: ${fixed ? 'Why was there dust on the lens?' : 'Dust on the lens.'}
        because: The lens is cleaned every 90 days, and this site fouls it in three weeks.
`;
}

/** A set of 24 clean steps that no rule flags. */
function largeSet(): string {
  const lines = ['version: 1', 'title: Pumps', 'problem: The plant lost cooling water for an hour.', 'roots:'];
  for (let i = 1; i <= 12; i++) {
    lines.push(`  - question: Why did pump ${i} stop?`, '    whys:', `      - why: Why did pump ${i} stop?`, `        because: Its motor bearing seized after ${i + 2} years without grease.`);
    lines.push('      - why: Why was the bearing never greased?', '        because: The grease point sits behind a guard that the 2019 drawings leave out.');
  }
  return lines.join('\n') + '\n';
}

test('held-out gate: one set over 5% of clean steps flagged fails the run, with a line per set, though the total is under the bar', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-heldout-gate-'));
  for (const name of ['set-a', 'set-b']) mkdirSync(join(dir, name));
  writeFileSync(join(dir, 'set-a', 'scanner.whys.yaml'), smallSet(false));
  writeFileSync(join(dir, 'set-b', 'pumps.whys.yaml'), largeSet());
  const over = await run(['--held-out', '--learned=off', 'set-a', 'set-b'], dir);
  assert.match(over.out, /false alarms on clean steps: 1 of 26 = 0\.038/);
  assert.match(over.out, /\n {2}set-a +recall n\/a {2}precision 0\.00 {2}clean steps flagged 1 of 2 = 0\.500 {2}FAIL\n/);
  assert.match(over.out, /\n {2}set-b +recall n\/a {2}precision n\/a {2}clean steps flagged 0 of 24 = 0\.000 {2}ok\n/);
  assert.match(over.out, /FAIL: set-a: false-alarm rate 0\.500 > 0\.05/);
  assert.equal(over.code, 1);
  // With the statement made a question, every set is under the bar and the gate passes.
  writeFileSync(join(dir, 'set-a', 'scanner.whys.yaml'), smallSet(true));
  const under = await run(['--held-out', '--learned=off', 'set-a', 'set-b'], dir);
  assert.match(under.out, /set-a +recall n\/a {2}precision n\/a {2}clean steps flagged 0 of 2 = 0\.000 {2}ok/);
  assert.match(under.out, /PASS \(held-out\)/);
  assert.equal(under.code, 0, under.out);
});
