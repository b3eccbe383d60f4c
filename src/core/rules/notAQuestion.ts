import type { Rule } from '../findings';
import { toWhyQuestion } from '../reasoning/rephrase';
import { judgeQuestions, shorten, type QuestionJudge } from '../reasoning/steps';

/** Words a question may start with. */
const INTERROGATIVES = new Set(
  'why how what when where who whom whose which is are was were am did do does could can should would has have had will shall may might must'.split(' '),
);

/** Judges one `why`: a question mark or an interrogative first word makes it a question. */
export const judgeNotAQuestion: QuestionJudge = (question) => {
  const text = question.text.trim();
  if (!text || text.includes('?')) return undefined;
  const first = question.tokens.find((t) => t.kind === 'word');
  if (!first || INTERROGATIVES.has(first.lower)) return undefined;
  const suggestion = toWhyQuestion(text);
  return {
    message: `“${shorten(text)}” is a statement, not a question: a why asks about the previous answer, e.g. “${shorten(suggestion, 100)}”.`,
    evidence: [text],
    suggestion,
  };
};

/**
 * `not-a-question`: a `why` that is not a question (no question mark and no interrogative
 * first word), often the answer written in the wrong field.
 */
export const notAQuestionRule: Rule = {
  code: 'not-a-question',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'A why that is not a question',
  explanation:
    'Each `why` should ask a question about the previous answer; a statement here is usually an answer in the wrong field, or a conclusion that skips the question. Rephrase it as “Why …?” so the answer below it has something to answer.',
  check({ analysis }) {
    return judgeQuestions('not-a-question', analysis, judgeNotAQuestion);
  },
};
