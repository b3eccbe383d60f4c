/**
 * The learned detectors (SPEC §2, the offline tier): trained on the labelled analyses, run in
 * the same pass as the rules once their asset is loaded. The host reads the asset (word vectors
 * and weights) and hands its bytes in; the core does no I/O. Findings carry `tier: 'learned'`.
 */
import type { Finding, FindingTier, RuleCode, RuleFinding } from '../findings';
import type { Analysis } from '../model';
import { blameDetector } from './blame';
import { chainBreakDetector } from './chainBreak';
import { circularDetector } from './circular';
import { fits, score, type Detector, type DetectorSetting, type DetectorWeights, type Explanation } from './detector';
import { FeatureEnv } from './features';
import { unitsOf, type AnswerUnit, type LearnedUnit, type QuestionUnit } from './units';
import { vagueDetector } from './vague';
import { WordVectors } from './vectors';

export { WordVectors } from './vectors';
export { FeatureEnv, answerFeatures, questionFeatures, termsOf, featureArray, ANSWER_FEATURES, QUESTION_FEATURES, VECTOR_FEATURES } from './features';
export { unitsOf, type AnswerUnit, type QuestionUnit, type LearnedUnit } from './units';
export { learnedText, normalise, type LearnedText } from './text';
export { fits, score, sigmoid, type Detector, type DetectorSetting, type DetectorWeights, type Explanation } from './detector';
export { trainLogistic, type TrainingRow, type TrainedModel } from './logistic';

/** The word-vector detectors, in the order they run. */
export const WORD_VECTOR_DETECTORS: readonly (Detector<FeatureEnv, AnswerUnit> | Detector<FeatureEnv, QuestionUnit>)[] = [vagueDetector, blameDetector, circularDetector, chainBreakDetector];

/** `whys.learned` / `--learned`: the detectors switched on in the data, every detector, or none. */
export type LearnedMode = 'default' | 'all' | 'off';

/** Whether a string is a `LearnedMode`. */
export function isLearnedMode(value: unknown): value is LearnedMode {
  return value === 'default' || value === 'all' || value === 'off';
}

/** The learned asset as the host ships it: `dist/learned/weights.json`. */
export interface LearnedWeightsFile {
  readonly weights: readonly DetectorWeights[];
  readonly settings: Readonly<Record<string, DetectorSetting>>;
}

/** The loaded asset: word vectors, each detector's weights and its setting. */
export interface LearnedModels {
  readonly vectors: WordVectors;
  readonly weights: ReadonlyMap<string, DetectorWeights>;
  readonly settings: Readonly<Record<string, DetectorSetting>>;
}

/** Builds the models from the asset's bytes (the vectors) and its weights file. Throws on a bad asset. */
export function loadLearned(vectorBytes: Uint8Array, file: LearnedWeightsFile): LearnedModels {
  return { vectors: WordVectors.fromBytes(vectorBytes), weights: new Map(file.weights.map((w) => [w.detector, w])), settings: file.settings };
}

/** A learned finding before severities and suppressions apply. */
export type LearnedFinding = RuleFinding & { readonly rule: RuleCode; readonly tier: FindingTier };

/** Whether a detector runs under a mode. */
export function detectorOn(models: LearnedModels, name: string, mode: LearnedMode): boolean {
  const setting = models.settings[name];
  if (!setting || !models.weights.has(name) || mode === 'off') return false;
  return mode === 'all' || setting.on;
}

/** What one detector thinks of one unit: its probability (and the threshold it is held to). */
export interface UnitScore {
  readonly detector: string;
  readonly rule: RuleCode;
  readonly unit: LearnedUnit;
  readonly probability: number;
}

/** Every detector's probability for every unit it judges (for training, thresholds and eval). */
export function scoreAll(analysis: Analysis, models: LearnedModels, detectors = WORD_VECTOR_DETECTORS): UnitScore[] {
  const env = new FeatureEnv(models.vectors);
  const { answers, questions } = unitsOf(analysis);
  const out: UnitScore[] = [];
  for (const detector of detectors) {
    const weights = models.weights.get(detector.name);
    if (!weights || !fits(weights, detector.features)) continue;
    for (const unit of detector.target === 'answer' ? answers : questions) {
      if (!judged(unit)) continue;
      const d = detector as Detector<FeatureEnv, LearnedUnit>;
      const probability = d.applies && !d.applies(unit, env) ? 0 : score(weights, d.dense(unit, env), d.terms?.(unit));
      out.push({ detector: d.name, rule: d.rule, unit, probability });
    }
  }
  return out;
}

/** Units a detector judges: a question only where it follows an answer or a cause. */
export function judged(unit: LearnedUnit): boolean {
  return unit.kind === 'answer' || unit.previousFrom === 'answer' || unit.previousFrom === 'cause';
}

/**
 * The learned findings of an analysis: each detector on under `mode` flags the units it scores
 * at or above its threshold, and says what it judged by. `skip(rule, start)` leaves out a scalar
 * another tier already flagged for that rule (one finding per scalar and rule).
 */
export function learnedFindings(
  analysis: Analysis,
  models: LearnedModels,
  mode: LearnedMode = 'default',
  skip: (rule: RuleCode, start: number) => boolean = () => false,
  detectors = WORD_VECTOR_DETECTORS,
): LearnedFinding[] {
  // Weights trained on other features than the detector reads are not used.
  const active = detectors.filter((d) => detectorOn(models, d.name, mode) && fits(models.weights.get(d.name)!, d.features));
  if (active.length === 0) return [];
  const env = new FeatureEnv(models.vectors);
  const { answers, questions } = unitsOf(analysis);
  const out: LearnedFinding[] = [];
  for (const detector of active) {
    const d = detector as Detector<FeatureEnv, LearnedUnit>;
    const weights = models.weights.get(d.name)!;
    const threshold = models.settings[d.name].threshold;
    const known = d.readsOnly === 'answer and question' && !d.applies ? scoresOf(weights) : undefined;
    for (const unit of d.target === 'answer' ? answers : questions) {
      if (!judged(unit) || skip(d.rule, unit.value.span.start) || (d.applies && !d.applies(unit, env))) continue;
      const key = known && unit.kind === 'answer' ? `${unit.answer.raw}\u0000${unit.question ? unit.question.raw : '\u0001'}` : undefined;
      let entry = key !== undefined ? known!.get(key) : undefined;
      if (!entry) {
        entry = { p: score(weights, d.dense(unit, env), d.terms?.(unit)) };
        if (key !== undefined) {
          if (known!.size >= MAX_SCORES) known!.clear();
          known!.set(key, entry);
        }
      }
      if (entry.p < threshold) continue;
      const { message, evidence, suggestion } = (entry.explained ??= d.explain(unit, env, weights));
      out.push({ rule: d.rule, tier: 'learned', span: unit.value.span, path: unit.path, message, data: { evidence, ...(suggestion ? { suggestion } : {}) } });
    }
  }
  return out;
}

/** A score worked out once, and its explanation once it was needed. */
interface Scored {
  readonly p: number;
  explained?: Explanation;
}

/** Scores of detectors that read only an answer and its question, by those texts, per set of weights. */
const scores = new WeakMap<DetectorWeights, Map<string, Scored>>();
const MAX_SCORES = 50_000;

function scoresOf(weights: DetectorWeights): Map<string, Scored> {
  let known = scores.get(weights);
  if (!known) scores.set(weights, (known = new Map()));
  return known;
}

/** Whether a finding came from a learned detector. */
export function isLearned(finding: Finding): boolean {
  return finding.tier === 'learned';
}
