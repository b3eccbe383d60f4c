/** Helpers for the semantic tier's tests: the committed sentence model and detectors, as the CLI loads them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedSentenceEncoder, SemanticModels } from '../../../src/core';
import type { DetectorSetting, DetectorWeights } from '../../../src/core/learned';
import { loadNodeEncoder } from '../../../src/semantic/nodeEncoder';
import { ROOT } from '../../train/train';
import { SEMANTIC_WEIGHTS_DIR } from '../../train/semantic';

export { ROOT };
export const MODEL_DIR = join(ROOT, 'models', 'all-MiniLM-L6-v2');
export const WASM_FILE = join(ROOT, 'node_modules', 'onnxruntime-web', 'dist', 'ort-wasm-simd-threaded.wasm');

let encoder: Promise<CachedSentenceEncoder> | undefined;

/** The committed model, loaded once per test file. */
export function realEncoder(): Promise<CachedSentenceEncoder> {
  return (encoder ??= loadNodeEncoder({ modelDir: MODEL_DIR, wasmFile: WASM_FILE }));
}

/** The committed semantic weights and thresholds. */
export function committedSemanticModels(): SemanticModels {
  const settings = JSON.parse(readFileSync(join(SEMANTIC_WEIGHTS_DIR, 'thresholds.json'), 'utf8')) as Record<string, DetectorSetting>;
  const weights = Object.keys(settings).map((n) => JSON.parse(readFileSync(join(SEMANTIC_WEIGHTS_DIR, `${n}.json`), 'utf8')) as DetectorWeights);
  return { weights: new Map(weights.map((w) => [w.detector, w])), settings };
}

/** A fixture's text. */
export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'semantic', name), 'utf8');
}

/** The reference embeddings Python wrote (scripts/model/export.py). */
export interface Reference {
  readonly sentences: { text: string; tokenIds: number[]; onnx: number[]; original: number[] }[];
}

export function reference(): Reference {
  return JSON.parse(readFileSync(join(MODEL_DIR, 'reference.json'), 'utf8')) as Reference;
}
