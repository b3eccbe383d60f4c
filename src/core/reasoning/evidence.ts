/**
 * Evidence for messages: the words a verdict rests on, quoted as the file writes them.
 */
import type { Range } from './clauses';
import { DETERMINERS } from './lexicon';
import { surface, type Concept } from './similarity';
import type { TextInfo } from './steps';

/**
 * The phrases that mention some concepts: neighbouring mentions join into one phrase
 * (`integration code`, `20 inputs`), in text order, without repeats.
 */
export function phrasesOf(info: TextInfo, concepts: readonly Concept[], max = 3): string[] {
  const sorted = [...concepts].sort((a, b) => a.from - b.from);
  const tokens = info.tokens;
  // A word right before an article is a verb (`schedule the campaign`): it ends a phrase and is dropped alone.
  const verbLike = (c: Concept): boolean => c.to - c.from === 1 && DETERMINERS.has(tokens[c.to]?.lower ?? '') && tokens[c.to]?.lower !== 'no';
  const runs: Range[] = [];
  for (const c of sorted) {
    if (verbLike(c) && sorted.length > 1) continue;
    const last = runs[runs.length - 1];
    if (last && c.from <= last.to) runs[runs.length - 1] = { from: last.from, to: Math.max(last.to, c.to) };
    else runs.push({ from: c.from, to: c.to });
  }
  const out: string[] = [];
  for (const run of runs) {
    const text = surface(info.text, info, run.from, run.to);
    if (text && !out.includes(text)) out.push(text);
  }
  // Prefer the longer phrases when there are too many, keeping text order.
  if (out.length <= max) return out;
  const keep = new Set([...out].sort((a, b) => b.split(' ').length - a.split(' ').length).slice(0, max));
  return out.filter((p) => keep.has(p));
}

/** The words of a token range as written. */
export function wordsOf(info: TextInfo, range: Range): string {
  return surface(info.text, info, range.from, range.to);
}
