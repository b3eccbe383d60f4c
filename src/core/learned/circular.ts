/**
 * Learned `circular`: an answer that restates its question, judged by logistic regression over
 * word alignment (how much of the answer the question already says, and the reverse), how the
 * answer ranks among the file's other answers for that question, and length.
 */
import { shorten } from '../reasoning/steps';
import type { Detector } from './detector';
import { telling } from './explain';
import { ANSWER_FEATURES, answerFeatures, featureArray, type FeatureEnv } from './features';
import type { AnswerUnit } from './units';
import type { WordMatch } from './align';

/** How close an answer's word must be to a question's word to count as saying it again. */
const RESTATES = 0.7;

export const circularDetector: Detector<FeatureEnv, AnswerUnit> = {
  name: 'circular',
  rule: 'circular',
  target: 'answer',
  features: ANSWER_FEATURES,
  dense: (unit, env) => featureArray(ANSWER_FEATURES, answerFeatures(env, unit)),
  // Only an answer that says again at least one telling word of its question can restate it.
  applies: (unit, env) => restatedWords(unit, env).length > 0,
  explain(unit, env) {
    const restated = restatedWords(unit, env)
      .sort((a, b) => b.similarity * b.weight - a.similarity * a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, 3);
    const pairs = restated.map((m) => (m.word === m.match ? `“${m.word}”` : `“${m.word}” for “${m.match}”`));
    const what = `says again what the question says (${pairs.join(', ')}) and adds little else`;
    return {
      message: `The answer “${shorten(unit.value.text)}” ${what}, judged by the learned detector: it names no cause. Say what made it happen.`,
      evidence: restated.map((m) => m.word),
    };
  },
};

/** The answer's telling words that say a word of the question again (the same, or a close neighbour). */
function restatedWords(unit: AnswerUnit, env: FeatureEnv): WordMatch[] {
  if (!unit.question) return [];
  return env.align(unit.answer, unit.question).matches.filter((m) => m.similarity >= RESTATES && telling(env, m.word));
}
