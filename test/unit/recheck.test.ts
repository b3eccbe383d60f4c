/**
 * The re-check after an edit (`recheckText`, which re-reads only the roots an edit touched)
 * gives exactly what a cold check of the new text gives: the same findings, the same model with
 * the same spans, the same problems and comments. Property test: random edits (words typed and
 * deleted, lines added, removed, indented, commented, a root added, anchors, document markers)
 * at random places of generated analyses (one with CRLF line endings), the corpus and the examples, each edit applied to the
 * result of the one before, as in an editor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, recheckText, type CheckResult } from '../../src/core';
import { generateAnalysis } from '../bench/generate';

const ROOT = join(__dirname, '..', '..', '..');

/** A small deterministic random number generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (text: string, at: number, lineStart: number, lineEnd: number, pick: <T>(items: readonly T[]) => T) => string;

const WORDS = ['\r', 'the', 'deploy', 'because', 'nobody', 'reviewed', 'Sam', 'and', 'should', 'config', 'why', '?', ':', '- ', '#', '"', "'", '\t', '[', '{', '&a', '*a', '!!binary', '|'];

const EDITS: Edit[] = [
  // Typing and deleting inside a line.
  (t, at, _s, _e, pick) => t.slice(0, at) + pick(WORDS) + t.slice(at),
  (t, at, _s, _e, pick) => t.slice(0, at) + ' ' + pick(WORDS) + ' ' + pick(WORDS) + t.slice(at),
  (t, at) => t.slice(0, at) + t.slice(at + 1),
  (t, at, _s, e) => t.slice(0, at) + t.slice(Math.min(e, at + 12)),
  // Whole lines: removed, doubled, indented, dedented, commented, joined with the next.
  (t, _a, s, e) => t.slice(0, s) + t.slice(Math.min(t.length, e + 1)),
  (t, _a, s, e) => t.slice(0, e + 1) + t.slice(s, e + 1) + t.slice(e + 1),
  (t, _a, s) => t.slice(0, s) + '  ' + t.slice(s),
  (t, _a, s) => (t.startsWith('  ', s) ? t.slice(0, s) + t.slice(s + 2) : t),
  (t, _a, s) => t.slice(0, s) + '# ' + t.slice(s),
  (t, _a, _s, e) => (e < t.length ? t.slice(0, e) + t.slice(e + 1) : t),
  // New lines: a step, a comment, a suppression, a root, document markers.
  (t, _a, s) => t.slice(0, s) + '      - why: Why did the deploy go out on Friday?\n        because: Nobody checked the calendar.\n' + t.slice(s),
  (t, _a, s) => t.slice(0, s) + '      # whys-ignore blame, vague -- tested\n' + t.slice(s),
  (t, _a, s) => t.slice(0, s) + '  # a note between roots\n' + t.slice(s),
  (t, _a, s) => t.slice(0, s) + '  - id: added-root\n    whys:\n      - why: Why did it fail?\n        because: The disk filled up.\n' + t.slice(s),
  (t, _a, s) => t.slice(0, s) + '...\n' + t.slice(s),
  (t, _a, s) => t.slice(0, s) + '---\n' + t.slice(s),
  (t, _a, _s, e) => t.slice(0, e) + ' # trailing comment' + t.slice(e),
  // Same length: one character replaced.
  (t, at, _s, _e, pick) => t.slice(0, at) + pick(['x', ' ', ':', '-', 'é']) + t.slice(at + 1),
];

function sources(): { name: string; text: string }[] {
  const out = [
    { name: 'generated 60 steps', text: generateAnalysis(60, 7) },
    { name: 'generated 30 steps', text: generateAnalysis(30, 8) },
    { name: 'generated 30 steps, CRLF line endings', text: generateAnalysis(30, 9).replace(/\n/g, '\r\n') },
  ];
  for (const dir of ['test/corpus', 'test/examples']) {
    for (const name of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.whys.yaml')).sort()) {
      out.push({ name, text: readFileSync(join(ROOT, dir, name), 'utf8') });
    }
  }
  return out;
}

/** Where an edit goes: mostly inside the roots (where a re-check can re-read less), sometimes anywhere. */
function place(text: string, next: () => number): number {
  const roots = text.indexOf('\nroots:');
  const from = roots >= 0 && next() < 0.9 ? roots + 8 : 0;
  return Math.min(text.length - 1, from + Math.floor(next() * (text.length - from)));
}

test('a re-check after random edits equals a cold check: findings, model, spans, problems and comments (generated, corpus and example analyses)', () => {
  const next = random(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  let edits = 0;
  let reread = 0;
  for (const { name, text: original } of sources()) {
    let text = original;
    let previous: CheckResult = checkText(text);
    for (let n = 0; n < 40; n++) {
      const at = place(text, next);
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const found = text.indexOf('\n', at);
      const lineEnd = found < 0 ? text.length : found;
      const edited = pick(EDITS)(text, at, lineStart, lineEnd, pick);
      if (edited === text) continue;
      const again = recheckText(previous, edited);
      const cold = checkText(edited);
      const where = `${name}, edit ${n}: ${JSON.stringify(edited.slice(Math.max(0, lineStart - 40), lineEnd + 40))}`;
      assert.deepStrictEqual(again.findings, cold.findings, where);
      assert.deepStrictEqual(again.parsed.problems, cold.parsed.problems, where);
      assert.deepStrictEqual(again.parsed.comments, cold.parsed.comments, where);
      assert.equal(again.parsed.wellFormed, cold.parsed.wellFormed, where);
      assert.deepStrictEqual(again.parsed.analysis, cold.parsed.analysis, where);
      edits++;
      // The problem statement (before the roots) kept as the same object: only some roots were read again.
      const problem = previous.parsed.analysis.problem;
      if (problem && again.parsed.analysis.problem === problem) reread++;
      // Most edits build on the result of the re-check, some on a cold one, as after a reload.
      previous = next() < 0.9 ? again : cold;
      text = edited;
      // A file wrecked by many edits starts again from its original.
      if (!cold.parsed.wellFormed && next() < 0.3) {
        text = original;
        previous = checkText(text);
      }
    }
  }
  assert.ok(edits > 1000, `only ${edits} edits were compared`);
  // The re-read path must have been taken often, or this test compares a cold check with itself
  // (many edits leave YAML that does not parse, which is always read whole).
  assert.ok(reread > edits / 4, `only ${reread} of ${edits} re-checks re-read part of the file`);
});

test('a re-check of the bench edit (one answer of a 2,000-step analysis) re-reads one root and equals a cold check', () => {
  const base = generateAnalysis(2000, 3);
  const before = checkText(base);
  // Step 1,000 (root 101 of 200) asks about case 2,881,000 in this variant.
  const edited = base.replace('in case 2881000?', 'in case 2881000 (edited)?');
  assert.notEqual(edited, base);
  const again = recheckText(before, edited);
  const cold = checkText(edited);
  assert.deepStrictEqual(again.findings, cold.findings);
  assert.deepStrictEqual(again.parsed.analysis, cold.parsed.analysis);
  const kept = again.parsed.analysis.roots.filter((r, i) => r === before.parsed.analysis.roots[i]).length;
  // The 100 roots before it are the same objects; the 99 after it are moved copies.
  assert.equal(kept, 100);
});
