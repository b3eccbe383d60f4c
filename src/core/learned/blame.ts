/**
 * Learned `blame`: an answer that stops at a person, judged by logistic regression over the
 * answer's words and word pairs, its averaged word vector and its length.
 */
import type { Detector } from './detector';
import { quoteAll, weightiestWords } from './explain';
import { answerFeatures, featureArray, termsOf, VECTOR_FEATURES, type FeatureEnv } from './features';

/** Length, punctuation and alignment with the question; then the averaged word vector. */
const NAMED = ['a_words', 'a_content', 'a_commas', 'a_digits', 'a_paren', 'aq_sim', 'qa_sim'];
import type { AnswerUnit } from './units';

export const blameDetector: Detector<FeatureEnv, AnswerUnit> = {
  name: 'blame',
  rule: 'blame',
  target: 'answer',
  features: [...NAMED, ...VECTOR_FEATURES],
  dense: (unit, env) => featureArray(NAMED, answerFeatures(env, unit), env, unit.answer),
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
