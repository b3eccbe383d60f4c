/**
 * Training of the learned detectors (issue 13), deterministic: the same files give the same
 * bytes. Weights are trained on test/corpus/ and the training sets; each detector's threshold is
 * then chosen on the threshold sets (never trained on): the lowest probability at which at most
 * 1% of their clean steps are flagged. Every file this writes is committed under
 * src/core/learned/weights/; a unit test re-trains and fails when they differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseAnalysis } from '../../src/core';
import {
  FeatureEnv,
  learnedText,
  scoreAll,
  judged,
  trainLogistic,
  unitsOf,
  WordVectors,
  WORD_VECTOR_DETECTORS,
  type Detector,
  type DetectorSetting,
  type DetectorWeights,
  type LearnedUnit,
  type TrainingRow,
} from '../../src/core/learned';
import { analysisFiles, labelledScalars } from '../eval/labels';
import { MAX_CLEAN_SHARE, THRESHOLD_SETS, TRAINING_SETS } from './sets';

/** The repository: the nearest folder above this bundle with a package.json. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const ROOT = repositoryRoot();
export const WEIGHTS_DIR = join(ROOT, 'src', 'core', 'learned', 'weights');

const OPTIONS = { iterations: 400, rate: 0.05, l2: 0.01, l2Terms: 0.002 };
/** A term is learned only when at least this many training texts say it. */
const MIN_TERM_COUNT = 2;

/** A labelled file, parsed, with each scalar's labels by start offset and step. */
export interface LabelledFile {
  readonly name: string;
  readonly units: { answers: LearnedUnit[]; questions: LearnedUnit[] };
  readonly analysis: ReturnType<typeof parseAnalysis>['analysis'];
  readonly labels: Map<number, { expected: ReadonlySet<string>; stepKey: string }>;
}

/** Reads the labelled files of folders (relative to the repository). */
export function readLabelled(folders: readonly string[]): LabelledFile[] {
  const problems: string[] = [];
  const out: LabelledFile[] = [];
  for (const file of analysisFiles(folders.map((f) => join(ROOT, f)))) {
    const name = relative(ROOT, file);
    const parsed = parseAnalysis(readFileSync(file, 'utf8'));
    const labels = new Map(labelledScalars(parsed, name, problems).map((s) => [s.start, { expected: s.expected as ReadonlySet<string>, stepKey: s.stepKey }]));
    out.push({ name, units: unitsOf(parsed.analysis), analysis: parsed.analysis, labels });
  }
  if (problems.length) throw new Error(`label problems:\n${problems.join('\n')}`);
  return out;
}

/** The answer in the other style: "Because …" added, or taken away. */
function otherStyle(text: string): string {
  const t = text.trim();
  const m = /^because\b[\s,:]*/i.exec(t);
  if (m) {
    const rest = t.slice(m[0].length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return `Because ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
}

const round = (x: number): number => Number(x.toPrecision(6));

/** Trains one detector on the training files. */
export function trainDetector(detector: Detector<FeatureEnv, LearnedUnit>, files: readonly LabelledFile[], env: FeatureEnv): DetectorWeights {
  const samples: { dense: ArrayLike<number>; terms: readonly string[]; label: 0 | 1 }[] = [];
  for (const file of files) {
    const units = detector.target === 'answer' ? file.units.answers : file.units.questions;
    for (const unit of units) {
      // A detector learns from the units it judges.
      if (!judged(unit) || (detector.applies && !detector.applies(unit, env))) continue;
      const label = file.labels.get(unit.value.span.start)?.expected.has(detector.rule) ? 1 : 0;
      const variants: LearnedUnit[] = [unit];
      // Training data in both styles: the same answer with and without a leading "Because".
      if (unit.kind === 'answer') variants.push({ ...unit, answer: learnedText(otherStyle(unit.value.text)) });
      for (const v of variants) samples.push({ dense: detector.dense(v, env), terms: detector.terms?.(v) ?? [], label });
    }
  }
  const features = [...detector.features];
  const mean = features.map((_, i) => samples.reduce((s, x) => s + x.dense[i], 0) / samples.length);
  const scale = features.map((_, i) => Math.sqrt(samples.reduce((s, x) => s + (x.dense[i] - mean[i]) ** 2, 0) / samples.length) || 1);
  const roundedMean = mean.map(round);
  const roundedScale = scale.map(round);
  const counts = new Map<string, number>();
  for (const s of samples) for (const t of s.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  // Each text appears in two styles: a term said by one text is counted twice.
  const vocab = [...counts].filter(([, n]) => n >= MIN_TERM_COUNT * 2).map(([t]) => t).sort();
  const termIndex = new Map(vocab.map((t, i) => [t, i]));
  const positives = samples.filter((s) => s.label === 1).length;
  const negatives = samples.length - positives;
  const rows: TrainingRow[] = samples.map((s) => ({
    dense: features.map((_, i) => (s.dense[i] - roundedMean[i]) / roundedScale[i]),
    terms: s.terms.flatMap((t) => (termIndex.has(t) ? [termIndex.get(t)!] : [])),
    label: s.label,
    // Classes weigh alike: the faults are a few percent of the texts.
    weight: s.label === 1 ? negatives / Math.max(1, positives) : 1,
  }));
  const model = trainLogistic(rows, features.length, vocab.length, OPTIONS);
  const terms: Record<string, number> = {};
  vocab.forEach((t, i) => {
    const w = round(model.terms[i]);
    if (Math.abs(w) >= 0.01) terms[t] = w;
  });
  return {
    detector: detector.name,
    rule: detector.rule,
    features,
    mean: roundedMean,
    scale: roundedScale,
    weights: model.dense.map(round),
    bias: round(model.bias),
    terms,
    trainedOn: ['test/corpus', ...TRAINING_SETS.map((s) => `test/heldout/${s}`)],
  };
}

/** A threshold and what it flags on the threshold sets. */
export interface ThresholdChoice extends DetectorSetting {
  readonly cleanSteps: number;
  readonly cleanFlagged: number;
  readonly faults: number;
  readonly faultsFound: number;
  readonly chosenOn: readonly string[];
}

/**
 * The threshold of a detector: the lowest at which at most `MAX_CLEAN_SHARE` of the threshold
 * sets' clean steps are flagged (a step counts once, by its highest-scoring scalar).
 */
export function chooseThreshold(name: string, files: readonly LabelledFile[], weights: DetectorWeights, vectors: WordVectors, on: boolean): ThresholdChoice {
  const models = loadLearnedFrom(vectors, [weights]);
  const detectors = WORD_VECTOR_DETECTORS.filter((d) => d.name === name);
  const stepMax = new Map<string, number>();
  const cleanKeys = new Set<string>();
  const faultScores: number[] = [];
  for (const file of files) {
    const stepClean = new Map<string, boolean>();
    for (const { expected, stepKey } of file.labels.values()) stepClean.set(stepKey, (stepClean.get(stepKey) ?? true) && expected.size === 0);
    for (const [k, clean] of stepClean) if (clean) cleanKeys.add(k);
    for (const s of scoreAll(file.analysis, models, detectors)) {
      const label = file.labels.get(s.unit.value.span.start);
      if (!label) continue;
      if (label.expected.has(s.rule)) faultScores.push(s.probability);
      stepMax.set(label.stepKey, Math.max(stepMax.get(label.stepKey) ?? 0, s.probability));
    }
  }
  const clean = [...cleanKeys].map((k) => stepMax.get(k) ?? 0).sort((a, b) => b - a);
  const allowed = Math.floor(clean.length * MAX_CLEAN_SHARE);
  // Halfway between the highest clean score that must stay unflagged and the one above it.
  const above = allowed > 0 ? clean[allowed - 1] : 1;
  const threshold = round(clean[allowed] !== undefined ? (clean[allowed] + above) / 2 : 0.5);
  return {
    threshold,
    on,
    cleanSteps: clean.length,
    cleanFlagged: clean.filter((s) => s >= threshold).length,
    faults: faultScores.length,
    faultsFound: faultScores.filter((s) => s >= threshold).length,
    chosenOn: THRESHOLD_SETS.map((s) => `test/heldout/${s}`),
  };
}

function loadLearnedFrom(vectors: WordVectors, weights: readonly DetectorWeights[]) {
  const settings: Record<string, DetectorSetting> = {};
  for (const w of weights) settings[w.detector] = { threshold: 0, on: true };
  return { vectors, weights: new Map(weights.map((w) => [w.detector, w])), settings };
}

/** Every file training writes, by name under src/core/learned/weights/, as the exact text. */
export function trainAll(previousSettings: Readonly<Record<string, { on?: boolean }>> = {}): Map<string, string> {
  const vectors = WordVectors.fromBytes(readFileSync(join(WEIGHTS_DIR, 'word-vectors.bin')));
  const env = new FeatureEnv(vectors);
  const training = readLabelled(['test/corpus', ...TRAINING_SETS.map((s) => `test/heldout/${s}`)]);
  const thresholdFiles = readLabelled(THRESHOLD_SETS.map((s) => `test/heldout/${s}`));
  const out = new Map<string, string>();
  const settings: Record<string, ThresholdChoice> = {};
  for (const detector of WORD_VECTOR_DETECTORS) {
    const weights = trainDetector(detector as Detector<FeatureEnv, LearnedUnit>, training, env);
    out.set(`${detector.name}.json`, JSON.stringify(weights, null, 1) + '\n');
    settings[detector.name] = chooseThreshold(detector.name, thresholdFiles, weights, vectors, previousSettings[detector.name]?.on ?? false);
  }
  out.set('thresholds.json', JSON.stringify(settings, null, 2) + '\n');
  return out;
}
