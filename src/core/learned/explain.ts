/** Helpers for what a learned finding says it judged by. */
import type { DetectorWeights } from './detector';
import { wordContributions } from './detector';
import type { FeatureEnv } from './features';
import type { LearnedText } from './text';
import { STOP_WORDS } from './text';

/**
 * The words of a text that weighed most towards the verdict: each word's sparse terms plus its
 * share of the averaged-vector part (`v0` … `v99`), strongest first, at most `max`.
 */
export function weightiestWords(env: FeatureEnv, weights: DetectorWeights, text: LearnedText, max = 3): string[] {
  const parts = wordContributions(weights, text.words);
  const effective = new Float64Array(env.vectors.dims);
  weights.features.forEach((name, i) => {
    const m = /^v(\d+)$/.exec(name);
    if (m) effective[Number(m[1])] = weights.weights[i] / weights.scale[i];
  });
  const content = text.content.length || 1;
  for (const w of new Set(text.words)) {
    const v = env.vectors.vector(w);
    if (!v || STOP_WORDS.has(w)) continue;
    let dot = 0;
    for (let d = 0; d < v.length; d++) dot += effective[d] * v[d];
    parts.set(w, (parts.get(w) ?? 0) + dot / content);
  }
  return [...parts]
    .filter(([w, c]) => c > 0 && w.length > 1 && !STOP_WORDS.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w);
}

/** Quotes words for a message: “a”, “b” and “c”. */
export function quoteAll(words: readonly string[]): string {
  const q = words.map((w) => `“${w}”`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** Whether a word is rare enough to be worth naming in a message (not `get`, `make`, `time`). */
export function telling(env: FeatureEnv, word: string): boolean {
  return env.vectors.idf(word) >= Math.log(300);
}
