/**
 * The learned detectors' asset for the command line: read from `learned/` beside the bundle
 * (dist/learned/ in the package), only when a detector would run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { detectorOn, loadLearned, WORD_VECTOR_DETECTORS, type LearnedMode, type LearnedModels, type LearnedWeightsFile } from '../core';

/** The folder holding weights.json and word-vectors.bin: beside this bundle, or dist/learned above it. */
function assetFolder(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'learned'), join(dir, 'dist', 'learned')]) {
      if (existsSync(join(candidate, 'weights.json'))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The learned models for a mode, or undefined when no detector runs under it. Throws when the
 * asset is missing or unreadable (a broken install must not quietly check less).
 */
export function learnedModelsFor(mode: LearnedMode): LearnedModels | undefined {
  if (mode === 'off') return undefined;
  const folder = assetFolder();
  if (!folder) throw new Error('the learned detectors\' asset (learned/weights.json) is missing from this install; use --learned off to check with the rules alone.');
  const file = JSON.parse(readFileSync(join(folder, 'weights.json'), 'utf8')) as LearnedWeightsFile;
  const anyOn = WORD_VECTOR_DETECTORS.some((d) => file.settings[d.name] && (mode === 'all' || file.settings[d.name].on));
  if (!anyOn) return undefined;
  const models = loadLearned(readFileSync(join(folder, 'word-vectors.bin')), file);
  return WORD_VECTOR_DETECTORS.some((d) => detectorOn(models, d.name, mode)) ? models : undefined;
}
