// @ts-check
/**
 * `npm test`: every stage, in order, each run even when an earlier one failed, then a summary
 * and a last line `N passed, N failed` (tests counted from each runner's report; a stage without a
 * test runner counts as one). Exits 1 when any stage failed.
 *
 *   typecheck, lint, build (+ test bundles), unit (+ fuzz, cli) tests, eval (when package.json
 *   has it), the webview in a real Chromium, the extension-host suite in a real VS Code,
 *   package (whys.vsix), the UI tests.
 *
 * `node test/run-all.mjs STAGE...` runs only the named stages (e.g. `build host`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const scripts = pkg.scripts ?? {};
const node = process.execPath;
const MIN = 60_000;

/**
 * @typedef {{ cmd: string, args: string[], env?: NodeJS.ProcessEnv }} Command
 * @typedef {{ name: string, timeoutMs: number, commands: () => Command[] | string, optional?: boolean }} Stage
 * A stage's `commands` returns the commands to run, or a string: the reason it cannot run
 * (a failure, or a skip when `optional`).
 */

/** Every `*.test.js` under out/test/DIR, sorted. */
function testFiles(/** @type {string} */ dir) {
  const base = path.join(ROOT, 'out', 'test', dir);
  if (!fs.existsSync(base)) return [];
  return /** @type {string[]} */ (fs.readdirSync(base, { recursive: true }))
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join('out', 'test', dir, f))
    .sort();
}

const npmScript = (/** @type {string} */ name) => () =>
  scripts[name] ? [{ cmd: 'npm', args: ['run', '--silent', name] }] : `package.json has no "${name}" script`;

/** @type {Stage[]} */
const STAGES = [
  { name: 'typecheck', timeoutMs: 5 * MIN, commands: npmScript('typecheck'), optional: !scripts.typecheck },
  { name: 'lint', timeoutMs: 5 * MIN, commands: npmScript('lint'), optional: !scripts.lint },
  // code-server (a real VS Code, from npm) is needed by the unit tests of the grammar (VS Code's
  // own YAML grammar), the extension-host suite and the UI tests: install it once, up front.
  { name: 'setup', timeoutMs: 15 * MIN, commands: () => [{ cmd: node, args: ['test/vscode/codeServer.mjs'] }] },
  {
    name: 'build',
    timeoutMs: 5 * MIN,
    commands: () => [
      { cmd: node, args: ['esbuild.mjs'] },
      { cmd: node, args: ['esbuild.mjs', '--tests'] },
    ],
  },
  {
    name: 'unit',
    timeoutMs: 15 * MIN,
    commands: () => {
      const files = [...testFiles('unit'), ...testFiles('fuzz'), ...testFiles('cli')];
      if (files.length === 0) return 'no out/test/unit/**/*.test.js or out/test/fuzz/**/*.test.js (did the build stage bundle test/unit/*.test.ts?)';
      return [{ cmd: node, args: ['--test', '--test-reporter=spec', ...files] }];
    },
  },
  // The reasoning rules against the labelled corpus: no rule may fall below the recall recorded
  // in test/eval/baseline.json, false alarms at most 5% (`npm run eval` shows the issue's bars).
  { name: 'eval', timeoutMs: 15 * MIN, commands: npmScript('eval:gate') },
  {
    name: 'browser',
    timeoutMs: 10 * MIN,
    commands: () => {
      const files = testFiles('browser');
      if (files.length === 0) return 'no out/test/browser/**/*.test.js (the webview tests in a real Chromium)';
      return [{ cmd: node, args: ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files] }];
    },
  },
  // The extension host's tests open analyses of thousands of steps, and the semantic pass (its off-topic on by default)
  // reads each one in a background worker: on a loaded 2-core machine the whole suite takes 4-7 minutes.
  { name: 'host', timeoutMs: 14 * MIN, commands: () => [{ cmd: node, args: ['test/vscode/runHostTests.mjs', '--no-build', '--timeout', '720'] }] },
  { name: 'package', timeoutMs: 5 * MIN, commands: npmScript('package') },
  {
    name: 'ui',
    timeoutMs: 10 * MIN,
    commands: () => {
      const files = fs.readdirSync(path.join(ROOT, 'test', 'ui')).filter((f) => f.endsWith('.ui.mjs')).map((f) => path.join('test', 'ui', f)).sort();
      if (files.length === 0) return 'no test/ui/*.ui.mjs';
      // The package stage just built whys.vsix: the UI tests install that one.
      const skipPackage = results.find((r) => r.name === 'package')?.status === 'passed' ? '1' : '0';
      return [{ cmd: node, args: ['--test', '--test-reporter=spec', ...files], env: { WHYS_SKIP_PACKAGE: skipPackage } }];
    },
  },
];

/** @type {{ name: string, status: 'passed' | 'failed' | 'skipped', seconds: number, note?: string, tests?: { passed: number, failed: number, skipped: number } }[]} */
const results = [];

/**
 * Runs one command, streaming its output, and returns its exit status and what it printed
 * (to count the tests its runner reports).
 */
function runCommand(/** @type {Command} */ c, /** @type {number} */ timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(c.cmd, c.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...c.env } });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, Math.max(timeoutMs, 1000));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, error: error.message, output });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, error: timedOut ? 'timed out' : signal ? `signal ${signal}` : undefined, output });
    });
  });
}

/**
 * The tests a runner reported in its output: node's test runner (`ℹ pass N` / `# pass N`) and
 * mocha (`N passing`, `N failing`, `N pending`). Undefined when the output has no such lines.
 */
function countTests(/** @type {string} */ output) {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const sum = (/** @type {RegExp} */ re) => [...plain.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  const nodePass = sum(/^[ℹ#] pass (\d+)$/gm);
  const nodeFail = sum(/^[ℹ#] fail (\d+)$/gm);
  const nodeSkip = sum(/^[ℹ#] skipped (\d+)$/gm) + sum(/^[ℹ#] todo (\d+)$/gm);
  const mochaPass = sum(/^\s*(\d+) passing\b/gm);
  const mochaFail = sum(/^\s*(\d+) failing\b/gm);
  const mochaSkip = sum(/^\s*(\d+) pending\b/gm);
  const found = /^[ℹ#] (pass|fail) \d+$/m.test(plain) || /^\s*\d+ (passing|failing)\b/m.test(plain);
  return found ? { passed: nodePass + mochaPass, failed: nodeFail + mochaFail, skipped: nodeSkip + mochaSkip } : undefined;
}

async function runStage(/** @type {Stage} */ stage) {
  const started = Date.now();
  console.log(`\n=== ${stage.name} ${'='.repeat(Math.max(3, 70 - stage.name.length))}`);
  const commands = stage.commands();
  const done = (/** @type {'passed' | 'failed' | 'skipped'} */ status, /** @type {string | undefined} */ note, /** @type {{ passed: number, failed: number, skipped: number } | undefined} */ tests) => {
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    results.push({ name: stage.name, status, seconds, note, tests });
    const counted = tests ? ` [${tests.passed} passed, ${tests.failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}]` : '';
    console.log(`=== ${stage.name}: ${status.toUpperCase()} (${seconds} s)${counted}${note ? `: ${note}` : ''}`);
  };
  if (typeof commands === 'string') {
    if (stage.optional) return done('skipped', `TODO: ${commands}`);
    console.error(`[run-all] ${stage.name}: ${commands}`);
    return done('failed', commands);
  }
  // Every command of a stage runs (e.g. the test bundles build even when the product build
  // fails); the stage fails when any of them does.
  const failures = [];
  let tests;
  for (const c of commands) {
    const shown = [c.cmd === node ? 'node' : c.cmd, ...c.args].join(' ');
    console.log(`$ ${shown}`);
    const remaining = stage.timeoutMs - (Date.now() - started);
    const r = /** @type {{ status: number | null, error?: string, output: string }} */ (await runCommand(c, remaining));
    const counted = countTests(r.output);
    if (counted) tests = { passed: (tests?.passed ?? 0) + counted.passed, failed: (tests?.failed ?? 0) + counted.failed, skipped: (tests?.skipped ?? 0) + counted.skipped };
    if (r.error || r.status !== 0) failures.push(`\`${shown}\` ${r.error === 'timed out' ? `timed out after ${stage.timeoutMs / 1000} s` : r.error ?? `exit code ${r.status}`}`);
  }
  return failures.length ? done('failed', failures.join('; '), tests) : done('passed', undefined, tests);
}

const only = process.argv.slice(2);
const unknown = only.filter((n) => !STAGES.some((s) => s.name === n));
if (unknown.length) {
  console.error(`[run-all] unknown stage(s): ${unknown.join(', ')}; stages: ${STAGES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const stage of STAGES) if (only.length === 0 || only.includes(stage.name)) await runStage(stage);

// The closing line counts tests where a stage's runner reported them, and a stage without a
// test runner (typecheck, lint, build, package) as one check.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  if (r.tests) {
    passed += r.tests.passed;
    failed += r.tests.failed;
    skipped += r.tests.skipped;
    // A stage that failed without a failing test (a crash, a timeout) still counts as a failure.
    if (r.status === 'failed' && r.tests.failed === 0) failed++;
  } else if (r.status === 'passed') passed++;
  else if (r.status === 'failed') failed++;
  else skipped++;
}
console.log('\n=== summary (stages) ' + '='.repeat(52));
for (const r of results) {
  const counted = r.tests ? `  ${r.tests.passed} passed, ${r.tests.failed} failed${r.tests.skipped ? `, ${r.tests.skipped} skipped` : ''}` : '';
  console.log(`  ${r.status === 'passed' ? 'ok  ' : r.status === 'failed' ? 'FAIL' : 'skip'}  ${r.name.padEnd(10)} ${String(r.seconds).padStart(6)} s${counted}${r.note ? `  ${r.note}` : ''}`);
}
const stagesFailed = results.filter((r) => r.status === 'failed').length;
console.log(`stages: ${results.length - stagesFailed} passed, ${stagesFailed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stagesFailed > 0 ? 1 : 0);
