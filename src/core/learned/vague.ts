/**
 * Learned `vague`: an unfalsifiable cause, judged by logistic regression over the answer's words
 * and word pairs, its averaged word vector, its length and how it aligns with its question.
 */
import { shorten } from '../reasoning/steps';
import type { Detector } from './detector';
import { quoteAll, weightiestWords } from './explain';
import { termsOf, VECTOR_FEATURES, WORDING_FEATURES, wordingFeatures, type FeatureEnv } from './features';
import type { AnswerUnit } from './units';

export const vagueDetector: Detector<FeatureEnv, AnswerUnit> = {
  name: 'vague',
  rule: 'vague',
  target: 'answer',
  features: [...WORDING_FEATURES, ...VECTOR_FEATURES],
  dense: wordingFeatures,
  terms: (unit) => termsOf(unit.answer),
  // WORDING_FEATURES (the answer's shape, its alignments with the question) and the answer's words.
  readsOnly: 'answer and question',
  explain(unit, env, weights) {
    const words = weightiestWords(env, weights, unit.answer);
    const by = words.length ? `mostly by ${quoteAll(words)}` : 'by its wording as a whole';
    return {
      message: `“${shorten(unit.value.text)}” reads as a cause that cannot be checked (judged by the learned detector, ${by}): it names nothing specific that was missing or wrong. Say what exactly: which check, step, message or piece of information was missing, and where.`,
      evidence: words,
    };
  },
};
