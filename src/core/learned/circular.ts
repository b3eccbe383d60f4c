/**
 * Learned `circular`: an answer that restates its question, judged by logistic regression over
 * word alignment (how much of the answer the question already says, and the reverse), how the
 * answer ranks among the file's other answers for that question, and length.
 */
import { shorten } from '../reasoning/steps';
import type { Detector } from './detector';
import { telling } from './explain';
import { answerFeatures, type FeatureEnv } from './features';
import type { AnswerUnit } from './units';

export const circularDetector: Detector<FeatureEnv, AnswerUnit> = {
  name: 'circular',
  rule: 'circular',
  target: 'answer',
  dense: (unit, env) => answerFeatures(env, unit),
  explain(unit, env) {
    const matches = unit.question ? env.align(unit.answer, unit.question).matches : [];
    const restated = matches
      .filter((m) => m.similarity >= 0.55 && telling(env, m.word))
      .sort((a, b) => b.similarity * b.weight - a.similarity * a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, 3);
    const pairs = restated.map((m) => (m.word === m.match ? `“${m.word}”` : `“${m.word}” for “${m.match}”`));
    const what = pairs.length ? `says again what the question says (${pairs.join(', ')}) and adds little else` : 'adds little that names a cause (no one word of it restates the question: judged by its wording and length as a whole)';
    return {
      message: `The answer “${shorten(unit.value.text)}” ${what}, judged by the learned detector: it names no cause. Say what made it happen.`,
      evidence: restated.map((m) => m.word),
    };
  },
};
