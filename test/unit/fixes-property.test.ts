/**
 * Every quick fix, on every finding of the examples (the tests' copy), the corpus and generated
 * files: the YAML stays valid, nothing outside the fix changes (every comment and every other
 * question, answer, cause and action is still there), every content word of a reworded answer or
 * question is kept somewhere in what the fix writes, and once the placeholders the fix leaves are
 * filled in (an answer, an action, an owner, a date), `whys check` reports no `schema` or `syntax`
 * problem the file did not already have.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { allCauses, allSteps, checkText, type Analysis, type Finding } from '../../src/core';
import { applyEdits, applyFilled, contentWords, fixesFor, type Fix, type PlaceholderKind } from '../../src/core/fixes';

const root = resolve(__dirname, '../../..');
const folder = (dir: string): [string, string][] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.whys.yaml'))
    .sort()
    .map((f) => [`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')]);

/** What a user types into each kind of placeholder. */
const FILL: Record<PlaceholderKind, string> = {
  answer: 'The retention job was never scheduled on the new cluster.',
  action: 'Schedule the retention job on every cluster.',
  owner: 'ops',
  date: '2030-01-31',
};

/** A small seeded random generator (mulberry32), so the generated files are the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers and questions that the rules are meant to catch, as people write them. */
const TROUBLE_ANSWERS = [
  'HR should benchmark bands every year.',
  'It hit the open-files limit and an AWS API rate quota at the same time.',
  'We should add a check for the field count.',
  'The team must review every config change before it ships.',
  'The query was not optimized, and no limit was set on the memory it could use.',
  'Human error.',
  'Poor communication between the teams.',
  'The disk ran out of space because it was full.',
  'After the migration, the cron host lost its schedule and the backup bucket lost its lifecycle rule.',
];
const TROUBLE_QUESTIONS = ['The metadata safety checks.', 'The disk filling up', 'Why did the moon rise late?', 'Backups not tested'];

/** Generated analyses: steps of the corpus mixed with answers and questions the rules flag. */
function generated(corpus: readonly [string, string][], count: number): [string, string][] {
  const rand = random(20261206);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const steps: { why: string; because: string }[] = [];
  for (const [, text] of corpus) {
    for (const s of allSteps(checkText(text).parsed.analysis)) if (s.why && s.because) steps.push({ why: s.why.text, because: s.because.text });
  }
  const quote = (s: string): string => JSON.stringify(s);
  const scalar = (s: string): string => (rand() < 0.3 ? quote(s) : /[:#]|^[-?*&!|>'"%@`[\]{}]/.test(s) ? quote(s) : s);
  const out: [string, string][] = [];
  for (let n = 0; n < count; n++) {
    const lines = ['version: 1', `title: Generated analysis ${n}`, 'problem: Something went wrong in production.', 'roots:'];
    const roots = 1 + Math.floor(rand() * 3);
    for (let r = 0; r < roots; r++) {
      if (rand() < 0.3) lines.push('  # a comment before the root');
      lines.push(`  - id: root-${r}`, '    whys:');
      const depth = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < depth; k++) {
        const base = pick(steps);
        const why = rand() < 0.15 ? pick(TROUBLE_QUESTIONS) : base.why;
        const because = rand() < 0.35 ? pick(TROUBLE_ANSWERS) : base.because;
        if (rand() < 0.2) lines.push('      # whys: reviewed');
        lines.push(`      - ${rand() < 0.3 ? `id: step-${r}-${k}\n        ` : ''}why: ${scalar(why)}`);
        if (k === depth - 1 && rand() < 0.25) {
          // The chain ends in a list of causes.
          lines.push('        because:', `          - cause: ${scalar(pick(TROUBLE_ANSWERS))}`, `          - id: cause-${r}`, `            cause: ${scalar(pick(steps).because)}`);
        } else if (rand() < 0.15) lines.push('        because: >-', `          ${because}`);
        else lines.push(`        because: ${scalar(because)}${rand() < 0.2 ? '  # as written' : ''}`);
      }
      if (rand() < 0.6) {
        lines.push('    actions:', `      - do: ${scalar('Add an alert on the job.')}`, '        owner: ops', '        due: 2030-01-01');
        if (rand() < 0.5) lines.push(`        for: step-${r}-${rand() < 0.5 ? 'O' : '0'}`);
      }
    }
    const text = lines.join('\n') + '\n';
    out.push([`generated-${n}`, rand() < 0.2 ? text.replace(/\n/g, '\r\n') : text]);
  }
  return out;
}

/** Every question, answer, cause and action text of an analysis, with its range. */
function values(analysis: Analysis): { text: string; span: { start: number; end: number } }[] {
  return [
    ...allSteps(analysis).flatMap((s) => [s.why, s.because]),
    ...allCauses(analysis).map((c) => c.cause),
    ...analysis.roots.flatMap((r) => r.actions.map((a) => a.do)),
  ].filter((v): v is NonNullable<typeof v> => v !== undefined);
}

function texts(analysis: Analysis): string[] {
  return values(analysis).map((v) => v.text);
}

/** Removes one of each of `gone` from a list. */
function without(list: string[], gone: readonly string[]): string[] {
  const out = [...list];
  for (const g of gone) {
    const i = out.indexOf(g);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** The fixes that reword a question or answer, whose content words must all be kept. */
const REWORDING = new Set(['compound', 'action-as-cause', 'not-a-question', 'off-topic']);

function checkFix(name: string, text: string, finding: Finding, fix: Fix, before: ReturnType<typeof checkText>): void {
  const where = `${name}: ${fix.title} (${finding.rule} at ${finding.span.start})`;
  const after = applyEdits(text, fix.edits);
  const result = checkText(after);
  assert.ok(result.parsed.wellFormed, `${where}: the YAML no longer parses`);
  // Nothing else changed: every comment is still there, and every other text of the model.
  const comments = (t: string): string[] => checkText(t).parsed.comments.map((c) => c.text.trim());
  const lostComments = without(comments(text), comments(after));
  assert.deepEqual(lostComments, [], `${where}: comments lost`);
  const touched = (span: { start: number; end: number }): boolean => fix.edits.some((e) => e.span.start < span.end && span.start < Math.max(e.span.end, e.span.start + 1));
  const others = values(before.parsed.analysis)
    .filter((v) => !touched(v.span))
    .map((v) => v.text);
  const missing = without(others, texts(result.parsed.analysis));
  assert.deepEqual(missing, [], `${where}: other texts changed`);
  // Every content word of a reworded value is kept in what the fix writes (or left in place).
  if (REWORDING.has(finding.rule) && !fix.ignore) {
    const value = [...allSteps(before.parsed.analysis).flatMap((s) => [s.why, s.because]), ...allCauses(before.parsed.analysis).map((c) => c.cause)].find(
      (v) => v && v.span.start === finding.span.start,
    );
    if (value) {
      const written = new Set(contentWords(fix.edits.map((e) => e.newText).join(' ')));
      const replaced = fix.edits.some((e) => e.span.start <= value.span.start && value.span.end <= e.span.end && e.span.end > e.span.start);
      const lost = replaced ? contentWords(value.text).filter((w) => !written.has(w)) : [];
      assert.deepEqual(lost, [], `${where}: words of “${value.text}” lost`);
    }
  }
  // Once the placeholders are filled in: no new schema or syntax problem.
  const filled = checkText(applyFilled(text, fix.edits, (kind) => FILL[kind]));
  const structural = (r: ReturnType<typeof checkText>): string[] => r.findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax').map((f) => f.message);
  const added = without(structural(filled), structural(before));
  assert.deepEqual(added, [], `${where}: the filled-in fix leaves schema problems`);
}

test('every quick fix on the examples, the corpus and generated files keeps the file valid, every other byte and every word', { timeout: 300_000 }, () => {
  const corpus = folder('test/corpus');
  const files = [...folder('test/examples'), ...corpus, ...generated(corpus, 100)];
  const counts = new Map<string, number>();
  let total = 0;
  for (const [name, text] of files) {
    const before = checkText(text);
    for (const finding of before.findings) {
      for (const fix of fixesFor(before.parsed, finding)) {
        checkFix(name, text, finding, fix, before);
        const key = fix.ignore ? 'ignore here' : finding.rule;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        total++;
      }
    }
  }
  console.log(`fixes checked: ${total} (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  // The set must exercise every kind of fix.
  for (const rule of ['compound', 'action-as-cause', 'not-a-question', 'chain-break', 'no-action', 'unknown-ref', 'off-topic', 'ignore here']) {
    assert.ok((counts.get(rule) ?? 0) > 0, `no ${rule} fix was exercised`);
  }
});
