/**
 * Word alignment between two texts over word vectors: for each content word of one text, its
 * best cosine match among the other's content words, weighted by how telling the word is.
 * Quadratic in words, so both texts are capped; each text's vectors are looked up once, and
 * alignments are remembered across checks (bounded), so a re-check after an edit recomputes
 * only what the edit changed.
 */
import type { LearnedText } from './text';
import type { WordVectors } from './vectors';

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
const MAX_CACHE = 50_000;

/** A text's content words with their vectors, weights and crude stems, looked up once. */
interface Prepared {
  readonly words: readonly string[];
  readonly vectors: readonly (Float32Array | undefined)[];
  readonly weights: readonly number[];
  /** A crude stem (`deploy` for deployed/deploys), or undefined for words of three letters or fewer. */
  readonly stems: readonly (string | undefined)[];
  mean?: Float32Array;
}

interface Caches {
  readonly texts: Map<string, Prepared>;
  readonly pairs: Map<string, Alignment>;
}

const caches = new WeakMap<WordVectors, Caches>();

function cachesOf(vectors: WordVectors): Caches {
  let c = caches.get(vectors);
  if (!c) caches.set(vectors, (c = { texts: new Map(), pairs: new Map() }));
  return c;
}

function crudeStem(w: string): string | undefined {
  return w.length > 3 ? w.replace(/(?:ing|ed|es|s|er|ion|ions|ment|ly)$/, '') : undefined;
}

function prepared(vectors: WordVectors, text: LearnedText): Prepared {
  const { texts } = cachesOf(vectors);
  let p = texts.get(text.normalised);
  if (!p) {
    const words = text.content.slice(0, MAX_CONTENT);
    p = { words, vectors: words.map((w) => vectors.vector(w)), weights: words.map((w) => vectors.idf(w)), stems: words.map(crudeStem) };
    if (texts.size >= MAX_CACHE) texts.clear();
    texts.set(text.normalised, p);
  }
  return p;
}

/** Aligns A's content words to B's. */
export function align(vectors: WordVectors, a: LearnedText, b: LearnedText): Alignment {
  const { pairs } = cachesOf(vectors);
  const key = `${a.normalised}\u0001${b.normalised}`;
  const hit = pairs.get(key);
  if (hit) return hit;
  const pa = prepared(vectors, a);
  const pb = prepared(vectors, b);
  let result: Alignment;
  if (pa.words.length === 0) result = { similarity: 0, coverage: 0, exact: 0, matches: [] };
  else {
    let total = 0;
    let sim = 0;
    let cover = 0;
    let exact = 0;
    const matches: WordMatch[] = [];
    for (let i = 0; i < pa.words.length; i++) {
      const w = pa.words[i];
      const va = pa.vectors[i];
      const sa = pa.stems[i];
      let best = 0;
      let match = '';
      for (let j = 0; j < pb.words.length; j++) {
        const x = pb.words[j];
        let s: number;
        if (w === x) s = 1;
        else {
          const stemmed = sa !== undefined && sa === pb.stems[j];
          const vb = pb.vectors[j];
          if (va && vb) {
            let dot = 0;
            for (let d = 0; d < va.length; d++) dot += va[d] * vb[d];
            s = stemmed ? Math.max(dot, 0.9) : dot;
          } else s = stemmed ? 0.9 : 0;
        }
        if (s > best) {
          best = s;
          match = x;
        }
      }
      const weight = pa.weights[i];
      total += weight;
      sim += weight * best;
      if (best >= MATCHED) cover += weight;
      if (best >= 0.999) exact += weight;
      matches.push({ word: w, match, similarity: best, weight });
    }
    result = { similarity: sim / total, coverage: cover / total, exact: exact / total, matches };
  }
  if (pairs.size >= MAX_CACHE) pairs.clear();
  pairs.set(key, result);
  return result;
}

/** The idf-weighted mean of a text's word vectors, unit length (zeros when it has none). */
export function meanVector(vectors: WordVectors, text: LearnedText): Float32Array {
  const p = prepared(vectors, text);
  if (p.mean) return p.mean;
  const out = new Float32Array(vectors.dims);
  for (let i = 0; i < p.words.length; i++) {
    const v = p.vectors[i];
    if (!v) continue;
    const weight = p.weights[i];
    for (let d = 0; d < out.length; d++) out[d] += weight * v[d];
  }
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d] * out[d];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < out.length; d++) out[d] /= norm;
  p.mean = out;
  return out;
}

/** The cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d] * b[d];
  return dot;
}
