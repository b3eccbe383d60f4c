/**
 * Word alignment between two texts over word vectors: for each content word of one text, its
 * best cosine match among the other's content words, weighted by how telling the word is.
 * Quadratic in words, so both texts are capped (see `learnedText`).
 */
import type { LearnedText } from './text';
import { wordSimilarity, type WordVectors } from './vectors';

/** A word matched to its closest word in the other text. */
export interface WordMatch {
  readonly word: string;
  readonly match: string;
  readonly similarity: number;
  readonly weight: number;
}

/** How much of text A the other text covers. */
export interface Alignment {
  /** The weighted mean of A's words' best similarity in B (0 when A has no content word). */
  readonly similarity: number;
  /** The weighted share of A's words matched in B at 0.55 or more. */
  readonly coverage: number;
  /** The weighted share of A's words that B says exactly. */
  readonly exact: number;
  /** Each content word of A with its best match, in A's order. */
  readonly matches: readonly WordMatch[];
}

const MATCHED = 0.55;
const MAX_CONTENT = 40;

/** Aligns A's content words to B's. */
export function align(vectors: WordVectors, a: LearnedText, b: LearnedText): Alignment {
  const aw = a.content.slice(0, MAX_CONTENT);
  const bw = b.content.slice(0, MAX_CONTENT);
  if (aw.length === 0) return { similarity: 0, coverage: 0, exact: 0, matches: [] };
  let total = 0;
  let sim = 0;
  let cover = 0;
  let exact = 0;
  const matches: WordMatch[] = [];
  for (const w of aw) {
    const weight = vectors.idf(w);
    let best = 0;
    let match = '';
    for (const x of bw) {
      const s = wordSimilarity(vectors, w, x);
      if (s > best) {
        best = s;
        match = x;
      }
    }
    total += weight;
    sim += weight * best;
    if (best >= MATCHED) cover += weight;
    if (best >= 0.999) exact += weight;
    matches.push({ word: w, match, similarity: best, weight });
  }
  return { similarity: sim / total, coverage: cover / total, exact: exact / total, matches };
}

/** The idf-weighted mean of a text's word vectors, unit length (zeros when it has none). */
export function meanVector(vectors: WordVectors, text: LearnedText): Float32Array {
  const out = new Float32Array(vectors.dims);
  for (const w of text.content.slice(0, MAX_CONTENT)) {
    const v = vectors.vector(w);
    if (!v) continue;
    const weight = vectors.idf(w);
    for (let d = 0; d < out.length; d++) out[d] += weight * v[d];
  }
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d] * out[d];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < out.length; d++) out[d] /= norm;
  return out;
}

/** The cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d] * b[d];
  return dot;
}
