/**
 * The features the word-vector detectors share, computed once per unit: word alignment between
 * the answer, its question and the answer before (and the question and the answer it follows
 * from), how the pair ranks among the file's other answers, length and punctuation, the
 * averaged word vector, and the words and word pairs (for the sparse part of a detector).
 */
import { align, cosine, meanVector, type Alignment } from './align';
import type { LearnedText } from './text';
import type { AnswerUnit, QuestionUnit } from './units';
import type { WordVectors } from './vectors';

/** What features are computed with: the word vectors (alignments and means are remembered per vectors). */
export class FeatureEnv {
  private readonly answers = new WeakMap<AnswerUnit, Record<string, number>>();
  private readonly pairs = new WeakMap<LearnedText, Map<LearnedText, Alignment>>();
  constructor(readonly vectors: WordVectors) {}

  mean(text: LearnedText): Float32Array {
    return meanVector(this.vectors, text);
  }

  align(a: LearnedText, b: LearnedText): Alignment {
    return this.alignOnce(a, b);
  }

  /** An answer's features, computed once per unit however many detectors read them. */
  answerFeatures(u: AnswerUnit, compute: () => Record<string, number>): Record<string, number> {
    let f = this.answers.get(u);
    if (!f) this.answers.set(u, (f = compute()));
    return f;
  }

  /** The alignment of A to B, remembered for this check by the texts' objects (then across checks by their words). */
  alignOnce(a: LearnedText, b: LearnedText): Alignment {
    let row = this.pairs.get(a);
    if (!row) this.pairs.set(a, (row = new Map()));
    let hit = row.get(b);
    if (!hit) row.set(b, (hit = align(this.vectors, a, b)));
    return hit;
  }
}

const EMPTY: Alignment = { similarity: 0, coverage: 0, exact: 0, matches: [] };

/** Length and punctuation of a text. */
function shape(prefix: string, t: LearnedText): Record<string, number> {
  return {
    [`${prefix}_words`]: Math.log1p(t.words.length),
    [`${prefix}_content`]: Math.log1p(t.content.length),
    [`${prefix}_commas`]: Math.min(4, (t.normalised.match(/,/g) ?? []).length),
    [`${prefix}_digits`]: /\d/.test(t.normalised) ? 1 : 0,
    [`${prefix}_paren`]: /[();]/.test(t.normalised) ? 1 : 0,
  };
}

/** The share of `others` that a target resembles more than it resembles `mine` (0 = mine is the closest). */
function rank(env: FeatureEnv, target: LearnedText, mine: LearnedText | undefined, others: readonly LearnedText[]): number {
  if (!mine || others.length === 0) return 0.5;
  const t = env.mean(target);
  const own = cosine(t, env.mean(mine));
  let higher = 0;
  for (const o of others) if (cosine(t, env.mean(o)) > own) higher++;
  return higher / others.length;
}

/** The names of `answerFeatures`, in a fixed order. */
export const ANSWER_FEATURES: readonly string[] = ['aq_sim', 'aq_cov', 'aq_exact', 'qa_sim', 'qa_cov', 'qa_exact', 'ap_sim', 'ap_cov', 'pa_sim', 'ar_sim', 'aq_cos', 'a_rank', 'a_ratio', 'a_cause_list', 'a_words', 'a_content', 'a_commas', 'a_digits', 'a_paren'];

/** The names of `questionFeatures`, in a fixed order. */
export const QUESTION_FEATURES: readonly string[] = ['qp_sim', 'qp_cov', 'qp_exact', 'qp_best', 'pq_sim', 'pq_cov', 'qq_sim', 'qq_cov', 'qr_sim', 'qp_cos', 'q_rank', 'q_refers', 'q_from_answer', 'q_from_cause', 'q_from_top', 'q_mark', 'q_why', 'q_words', 'q_content', 'q_commas', 'q_digits', 'q_paren'];

/** The dense features of an answer, by name. */
export function answerFeatures(env: FeatureEnv, u: AnswerUnit): Record<string, number> {
  return env.answerFeatures(u, () => computeAnswerFeatures(env, u));
}

function computeAnswerFeatures(env: FeatureEnv, u: AnswerUnit): Record<string, number> {
  const q = u.question;
  // Each alignment and the rank are computed only when a detector reads a feature that needs
  // them (an alignment is the costly part, and the detectors on by default read few of them).
  const aq = once(() => (q ? env.align(u.answer, q) : EMPTY));
  const qa = once(() => (q ? env.align(q, u.answer) : EMPTY));
  const ap = once(() => (u.previous ? env.align(u.answer, u.previous) : EMPTY));
  const pa = once(() => (u.previous ? env.align(u.previous, u.answer) : EMPTY));
  const ar = once(() => (u.rootQuestion ? env.align(u.answer, u.rootQuestion) : EMPTY));
  // Not spread into a literal: a spread would read, and so compute, every lazy value.
  const out = lazyRecord({
    aq_sim: () => aq().similarity,
    aq_cov: () => aq().coverage,
    aq_exact: () => aq().exact,
    qa_sim: () => qa().similarity,
    qa_cov: () => qa().coverage,
    qa_exact: () => qa().exact,
    ap_sim: () => ap().similarity,
    ap_cov: () => ap().coverage,
    pa_sim: () => pa().similarity,
    ar_sim: () => ar().similarity,
    aq_cos: () => (q ? cosine(env.mean(u.answer), env.mean(q)) : 0),
    a_rank: () => (q ? rank(env, q, u.answer, u.others) : 0.5),
  });
  out.a_ratio = q ? Math.log1p(u.answer.content.length) - Math.log1p(q.content.length) : 0;
  out.a_cause_list = u.step.causes ? 1 : 0;
  return Object.assign(out, shape('a', u.answer));
}

/** A value computed on first use, then kept. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** A record whose values are computed when first read (and then kept). */
function lazyRecord(spec: Record<string, () => number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, compute] of Object.entries(spec)) Object.defineProperty(out, name, { enumerable: true, get: once(compute) });
  return out;
}

/** The dense features of a question, by name. */
export function questionFeatures(env: FeatureEnv, u: QuestionUnit): Record<string, number> {
  const p = u.previous;
  const qp = p ? env.align(u.question, p) : EMPTY;
  const pq = p ? env.align(p, u.question) : EMPTY;
  const qq = u.previousQuestion ? env.align(u.question, u.previousQuestion) : EMPTY;
  const qr = u.rootQuestion ? env.align(u.question, u.rootQuestion) : EMPTY;
  const best = qp.matches.reduce((m, x) => Math.max(m, x.similarity), 0);
  return {
    qp_sim: qp.similarity,
    qp_cov: qp.coverage,
    qp_exact: qp.exact,
    qp_best: best,
    pq_sim: pq.similarity,
    pq_cov: pq.coverage,
    qq_sim: qq.similarity,
    qq_cov: qq.coverage,
    qr_sim: qr.similarity,
    qp_cos: p ? cosine(env.mean(u.question), env.mean(p)) : 0,
    q_rank: p ? rank(env, u.question, p, u.others) : 0.5,
    q_refers: /\b(it|this|that|these|those|they|them|such|so|there)\b/.test(u.question.normalised) ? 1 : 0,
    q_from_answer: u.previousFrom === 'answer' ? 1 : 0,
    q_from_cause: u.previousFrom === 'cause' ? 1 : 0,
    q_from_top: u.previousFrom === 'problem' || u.previousFrom === 'question' || !p ? 1 : 0,
    q_mark: /\?\s*$/.test(u.question.raw) ? 1 : 0,
    q_why: u.question.words[0] === 'why' ? 1 : 0,
    ...shape('q', u.question),
  };
}

/** The names of the averaged-vector features, `v0` … `v99`. */
export const VECTOR_FEATURES: readonly string[] = Array.from({ length: 100 }, (_, d) => `v${d}`);

/**
 * What the wording detectors (`vague`, `blame`) read of an answer besides its words: its length
 * and punctuation and how it aligns with its question; then its averaged word vector.
 */
export const WORDING_FEATURES: readonly string[] = ['a_words', 'a_content', 'a_commas', 'a_digits', 'a_paren', 'aq_sim', 'qa_sim'];

/** The dense features of a wording detector, in the order of `[...WORDING_FEATURES, ...VECTOR_FEATURES]`. */
export function wordingFeatures(unit: AnswerUnit, env: FeatureEnv): Float64Array {
  return featureArray(WORDING_FEATURES, answerFeatures(env, unit), env, unit.answer);
}

/**
 * Named features in a fixed order, then the averaged word vector of `text` (when given), as one
 * array for `Detector.dense`.
 */
export function featureArray(names: readonly string[], record: Readonly<Record<string, number>>, env?: FeatureEnv, text?: LearnedText): Float64Array {
  const vector = text && env ? env.mean(text) : undefined;
  const out = new Float64Array(names.length + (vector ? vector.length : 0));
  for (let i = 0; i < names.length; i++) out[i] = record[names[i]] ?? 0;
  if (vector) out.set(vector, names.length);
  return out;
}

const terms = new WeakMap<LearnedText, string[]>();

/** The words and word pairs of a text, as sparse terms (`w:lack`, `b:lack_of`), distinct (computed once per text). */
export function termsOf(text: LearnedText): string[] {
  let known = terms.get(text);
  if (!known) terms.set(text, (known = computeTerms(text)));
  return known;
}

function computeTerms(text: LearnedText): string[] {
  const out = new Set<string>();
  const w = text.words;
  for (let i = 0; i < w.length; i++) {
    out.add(`w:${w[i]}`);
    if (i + 1 < w.length) out.add(`b:${w[i]}_${w[i + 1]}`);
  }
  return [...out];
}
