/**
 * Learned `blame`: an answer that stops at a person, judged by logistic regression over the
 * answer's words and word pairs, its averaged word vector and its length.
 */
import type { Detector } from './detector';
import { quoteAll, weightiestWords } from './explain';
import { termsOf, VECTOR_FEATURES, WORDING_FEATURES, wordingFeatures, type FeatureEnv } from './features';
import type { AnswerUnit } from './units';

export const blameDetector: Detector<FeatureEnv, AnswerUnit> = {
  name: 'blame',
  rule: 'blame',
  target: 'answer',
  features: [...WORDING_FEATURES, ...VECTOR_FEATURES],
  dense: wordingFeatures,
  terms: (unit) => termsOf(unit.answer),
  explain(unit, env, weights) {
    const words = weightiestWords(env, weights, unit.answer);
    const by = words.length ? `mostly by ${quoteAll(words)}` : 'by its wording as a whole';
    return {
      message: `The answer reads as stopping at a person or a slip (judged by the learned detector, ${by}): people slip in every system, so this names nothing to fix. Ask what let the slip through (which check, default, design or workload made it possible) and answer with that.`,
      evidence: words,
    };
  },
};
