/**
 * Learned `chain-break`: a question that does not ask about the answer before it, judged by
 * logistic regression over word alignment between the question and that answer (and the
 * question before, and the root's question), how that answer ranks among the file's other
 * answers for this question, and length.
 */
import { toWhyQuestion } from '../reasoning/rephrase';
import { shorten } from '../reasoning/steps';
import type { Detector } from './detector';
import { telling } from './explain';
import { featureArray, QUESTION_FEATURES, questionFeatures, type FeatureEnv } from './features';
import type { QuestionUnit } from './units';

export const chainBreakDetector: Detector<FeatureEnv, QuestionUnit> = {
  name: 'chain-break',
  rule: 'chain-break',
  target: 'question',
  features: QUESTION_FEATURES,
  dense: (unit, env) => featureArray(QUESTION_FEATURES, questionFeatures(env, unit)),
  explain(unit, env) {
    const previous = unit.previous;
    const matches = previous ? env.align(unit.question, previous).matches : [];
    const best = matches.filter((m) => telling(env, m.word) || telling(env, m.match)).sort((a, b) => b.similarity - a.similarity || b.weight - a.weight)[0];
    const shares = best && best.similarity >= 0.55;
    const closest = shares
      ? best.word === best.match
        ? `the only word they share that counts is “${best.word}”`
        : `the closest words they share are “${best.word}” and “${best.match}”`
      : 'they share no word';
    const suggestion = previous ? toWhyQuestion(previous.raw) : undefined;
    const ask = suggestion ? `Ask “${shorten(suggestion, 100)}”, or give this line of inquiry its own root or cause.` : 'Ask about the previous answer, or give this line of inquiry its own root or cause.';
    return {
      message: `This question does not seem to ask about the answer before it (“${shorten(previous?.raw ?? '')}”): ${closest} (judged by the learned detector). Each why should ask about the previous answer. ${ask}`,
      evidence: shares ? [best.word] : [],
      suggestion,
    };
  },
};
