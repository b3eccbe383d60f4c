/**
 * Training of the semantic `off-topic` detector (issue 14) in the shared harness (`npm run
 * train`). Two steps, so the deterministic part can be tested quickly:
 *
 * 1. `semanticFeatureTable()`: embeds every labelled file's texts with our own runtime (the
 *    committed model, cached by text in the git-ignored .cache/) and writes each answer's
 *    features and label to test/train/semantic-features.json (committed).
 * 2. `trainSemantic(table)`: pure and deterministic: logistic regression on the training sets'
 *    rows, threshold chosen on the threshold sets' rows (at most 1% of their clean steps).
 *    Writes src/core/semantic/weights/off-topic.json and thresholds.json; the `on` switch is
 *    data decided by people and kept as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { offTopicRows, OFF_TOPIC_FEATURES, parseAnalysis, type SentenceEncoder } from '../../src/core';
import { trainLogistic, type DetectorWeights, type TrainingRow } from '../../src/core/learned';
import { loadNodeEncoder } from '../../src/semantic/nodeEncoder';
import { analysisFiles, labelledScalars } from '../eval/labels';
import { MAX_CLEAN_SHARE, THRESHOLD_SETS, TRAINING_SETS } from './sets';
import { ROOT } from './train';

export const SEMANTIC_WEIGHTS_DIR = join(ROOT, 'src', 'core', 'semantic', 'weights');
export const FEATURE_TABLE = join(ROOT, 'test', 'train', 'semantic-features.json');
const CACHE = join(ROOT, '.cache', 'semantic-embeddings.json');
const OPTIONS = { iterations: 600, rate: 0.05, l2: 0.01, l2Terms: 0 };

/** One answer's features and label. */
export interface FeatureRow {
  readonly file: string;
  readonly stepKey: string;
  readonly start: number;
  /** 1 when labelled off-topic. */
  readonly label: 0 | 1;
  /** Whether its step carries no label at all (a clean step). */
  readonly cleanStep: boolean;
  readonly features: readonly number[];
}

/** The table of every labelled answer's features: training rows and threshold rows. */
export interface FeatureTable {
  readonly features: readonly string[];
  readonly training: readonly FeatureRow[];
  readonly thresholds: readonly FeatureRow[];
}

/** The committed model, from the repository. */
export function repositoryEncoder(): Promise<SentenceEncoder & { cached: number }> {
  return loadNodeEncoder({ modelDir: join(ROOT, 'models', 'all-MiniLM-L6-v2'), wasmFile: join(ROOT, 'node_modules', 'onnxruntime-web', 'dist', 'ort-wasm-simd-threaded.wasm') });
}

/** An encoder whose vectors persist in .cache/ between runs (training only). */
export function diskCached(inner: SentenceEncoder): SentenceEncoder & { save(): void } {
  const stored: Record<string, number[]> = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : {};
  return {
    async embed(texts) {
      const missing = texts.filter((t) => !stored[t]);
      if (missing.length) {
        const out = await inner.embed(missing);
        missing.forEach((t, i) => (stored[t] = [...out[i]]));
      }
      return texts.map((t) => Float32Array.from(stored[t]));
    },
    save() {
      mkdirSync(dirname(CACHE), { recursive: true });
      writeFileSync(CACHE, JSON.stringify(stored));
    },
  };
}

const round = (x: number): number => Number(x.toPrecision(6));

/** The feature rows of labelled folders. */
export async function featureRows(folders: readonly string[], encoder: SentenceEncoder): Promise<FeatureRow[]> {
  const out: FeatureRow[] = [];
  const problems: string[] = [];
  for (const file of analysisFiles(folders.map((f) => join(ROOT, f)))) {
    const name = relative(ROOT, file);
    const parsed = parseAnalysis(readFileSync(file, 'utf8'));
    const scalars = labelledScalars(parsed, name, problems);
    const byStart = new Map(scalars.map((s) => [s.start, s]));
    const stepClean = new Map<string, boolean>();
    for (const s of scalars) stepClean.set(s.stepKey, (stepClean.get(s.stepKey) ?? true) && s.expected.size === 0);
    for (const row of await offTopicRows(parsed, encoder)) {
      const label = byStart.get(row.answer.value.span.start);
      if (!label) continue;
      out.push({
        file: name,
        stepKey: label.stepKey,
        start: label.start,
        label: label.expected.has('off-topic') ? 1 : 0,
        cleanStep: stepClean.get(label.stepKey) ?? false,
        features: OFF_TOPIC_FEATURES.map((f) => round(row.dense[f])),
      });
    }
  }
  if (problems.length) throw new Error(`label problems:\n${problems.join('\n')}`);
  return out;
}

/** Step 1: embeds every labelled file and returns the feature table's text. */
export async function semanticFeatureTable(): Promise<string> {
  const encoder = diskCached(await repositoryEncoder());
  const training = await featureRows(['test/corpus', ...TRAINING_SETS.map((s) => `test/heldout/${s}`)], encoder);
  const thresholds = await featureRows(THRESHOLD_SETS.map((s) => `test/heldout/${s}`), encoder);
  encoder.save();
  const table: FeatureTable = { features: [...OFF_TOPIC_FEATURES], training, thresholds };
  return `{"features":${JSON.stringify(table.features)},\n"training":[\n${training.map((r) => JSON.stringify(r)).join(',\n')}],\n"thresholds":[\n${thresholds.map((r) => JSON.stringify(r)).join(',\n')}]}\n`;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Step 2: the weights and thresholds files (name → exact text) from a feature table. */
export function trainSemantic(table: FeatureTable, previousOn: Readonly<Record<string, { on?: boolean }>> = {}): Map<string, string> {
  const rows = table.training;
  const n = table.features.length;
  const mean = table.features.map((_, i) => round(rows.reduce((s, r) => s + r.features[i], 0) / rows.length));
  const scale = table.features.map((_, i) => round(Math.sqrt(rows.reduce((s, r) => s + (r.features[i] - mean[i]) ** 2, 0) / rows.length) || 1));
  const positives = rows.filter((r) => r.label === 1).length;
  const negatives = rows.length - positives;
  const training: TrainingRow[] = rows.map((r) => ({
    dense: r.features.map((x, i) => (x - mean[i]) / scale[i]),
    terms: [],
    label: r.label,
    // Classes weigh alike: off-topic answers are a few percent of the answers.
    weight: r.label === 1 ? negatives / Math.max(1, positives) : 1,
  }));
  const model = trainLogistic(training, n, 0, OPTIONS);
  const weights: DetectorWeights = {
    detector: 'off-topic',
    rule: 'off-topic',
    features: table.features,
    mean,
    scale,
    weights: model.dense.map(round),
    bias: round(model.bias),
    terms: {},
    trainedOn: ['test/corpus', ...TRAINING_SETS.map((s) => `test/heldout/${s}`)],
  };
  const probability = (r: FeatureRow): number => sigmoid(weights.bias + r.features.reduce((s, x, i) => s + weights.weights[i] * ((x - mean[i]) / scale[i]), 0));
  // A step counts once, by its highest-scoring answer.
  const stepMax = new Map<string, number>();
  for (const r of table.thresholds) if (r.cleanStep) stepMax.set(r.stepKey, Math.max(stepMax.get(r.stepKey) ?? 0, probability(r)));
  const clean = [...stepMax.values()].sort((a, b) => b - a);
  const allowed = Math.floor(clean.length * MAX_CLEAN_SHARE);
  const above = allowed > 0 ? clean[allowed - 1] : 1;
  const threshold = round(clean[allowed] !== undefined ? (clean[allowed] + above) / 2 : 0.5);
  const faults = table.thresholds.filter((r) => r.label === 1);
  const settings = {
    'off-topic': {
      threshold,
      on: previousOn['off-topic']?.on ?? false,
      cleanSteps: clean.length,
      cleanFlagged: clean.filter((p) => p >= threshold).length,
      faults: faults.length,
      faultsFound: faults.filter((r) => probability(r) >= threshold).length,
      chosenOn: THRESHOLD_SETS.map((s) => `test/heldout/${s}`),
    },
  };
  return new Map([
    ['off-topic.json', JSON.stringify(weights, null, 1) + '\n'],
    ['thresholds.json', JSON.stringify(settings, null, 2) + '\n'],
  ]);
}

/** `npm run train`'s semantic part: refresh the feature table, then train and write. */
export async function trainSemanticMain(): Promise<void> {
  const tableText = await semanticFeatureTable();
  writeFileSync(FEATURE_TABLE, tableText);
  console.log(`wrote     ${FEATURE_TABLE}`);
  const thresholdsFile = join(SEMANTIC_WEIGHTS_DIR, 'thresholds.json');
  const previous = existsSync(thresholdsFile) ? JSON.parse(readFileSync(thresholdsFile, 'utf8')) : {};
  mkdirSync(SEMANTIC_WEIGHTS_DIR, { recursive: true });
  for (const [name, text] of trainSemantic(JSON.parse(tableText) as FeatureTable, previous)) {
    const path = join(SEMANTIC_WEIGHTS_DIR, name);
    const changed = !existsSync(path) || readFileSync(path, 'utf8') !== text;
    writeFileSync(path, text);
    console.log(`${changed ? 'wrote    ' : 'unchanged'} ${path}`);
  }
  const s = JSON.parse(readFileSync(thresholdsFile, 'utf8'))['off-topic'];
  console.log(`semantic off-topic: threshold ${s.threshold}, on ${s.on}, clean steps flagged ${s.cleanFlagged} of ${s.cleanSteps}, faults found ${s.faultsFound} of ${s.faults} (threshold sets)`);
}
