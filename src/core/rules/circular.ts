import type { Rule } from '../findings';
import { phrasesOf } from '../reasoning/evidence';
import { judgeAnswers, shorten, type AnswerJudge } from '../reasoning/steps';

/** Words that add no cause to a restatement (`at the time`, `in that case`). */
const FILLER = new Set(['time', 'point', 'moment', 'period', 'fact', 'way', 'case', 'result', 'complet', 'total', 'entir', 'suddenli', 'simpli']);

/** Verbs that restate without adding a cause (`were set up to cover` = `are scoped to`). */
const WEAK = new Set(['set', 'make', 'get', 'go', 'keep', 'happen', 'come', 'put', 'give', 'show', 'seem', 'appear', 'becom', 'still', 'just', 'thing']);

/** Judges one answer: circular when every concept it names is already in the question. */
export const judgeCircular: AnswerJudge = (answer, question) => {
  if (!question) return undefined;
  const all = answer.concepts.filter((c) => !FILLER.has(c.key) && !(c.to - c.from === 1 && WEAK.has(c.key)));
  // A bare restatement of one general word (`Because of the error.`) is `vague`'s business.
  if (all.length === 0 || all.every((c) => c.generic)) return undefined;
  // `The system was slow` for `Why was the page slow?`: a general noun adds no cause.
  const own = all.filter((c) => !c.generic);
  const asked = new Set(question.concepts.map((c) => c.key));
  if (!own.every((c) => asked.has(c.key))) return undefined;
  const said = phrasesOf(answer, own);
  const echoed = phrasesOf(question, question.concepts.filter((c) => own.some((o) => o.key === c.key)));
  const body = answer.text.slice(answer.tokens[answer.start]?.start ?? 0).trim();
  return {
    message: `The answer “${shorten(body)}” restates the question (“${said.join(' … ')}” says “${echoed.join(' … ')}” again): it names no cause. Say what made it happen.`,
    evidence: [...said, ...echoed.filter((e) => !said.includes(e))],
  };
};

/** `circular`: an answer that restates its question (“Why did the disk fill up?” “It ran out of space.”). */
export const circularRule: Rule = {
  code: 'circular',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'An answer that restates its question',
  explanation:
    'An answer that says the question again in other words (“the disk filled up because it ran out of space”) names no cause, so the chain stops without explaining anything. Say what made it happen: what changed, what was missing, what grew.',
  check({ analysis }) {
    return judgeAnswers('circular', analysis, judgeCircular);
  },
};
