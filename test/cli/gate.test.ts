/**
 * The CI gate cannot pass by mistake, and what it prints cannot be spoofed: `node dist/cli.js`
 * in a child process, on real files (issue 12). Needs `node esbuild.mjs` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { GOOD, workspace as workspaceIn } from './checkout';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');

function whys(args: string[], cwd: string, options: { uid?: number } = {}) {
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, ...options });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const workspace = (files: Record<string, string>): string => workspaceIn('whys-gate-', files);


test('a folder without analyses fails the gate (exit 2), as a glob matching nothing does', () => {
  const dir = workspace({ 'docs/readme.md': '# nothing here\n', 'a.whys.yaml': GOOD });
  const folder = whys(['check', 'docs'], dir);
  assert.equal(folder.code, 2, folder.err);
  assert.match(folder.err, /^whys: no \.whys\.yaml or \.whys\.yml files in the folder docs\b/);
  const globbed = whys(['check', 'docs/**/*.whys.yaml'], dir);
  assert.equal(globbed.code, 2);
  assert.match(globbed.err, /no files match docs\/\*\*\/\*\.whys\.yaml/);
  const empty = workspace({ 'notes.txt': 'x' });
  const here = whys(['check'], empty);
  assert.equal(here.code, 2, 'no paths, no analyses under the current folder');
  assert.match(here.err, /no \.whys\.yaml or \.whys\.yml files under this folder/);
});

test('--no-error-on-unmatched-pattern lets a folder or glob without analyses pass, with an empty report', () => {
  const dir = workspace({ 'docs/readme.md': '# nothing here\n' });
  for (const target of ['docs', 'docs/**/*.whys.yaml']) {
    const run = whys(['check', target, '--no-error-on-unmatched-pattern', '--format', 'json'], dir);
    assert.equal(run.code, 0, `${target}: ${run.err}`);
    assert.deepEqual(JSON.parse(run.out), []);
  }
  // The flag only forgives what matched nothing: errors in a file still fail.
  const typo = workspace({ 'a.whys.yaml': GOOD.replace('because: Its', 'becuase: Its') });
  assert.equal(whys(['check', '.', 'missing-folder/*.whys.yaml', '--no-error-on-unmatched-pattern'], typo).code, 1);
});

test('a folder the gate cannot read exits 2 with the reason', () => {
  const dir = workspace({ 'locked/a.whys.yaml': GOOD });
  chmodSync(join(dir, 'locked'), 0o300);
  // Root reads any folder: run the command as an ordinary user (nobody) then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  chmodSync(dir, 0o755);
  const run = whys(['check', 'locked'], dir, asUser);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /cannot read the folder locked: permission denied/);
});

const SARIF_SCHEMA = join(root, 'test/cli/data/sarif-2.1.0-rtm.5.json');

test('SARIF output is valid against the SARIF 2.1.0 JSON schema, with file names percent-encoded per RFC 3986', () => {
  const name = 'café #1 100%?.whys.yaml';
  const dir = workspace({ [name]: GOOD.replace('        owner: payments\n', ''), 'sub dir/b[1].whys.yaml': GOOD.replace('because: Its', 'becuase: Its') });
  const run = whys(['check', '--format', 'sarif'], dir);
  assert.equal(run.code, 1, run.err);
  const log = JSON.parse(run.out);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(JSON.parse(run.out)), JSON.stringify(validate.errors, null, 2));
  const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes('caf%C3%A9%20%231%20100%25%3F.whys.yaml'), uris.join(', '));
  assert.ok(uris.includes('sub%20dir/b%5B1%5D.whys.yaml'), uris.join(', '));
  for (const uri of uris) {
    assert.doesNotMatch(uri, /[^A-Za-z0-9\-._~%/]/, `${uri}: only unreserved characters, '/' and escapes`);
    assert.equal(decodeURIComponent(uri.split('/').pop()!).endsWith('.whys.yaml'), true);
  }
  const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri as string;
  assert.match(base, /^file:\/\/\/.*\/$/);
  // A consumer resolves the result against the base and gets the file back, '#' and all.
  const resolved = new URL(uris.find((u: string) => u.startsWith('caf')), base);
  assert.equal(resolved.hash, '');
  assert.equal(decodeURIComponent(resolved.pathname), join(dir, name));
});

test('an empty SARIF report (nothing matched, allowed) is valid too', () => {
  const dir = workspace({});
  const run = whys(['check', '--format', 'sarif', '--no-error-on-unmatched-pattern'], dir);
  assert.equal(run.code, 0, run.err);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(JSON.parse(run.out)), JSON.stringify(validate.errors, null, 2));
});

test('export of a file with schema errors says so on stderr and exits 1, as check does', () => {
  const dir = workspace({ 'typo.whys.yaml': GOOD.replace('because: Its', 'becuase: Its') });
  const check = whys(['check', 'typo.whys.yaml'], dir);
  assert.equal(check.code, 1);
  for (const format of ['mermaid', 'markdown']) {
    const run = whys(['export', 'typo.whys.yaml', '--format', format], dir);
    assert.equal(run.code, 1, format);
    assert.equal(run.out, '', 'nothing exported');
    assert.match(run.err, /^whys: typo\.whys\.yaml has 2 errors .*nothing exported/);
    assert.match(run.err, /typo\.whys\.yaml:10:9: Unknown key `becuase`/);
    assert.match(run.err, /typo\.whys\.yaml:\d+:\d+: .*because.* \(schema\)/);
  }
});

/** Bytes no terminal may receive from a file: escape sequences (C0, C1), DEL and bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('stylish output, export and error messages escape control characters from the file', () => {
  const evil = '"\\e]0;pwned\\a\\e[2J\\e[31mEVIL\\u009b2J\\u202egnp.exe\\x7f"';
  const text = GOOD.replace('        owner: payments\n', `        ${evil}: x\n        owner: payments\n`);
  const dir = workspace({ 'evil.whys.yaml': text, 'evil\u001b[2Jname.whys.yaml': GOOD.replace('        owner: payments\n', '') });
  const run = whys(['check', '.'], dir);
  assert.equal(run.code, 1, run.err);
  assert.doesNotMatch(run.out, RAW_CONTROL, 'stylish output');
  assert.match(run.out, /\\x1b\]0;pwned\\x07\\x1b\[2J\\x1b\[31mEVIL\\x9b2J\\u202egnp\.exe\\x7f/);
  assert.match(run.out, /evil\\x1b\[2Jname\.whys\.yaml/, 'the file name too');
  // Export to a terminal: an answer carrying escapes.
  const answer = GOOD.replace('A retry loop opened', 'A retry loop \u001b]0;pwned\u0007\u001b[2J\u202e opened');
  const exportDir = workspace({ 'answer.whys.yaml': answer });
  for (const format of ['mermaid', 'markdown']) {
    const exported = whys(['export', 'answer.whys.yaml', '--format', format], exportDir);
    assert.equal(exported.code, 0, exported.err);
    assert.doesNotMatch(exported.out, RAW_CONTROL, format);
    // Both exports already turn C0 characters into spaces; the bidi override is escaped.
    assert.match(exported.out, /\\u202e opened/, format);
  }
  // Error messages quote file names and arguments.
  const missing = whys(['check', 'gone\u001b[2J\u202e.whys.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.doesNotMatch(missing.err, RAW_CONTROL);
  assert.match(missing.err, /gone\\x1b\[2J\\u202e\.whys\.yaml/);
});
