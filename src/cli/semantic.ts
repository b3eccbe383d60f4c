/**
 * The semantic pass for the command line: the sentence model and the semantic detectors' data,
 * read from `semantic/` beside the bundle (dist/semantic/ in the package), only when a detector
 * runs under the mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { activeSemanticDetectors, type SemanticMode, type SemanticModels, type SentenceEncoder } from '../core';
import type { DetectorSetting, DetectorWeights } from '../core/learned';
import { loadNodeEncoder } from '../semantic/nodeEncoder';

/** The semantic asset as the build writes it: `semantic/weights.json`. */
export interface SemanticWeightsFile {
  readonly weights: readonly DetectorWeights[];
  readonly settings: Readonly<Record<string, DetectorSetting>>;
}

/** The name of ONNX Runtime's WebAssembly module in the asset folder. */
export const WASM_FILE = 'ort-wasm-simd-threaded.wasm';

/** The folder holding the semantic asset: beside this bundle, or dist/semantic above it. */
export function semanticFolder(start = __dirname): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'semantic'), join(dir, 'dist', 'semantic')]) {
      if (existsSync(join(candidate, 'weights.json'))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The semantic detectors' data from the asset folder. */
export function semanticModelsIn(folder: string): SemanticModels {
  const file = JSON.parse(readFileSync(join(folder, 'weights.json'), 'utf8')) as SemanticWeightsFile;
  return { weights: new Map(file.weights.map((w) => [w.detector, w])), settings: file.settings };
}

/** What the check needs to run the pass: the models and a loader for the encoder (called once, lazily). */
export interface SemanticRun {
  readonly mode: SemanticMode;
  readonly models: SemanticModels;
  readonly encoder: () => Promise<SentenceEncoder>;
}

/**
 * The semantic run for a mode, or undefined when no detector runs under it. Throws when the
 * asset is missing (a broken install must not quietly check less); the model itself loads on
 * first use, and a corrupted model is reported then.
 */
export function semanticRunFor(mode: SemanticMode): SemanticRun | undefined {
  if (mode === 'off') return undefined;
  const folder = semanticFolder();
  if (!folder) throw new Error("the semantic pass's asset (semantic/weights.json) is missing from this install; use --no-semantic to check without it.");
  const models = semanticModelsIn(folder);
  if (activeSemanticDetectors(models, mode).length === 0) return undefined;
  let loading: Promise<SentenceEncoder> | undefined;
  return { mode, models, encoder: () => (loading ??= loadNodeEncoder({ modelDir: folder, wasmFile: join(folder, WASM_FILE) })) };
}
