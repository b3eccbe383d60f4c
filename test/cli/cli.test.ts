/**
 * The `whys` command as a user runs it: `node dist/cli.js` in a child process, on real files,
 * asserting stdout, stderr and the exit status. Needs `node esbuild.mjs` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, chmodSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { GOOD, workspace as workspaceIn, rulesOnly } from './checkout';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');


function whys(args: string[], cwd: string) {
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  const run = spawnSync(process.execPath, [cli, ...rulesOnly(args)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const workspace = (files: Record<string, string>): string => workspaceIn('whys-cli-', files);

const TYPO = GOOD.replace('        because: Its connection', '        becuase: Its connection');
const WARN = GOOD.replace('        owner: payments\n', '');

test('check with no paths finds every analysis below the folder, skipping node_modules', () => {
  const dir = workspace({ 'a.whys.yaml': GOOD, 'sub/b.whys.yml': GOOD, 'node_modules/x/c.whys.yaml': TYPO, 'notes.yaml': TYPO });
  const run = whys(['check', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  const reports = JSON.parse(run.out) as { filePath: string }[];
  assert.deepEqual(
    reports.map((r) => r.filePath),
    [join(dir, 'a.whys.yaml'), join(dir, 'sub/b.whys.yml')],
  );
});

test('json output has ESLint’s shape with 1-based positions, and errors exit 1', () => {
  const dir = workspace({ 'typo.whys.yaml': TYPO });
  const run = whys(['check', 'typo.whys.yaml', '--format', 'json'], dir);
  assert.equal(run.code, 1);
  const [report] = JSON.parse(run.out);
  assert.equal(report.filePath, join(dir, 'typo.whys.yaml'));
  assert.equal(report.errorCount, 2);
  assert.equal(report.warningCount, 0);
  assert.deepEqual(report.messages[1], {
    ruleId: 'schema',
    severity: 2,
    message: 'Unknown key `becuase` in a step. Did you mean `because`? Known keys: id, why, because, evidence, note.',
    line: 10,
    column: 9,
    endLine: 10,
    endColumn: 16,
  });
});

test('stylish output lists line:column, severity, message and rule, then a total', () => {
  const dir = workspace({ 'w.whys.yaml': WARN });
  const run = whys(['check'], dir);
  assert.equal(run.code, 0);
  assert.match(run.out, /w\.whys\.yaml\n {2}14:13 {2}warning {2}“Cap retries and reuse pooled connections\.” has no `owner`: say who carries it out and by when\. {2}action-incomplete\n/);
  assert.match(run.out, /✖ 1 problem \(0 errors, 1 warning, 0 info\)/);
  assert.doesNotMatch(run.out, /\u001b\[/, 'no colours when stdout is not a terminal');
});

test('--max-warnings turns warnings into a failure', () => {
  const dir = workspace({ 'w.whys.yaml': WARN });
  assert.equal(whys(['check', '--max-warnings', '1'], dir).code, 0);
  const run = whys(['check', '--max-warnings', '0'], dir);
  assert.equal(run.code, 1);
  assert.match(run.err, /too many warnings \(1\); at most 0 allowed/);
});

test('--rule changes a severity or switches a rule off', () => {
  const dir = workspace({ 'w.whys.yaml': WARN });
  const json = (args: string[]) => JSON.parse(whys(['check', '--format', 'json', ...args], dir).out)[0];
  assert.equal(json(['--rule', 'action-incomplete=error']).errorCount, 1);
  assert.equal(json(['--rule', 'action-incomplete=off']).messages.length, 0);
  const bad = whys(['check', '--rule', 'no-such-rule=off'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown rule "no-such-rule"/);
});

test('--synonym teaches the reasoning rules a team\'s own terms; a group of one is a usage error', () => {
  const text = GOOD.replace('Why did the payment service time out?', 'Why did the MES lock the recipe?').replace(
    'because: The payment service timed out on every request.',
    'because: Its work orders stalled in the shop-floor system.',
  );
  const dir = workspace({ 'mes.whys.yaml': text });
  const rules = (args: string[]) => JSON.parse(whys(['check', '--format', 'json', ...args], dir).out)[0].messages.map((m: { ruleId: string }) => m.ruleId);
  assert.ok(rules([]).includes('chain-break'));
  assert.ok(!rules(['--synonym', 'MES=shop-floor system']).includes('chain-break'));
  const bad = whys(['check', '--synonym', 'MES'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--synonym takes two or more words/);
});

test('globs and folders select files', () => {
  const dir = workspace({ 'a/one.whys.yaml': GOOD, 'b/two.whys.yaml': TYPO });
  const viaGlob = JSON.parse(whys(['check', 'a/*.whys.yaml', '--format', 'json'], dir).out);
  assert.deepEqual(viaGlob.map((r: { filePath: string }) => r.filePath), [join(dir, 'a/one.whys.yaml')]);
  const viaFolder = whys(['check', 'b', '--format', 'json'], dir);
  assert.equal(viaFolder.code, 1);
  assert.equal(JSON.parse(viaFolder.out).length, 1);
});

test('sarif output is SARIF 2.1.0 with rules and relative locations', () => {
  const dir = workspace({ 'typo.whys.yaml': TYPO });
  const run = whys(['check', '--format', 'sarif'], dir);
  assert.equal(run.code, 1);
  const log = JSON.parse(run.out);
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'whys');
  assert.ok(sarifRun.tool.driver.rules.some((r: { id: string }) => r.id === 'off-topic'));
  const result = sarifRun.results.find((r: { message: { text: string } }) => /becuase/.test(r.message.text));
  assert.equal(result.ruleId, 'schema');
  assert.equal(result.level, 'error');
  assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, 'schema');
  assert.deepEqual(result.locations[0].physicalLocation, {
    artifactLocation: { uri: 'typo.whys.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 16 },
  });
});

test('usage errors and unreadable files exit 2 with a message on stderr', () => {
  const dir = workspace({ 'a.whys.yaml': GOOD });
  for (const args of [['check', '--format', 'xml'], ['check', '--bogus'], ['frobnicate'], ['check', '--max-warnings', 'many'], ['export', 'a.whys.yaml']]) {
    const run = whys(args, dir);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.err, /^whys: /, args.join(' '));
    assert.doesNotMatch(run.err, /\n\s+at /, 'no stack trace');
  }
  const missing = whys(['check', 'missing.whys.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read missing\.whys\.yaml: no such file or folder/);
  if (process.getuid?.() !== 0) {
    writeFileSync(join(dir, 'locked.whys.yaml'), GOOD);
    chmodSync(join(dir, 'locked.whys.yaml'), 0);
    const locked = whys(['check', 'locked.whys.yaml'], dir);
    assert.equal(locked.code, 2);
    assert.match(locked.err, /permission denied/);
  }
  const folderAsFile = whys(['export', 'node_modules_missing', '--format', 'mermaid'], dir);
  assert.equal(folderAsFile.code, 2);
});

test('--help and --version', () => {
  const dir = workspace({});
  const help = whys(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.out, /whys check \[FILES or GLOBS\.\.\.\]/);
  const version = whys(['--version'], dir);
  assert.equal(version.code, 0);
  assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
});

test('export prints Mermaid source and a Markdown report of an example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-cli-'));
  cpSync(join(root, 'test', 'examples'), dir, { recursive: true });
  const mermaid = whys(['export', 'crowdstrike.whys.yaml', '--format', 'mermaid'], dir);
  assert.equal(mermaid.code, 0, mermaid.err);
  assert.match(mermaid.out, /^flowchart TD\n/);
  const lr = whys(['export', 'crowdstrike.whys.yaml', '--format', 'mermaid', '--direction', 'LR'], dir);
  assert.match(lr.out, /^flowchart LR\n/);
  const markdown = whys(['export', 'crowdstrike.whys.yaml', '--format', 'markdown'], dir);
  assert.equal(markdown.code, 0, markdown.err);
  assert.match(markdown.out, /^# .*Channel File 291 crashed Windows hosts$/m);
  assert.match(markdown.out, /```mermaid\nflowchart/);
});

test('export refuses a file whose YAML does not parse, saying where', () => {
  const dir = workspace({ 'broken.whys.yaml': 'version: 1\ntitle: "open\n' });
  const run = whys(['export', 'broken.whys.yaml', '--format', 'markdown'], dir);
  assert.equal(run.code, 1);
  assert.match(run.err, /broken\.whys\.yaml:\d+:\d+: the YAML does not parse/);
  assert.equal(run.out, '');
});
