/**
 * Training of the semantic detectors, `off-topic`, `chain-break` and `circular` (issue 14), in the shared harness (`npm run
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
import { parseAnalysis, semanticRows, SEMANTIC_DETECTORS, SEMANTIC_FEATURES, type SemanticDetectorName, type SentenceEncoder } from '../../src/core';
import { trainLogistic, type DetectorWeights, type TrainingRow } from '../../src/core/learned';
import { loadNodeEncoder } from '../../src/semantic/nodeEncoder';
import { analysisFiles, labelledScalars } from '../eval/labels';
import { MAX_CLEAN_SHARE, THRESHOLD_SETS, TRAINING_SETS } from './sets';
import { ROOT } from './train';

export const SEMANTIC_WEIGHTS_DIR = join(ROOT, 'src', 'core', 'semantic', 'weights');
/** Each detector's feature table (committed). */
export const FEATURE_TABLES: Readonly<Record<SemanticDetectorName, string>> = {
  'off-topic': join(ROOT, 'test', 'train', 'semantic-features.json'),
  'chain-break': join(ROOT, 'test', 'train', 'semantic-features-chain-break.json'),
  circular: join(ROOT, 'test', 'train', 'semantic-features-circular.json'),
};
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

/** A detector's feature rows of labelled folders. */
export async function featureRows(folders: readonly string[], encoder: SentenceEncoder, detector: SemanticDetectorName = 'off-topic'): Promise<FeatureRow[]> {
  const out: FeatureRow[] = [];
  const problems: string[] = [];
  for (const file of analysisFiles(folders.map((f) => join(ROOT, f)))) {
    const name = relative(ROOT, file);
    const parsed = parseAnalysis(readFileSync(file, 'utf8'));
    const scalars = labelledScalars(parsed, name, problems);
    const byStart = new Map(scalars.map((s) => [s.start, s]));
    const stepClean = new Map<string, boolean>();
    for (const s of scalars) stepClean.set(s.stepKey, (stepClean.get(s.stepKey) ?? true) && s.expected.size === 0);
    for (const row of await semanticRows(parsed, encoder, [detector])) {
      const label = byStart.get(row.value.span.start);
      if (!label) continue;
      out.push({
        file: name,
        stepKey: label.stepKey,
        start: label.start,
        label: label.expected.has(row.rule) ? 1 : 0,
        cleanStep: stepClean.get(label.stepKey) ?? false,
        features: SEMANTIC_FEATURES[detector].map((f) => round(row.dense[f])),
      });
    }
  }
  if (problems.length) throw new Error(`label problems:\n${problems.join('\n')}`);
  return out;
}

/** Step 1: embeds every labelled file and returns a detector's feature table's text. */
export async function semanticFeatureTable(detector: SemanticDetectorName): Promise<string> {
  const encoder = diskCached(await repositoryEncoder());
  const training = await featureRows(['test/corpus', ...TRAINING_SETS.map((s) => `test/heldout/${s}`)], encoder, detector);
  const thresholds = await featureRows(THRESHOLD_SETS.map((s) => `test/heldout/${s}`), encoder, detector);
  encoder.save();
  const table: FeatureTable = { features: [...SEMANTIC_FEATURES[detector]], training, thresholds };
  return `{"features":${JSON.stringify(table.features)},\n"training":[\n${training.map((r) => JSON.stringify(r)).join(',\n')}],\n"thresholds":[\n${thresholds.map((r) => JSON.stringify(r)).join(',\n')}]}\n`;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Step 2: the weights and thresholds files (name → exact text) from the detectors' feature tables. */
export function trainSemantic(tables: Readonly<Partial<Record<SemanticDetectorName, FeatureTable>>>, previousOn: Readonly<Record<string, { on?: boolean }>> = {}): Map<string, string> {
  const out = new Map<string, string>();
  const settings: Record<string, unknown> = {};
  for (const detector of SEMANTIC_DETECTORS) {
    const table = tables[detector];
    if (!table) continue;
    const { weights, setting } = trainOne(detector, table, previousOn);
    out.set(`${detector}.json`, JSON.stringify(weights, null, 1) + '\n');
    settings[detector] = setting;
  }
  out.set('thresholds.json', JSON.stringify(settings, null, 2) + '\n');
  return out;
}

/** One detector's weights (trained on the training rows) and setting (threshold from the threshold rows). */
function trainOne(detector: SemanticDetectorName, table: FeatureTable, previousOn: Readonly<Record<string, { on?: boolean }>>) {
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
    // Classes weigh alike: the faults are a few percent of the scalars.
    weight: r.label === 1 ? negatives / Math.max(1, positives) : 1,
  }));
  const model = trainLogistic(training, n, 0, OPTIONS);
  const weights: DetectorWeights = {
    detector,
    rule: detector,
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
  const setting = {
    threshold,
    on: previousOn[detector]?.on ?? false,
    cleanSteps: clean.length,
    cleanFlagged: clean.filter((p) => p >= threshold).length,
    faults: faults.length,
    faultsFound: faults.filter((r) => probability(r) >= threshold).length,
    chosenOn: THRESHOLD_SETS.map((s) => `test/heldout/${s}`),
  };
  return { weights, setting };
}

/** `npm run train`'s semantic part: refresh the feature tables, then train and write. */
export async function trainSemanticMain(): Promise<void> {
  const tables: Partial<Record<SemanticDetectorName, FeatureTable>> = {};
  for (const detector of SEMANTIC_DETECTORS) {
    const tableText = await semanticFeatureTable(detector);
    writeFileSync(FEATURE_TABLES[detector], tableText);
    console.log(`wrote     ${FEATURE_TABLES[detector]}`);
    tables[detector] = JSON.parse(tableText) as FeatureTable;
  }
  const thresholdsFile = join(SEMANTIC_WEIGHTS_DIR, 'thresholds.json');
  const previous = existsSync(thresholdsFile) ? JSON.parse(readFileSync(thresholdsFile, 'utf8')) : {};
  mkdirSync(SEMANTIC_WEIGHTS_DIR, { recursive: true });
  for (const [name, text] of trainSemantic(tables, previous)) {
    const path = join(SEMANTIC_WEIGHTS_DIR, name);
    const changed = !existsSync(path) || readFileSync(path, 'utf8') !== text;
    writeFileSync(path, text);
    console.log(`${changed ? 'wrote    ' : 'unchanged'} ${path}`);
  }
  for (const [detector, s] of Object.entries(JSON.parse(readFileSync(thresholdsFile, 'utf8')) as Record<string, { threshold: number; on: boolean; cleanFlagged: number; cleanSteps: number; faultsFound: number; faults: number }>)) {
    console.log(`semantic ${detector}: threshold ${s.threshold}, on ${s.on}, clean steps flagged ${s.cleanFlagged} of ${s.cleanSteps}, faults found ${s.faultsFound} of ${s.faults} (threshold sets)`);
  }
}
