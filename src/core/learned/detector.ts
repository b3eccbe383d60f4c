/**
 * A learned detector is four things: a feature extractor, the rule code it reports, weights
 * (data, trained by `npm run train`) and a threshold (data, chosen on sets the weights were not
 * trained on). Word-vector detectors and a sentence-model detector register the same way: only
 * the feature extractor and its environment differ.
 */
import type { RuleCode } from '../findings';
import type { LearnedUnit } from './units';

/** A detector's trained weights: logistic regression over standardised dense features plus sparse terms. */
export interface DetectorWeights {
  /** The detector's name (its weights file is `weights/NAME.json`). */
  readonly detector: string;
  readonly rule: RuleCode;
  /** Names of the dense features, in the order of `mean`, `scale` and `weights`. */
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Weights of sparse terms (`w:word`, `b:word_word`); each present term counts 1/√(terms). */
  readonly terms: Readonly<Record<string, number>>;
  /** What it was trained on, for the reader. */
  readonly trainedOn: readonly string[];
}

/** A detector's switch and threshold (from `weights/thresholds.json`). */
export interface DetectorSetting {
  /** Flags a unit whose probability is at least this. */
  readonly threshold: number;
  /** Whether the detector runs under the default `whys.learned` setting. */
  readonly on: boolean;
}

/** What a detector's finding says and carries. */
export interface Explanation {
  readonly message: string;
  readonly evidence: readonly string[];
  readonly suggestion?: string;
}

/** A detector: how to read a unit, and how to explain a verdict. `E` is its feature environment. */
export interface Detector<E = unknown, U extends LearnedUnit = LearnedUnit> {
  readonly name: string;
  readonly rule: RuleCode;
  /** Which units it judges. */
  readonly target: U['kind'];
  /** The names of its dense features, in the order `dense` gives them (the weights file must list the same). */
  readonly features: readonly string[];
  /** The dense features of a unit, in the order of `features`. */
  dense(unit: U, env: E): ArrayLike<number>;
  /**
   * Whether the detector judges this unit at all (a unit it does not judge is never flagged, and
   * scores 0 when thresholds are chosen). Absent: every unit of its target.
   */
  applies?(unit: U, env: E): boolean;
  /** Sparse terms of the unit, when the detector uses them. */
  terms?(unit: U): readonly string[];
  /** Says what the verdict was judged by. */
  explain(unit: U, env: E, weights: DetectorWeights): Explanation;
  /**
   * Set when its score and explanation of an answer read nothing but the answer's text and its
   * question's (no other context, no `applies`): they are then worked out once per pair of
   * texts and reused on every re-check.
   */
  readonly readsOnly?: 'answer and question';
}

const tables = new WeakMap<DetectorWeights, Map<string, number>>();

/** A detector's term weights as a map (looked up once per weights). */
function termTable(weights: DetectorWeights): Map<string, number> {
  let t = tables.get(weights);
  if (!t) tables.set(weights, (t = new Map(Object.entries(weights.terms))));
  return t;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Whether weights were trained on a detector's features, in its order. */
export function fits(weights: DetectorWeights, features: readonly string[]): boolean {
  return weights.features.length === features.length && weights.features.every((f, i) => f === features[i]);
}

/**
 * The probability a detector's weights give a unit's features: an array in the weights' order,
 * or a record by feature name (a missing name counts 0).
 */
export function score(weights: DetectorWeights, dense: ArrayLike<number> | Readonly<Record<string, number>>, terms: readonly string[] = []): number {
  let z = weights.bias;
  const inOrder = Array.isArray(dense) || ArrayBuffer.isView(dense);
  for (let i = 0; i < weights.features.length; i++) {
    const x = inOrder ? (dense as ArrayLike<number>)[i] : ((dense as Readonly<Record<string, number>>)[weights.features[i]] ?? 0);
    z += weights.weights[i] * ((x - weights.mean[i]) / weights.scale[i]);
  }
  if (terms.length) {
    const each = 1 / Math.sqrt(terms.length);
    const table = termTable(weights);
    for (const t of terms) z += (table.get(t) ?? 0) * each;
  }
  return sigmoid(z);
}

/** Each word's part in a score: its sparse terms' weights (a word pair shares its weight between its words). */
export function wordContributions(weights: DetectorWeights, words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (w: string, v: number): void => void out.set(w, (out.get(w) ?? 0) + v);
  for (let i = 0; i < words.length; i++) {
    add(words[i], weights.terms[`w:${words[i]}`] ?? 0);
    if (i + 1 < words.length) {
      const b = weights.terms[`b:${words[i]}_${words[i + 1]}`] ?? 0;
      add(words[i], b / 2);
      add(words[i + 1], b / 2);
    }
  }
  return out;
}
