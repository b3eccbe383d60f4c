/**
 * `whys import` as a user runs it (`node dist/cli.js` in a child process) on 5-whys lists as
 * people paste them: the essay's own two lists and its bulleted version (seeds/), and six other
 * layouts found in postmortems and wiki pages (test/fixtures/import/). Each gives a valid
 * analysis with the chain as written, that `whys check` then reads without a schema problem, and
 * no line of the input is lost: what is not a step stays as a comment.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test', 'fixtures', 'import');

function whys(args: string[], cwd: string, input?: string) {
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

interface Expected {
  steps: number;
  roots: number;
  first: [string, string];
  last: [string, string];
  problem?: RegExp;
}

const LAYOUTS: Record<string, Expected> = {
  // The essay's list (seed 000): question on one line, "Because …" on the next.
  'essay-crowdstrike.txt': {
    steps: 5,
    roots: 1,
    first: ['Why did the system crash?', 'Because the content interpreter attempted to access an out-of-bounds memory location.'],
    last: ['Why did the testing processes not include this scenario?', 'Because the test cases were based on previous template instances that used wildcard matching criteria, which did not trigger the out-of-bounds issue.'],
  },
  'essay-database.txt': {
    steps: 5,
    roots: 1,
    first: ['Why did the system go down?', 'Because the database became unresponsive.'],
    last: ['Why was the query not optimized, and why were there no memory limits?', 'Because the development team lacked proper training on database optimization, and there were no guidelines or automated checks in place to enforce memory limits.'],
    problem: /critical system went down due to a database failure/,
  },
  // Seed 001: bullets with the question and its answer on one line.
  'essay-bullets.txt': {
    steps: 5,
    roots: 1,
    first: ['Why did the system crash?', 'The content interpreter accessed an out-of-bounds memory location.'],
    last: ['Why wasn’t this tested?', 'Previous cases didn’t trigger the issue.'],
  },
  'q-and-a.txt': {
    steps: 3,
    roots: 1,
    first: ['Why did checkout return errors?', 'The payment service timed out on every request.'],
    last: ['Why was the pool exhausted?', 'A retry loop opened a new connection on each retry.'],
    problem: /^Checkout errors for 40 minutes on Black Friday\.$/,
  },
  'why-because.txt': {
    steps: 3,
    roots: 1,
    first: ['Why did the nightly backup not run?', 'Because the cron host was rebuilt last week.'],
    last: ['Why did the old host run out of disk?', 'Because nobody rotated the logs.'],
    problem: /^The nightly backup did not run\.$/,
  },
  'wiki-page.md': {
    steps: 3,
    roots: 1,
    first: ['Why did the app crash on launch?', 'Because a nil font was passed to the label renderer.'],
    last: ['Why was the font missing?', 'The build script copied resources before the font was generated.'],
    problem: /^The mobile app crashed on launch for iOS 17 users\.$/,
  },
  'arrows.txt': {
    steps: 3,
    roots: 1,
    first: ['Why were orders late?', 'Picking started two days after the order.'],
    last: ['Why twice a week?', 'It was set up that way for the old warehouse and never revisited.'],
    problem: /^Orders shipped late to B2B customers in March\.$/,
  },
  'why-numbered.txt': {
    steps: 5,
    roots: 1,
    first: ['Why did the database go read-only?', 'The disk filled up.'],
    last: ['Why was auditing off in the load test?', 'The load-test profile predates the audit feature.'],
  },
  'one-paragraph.txt': {
    steps: 3,
    roots: 1,
    first: ['Why did the site go down?', 'Because the load balancer failed its health checks.'],
    last: ['Why did the health endpoint call the database?', 'Because it was written as a deep check.'],
    problem: /^The site went down\.$/,
  },
};

interface Imported {
  problem: string;
  roots: { whys: { why: string; because: string }[] }[];
}

/** The words of four letters or more of a text, lower-cased. */
const words = (text: string): string[] => (text.toLowerCase().match(/[a-z0-9’']{4,}/g) ?? []).map((w) => w.replace(/’/g, "'"));

for (const [file, expected] of Object.entries(LAYOUTS)) {
  test(`import ${file}: the chain as written, a clean schema, no line lost`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'whys-import-'));
    const run = whys(['import', join(fixtures, file)], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, new RegExp(`whys import: ${expected.steps} steps in ${expected.roots} root`));
    const analysis = parse(run.out) as Imported;
    const steps = analysis.roots.flatMap((r) => r.whys);
    assert.equal(analysis.roots.length, expected.roots);
    assert.equal(steps.length, expected.steps, run.out);
    assert.deepEqual([steps[0].why, steps[0].because], expected.first);
    assert.deepEqual([steps[steps.length - 1].why, steps[steps.length - 1].because], expected.last);
    if (expected.problem) assert.match(analysis.problem, expected.problem);
    // Every word of the input is somewhere in the analysis: in a step, the problem or a comment
    // (the labels that say which is which, `Problem statement:`, `Incident:`, `Q:`, are structure).
    const output = new Set(words(run.out));
    const input = readFileSync(join(fixtures, file), 'utf8');
    const LABELS = new Set(['problem', 'statement', 'incident', 'question', 'answer']);
    const lost = words(input).filter((w) => !output.has(w) && !LABELS.has(w));
    assert.deepEqual(lost, [], run.out);
    // `whys check` reads it: no syntax or schema problem.
    const written = join(dir, 'imported.whys.yaml');
    assert.equal(whys(['import', join(fixtures, file), '-o', written], dir).code, 0);
    const check = whys(['check', written, '--format', 'json'], dir);
    const reports = JSON.parse(check.out) as { messages: { ruleId: string; message: string }[] }[];
    const structural = reports[0].messages.filter((m) => m.ruleId === 'schema' || m.ruleId === 'syntax');
    assert.deepEqual(structural, []);
  });
}

test('import then check: the essay’s canonical off-topic answer (step 4) is reported on stderr', () => {
  const run = whys(['import', join(fixtures, 'essay-crowdstrike.txt')], root);
  assert.equal(run.code, 0);
  assert.match(run.err, /off-topic/);
  assert.match(run.err, /testing processes/);
  // stdout is the analysis alone.
  assert.match(run.out, /^# Imported by whys from essay-crowdstrike\.txt/);
  assert.doesNotMatch(run.out, /off-topic/);
});

test('import reads standard input with -, writes -o FILE, and keeps prose and unanswered questions as comments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-import-'));
  const input = [
    'Notes from the retro',
    'Why did the release slip? QA found a crash on the last day.',
    'Why was the crash found so late? The crash only happened on the release build.',
    'Then we ran out of time.',
    'What should we do next time?',
    'Why did the hotfix take two days? The on-call had no access to the signing key.',
    '',
  ].join('\n');
  const out = join(dir, 'retro.whys.yaml');
  const run = whys(['import', '-', '-o', out, '--title', 'Release slipped'], dir, input);
  assert.equal(run.code, 0, run.err);
  assert.equal(run.out, '');
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^title: Release slipped$/m);
  assert.match(text, /^problem: Notes from the retro\.$/m);
  assert.match(text, /^\s+# Then we ran out of time\.$/m);
  assert.match(text, /^\s+# What should we do next time\?$/m);
  const analysis = parse(text) as Imported;
  // Prose between the lists starts a new root.
  assert.deepEqual(
    analysis.roots.map((r) => r.whys.length),
    [2, 1],
  );
});

test('import of text with no question: exit 1, the text kept as comments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-import-'));
  const run = whys(['import', '-'], dir, 'We had an outage.\nIt was bad.\n');
  assert.equal(run.code, 1);
  assert.match(run.err, /no why-question with an answer found/);
  assert.match(run.out, /^\s+# It was bad\.$/m);
  assert.equal(whys(['import'], dir).code, 2, 'no FILE is a usage error');
  assert.equal(whys(['import', 'missing.txt'], dir).code, 2);
});
