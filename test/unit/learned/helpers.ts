/** Helpers for the learned detectors' tests: the committed asset, loaded as the CLI loads it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnalysis } from '../../../src/core';
import { learnedFindings, loadLearned, type LearnedFinding, type LearnedModels, type DetectorSetting, type DetectorWeights } from '../../../src/core/learned';
import type { RuleCode } from '../../../src/core';

import { WEIGHTS_DIR } from '../../train/train';

export const WEIGHTS = WEIGHTS_DIR;

let models: LearnedModels | undefined;

/** The committed word vectors, weights and thresholds. */
export function committedModels(): LearnedModels {
  if (!models) {
    const names = ['vague', 'blame', 'circular', 'chain-break'];
    const weights = names.map((n) => JSON.parse(readFileSync(join(WEIGHTS, `${n}.json`), 'utf8')) as DetectorWeights);
    const settings = JSON.parse(readFileSync(join(WEIGHTS, 'thresholds.json'), 'utf8')) as Record<string, DetectorSetting>;
    models = loadLearned(readFileSync(join(WEIGHTS, 'word-vectors.bin')), { weights, settings });
  }
  return models;
}

/** The learned findings of one rule on a text, every detector on. */
export function learned(text: string, rule: RuleCode): LearnedFinding[] {
  return learnedFindings(parseAnalysis(text).analysis, committedModels(), 'all').filter((f) => f.rule === rule);
}
