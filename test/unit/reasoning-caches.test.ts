/**
 * The reasoning caches stay correct past their limits: after files of random words have been
 * checked (more concept keys than the numbering keeps), verdicts are the same as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, parseAnalysis, REASONING_RULES } from '../../src/core';
import { itemsOf } from '../../src/core/reasoning/steps';

const REASONING = new Set<string>(REASONING_RULES.map((r) => r.code));
const examples = join(__dirname, '..', '..', '..', 'test', 'examples');

function verdicts(text: string) {
  return checkText(text).findings.filter((f) => REASONING.has(f.rule)).map((f) => `${f.rule} ${f.path} ${f.message}`);
}

/** An analysis whose answers are made of words never seen before: about `words` new concept keys. */
function randomWords(tag: string, words: number): string {
  const steps: string[] = [];
  for (let s = 0; s * 100 < words; s++) {
    const answer = Array.from({ length: 100 }, (_, w) => `q${tag}z${s}x${w}k`).join(' ');
    steps.push(`      - why: Why did part ${tag}${s} fail?\n        because: ${answer}.`);
  }
  return `version: 1\ntitle: Noise\nproblem: Noise.\nroots:\n  - whys:\n${steps.join('\n')}\n`;
}

/** The everyday concepts of an analysis, freshly parsed. */
function everyday(text: string): string[] {
  return [...itemsOf(parseAnalysis(text).analysis).everyday].sort();
}

test('verdicts and everyday words are the same after the concept numbering has been reset by files of new words', () => {
  const canonical = ['crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml'].map((name) => readFileSync(join(examples, name), 'utf8'));
  const before = canonical.map(verdicts);
  const words = canonical.map(everyday);
  assert.ok(words.every((w) => w.length > 0), JSON.stringify(words));
  assert.ok(before[0].some((v) => v.startsWith('off-topic')) && before[1].some((v) => v.startsWith('compound')));
  // Two files of 120,000 new words each pass the 200,000 keys the numbering keeps.
  checkText(randomWords('a', 120_000));
  checkText(randomWords('b', 120_000));
  assert.deepEqual(canonical.map(verdicts), before);
  assert.deepEqual(canonical.map(everyday), words);
});
