import type { Rule } from '../findings';
import { PRONOUNS } from '../reasoning/lexicon';
import { toWhyQuestion } from '../reasoning/rephrase';
import { shared, type Concept } from '../reasoning/similarity';
import { judgeQuestions, shorten, type QuestionJudge, type TextInfo } from '../reasoning/steps';
import { phrasesOf } from '../reasoning/evidence';

/** Nouns that sum up what was said before (`the mismatch`, `this gap`): the question refers back. */
const SUMMARY_NOUNS = new Set(
  `mismatch error failure problem issue bug change delay gap fault defect difference decision behaviour behavior condition
  situation omission oversight mistake limitation shortfall spike increase drop leak discrepancy choice assumption
  design approach state case scenario`.split(/\s+/),
);

/** Whether a question points back with a pronoun or a summing-up noun (`Why did it …`, `Why was this mismatch …`). */
export function refersBack(question: TextInfo): boolean {
  const tokens = question.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (PRONOUNS.has(w) && w !== 'there' && w !== 'here' && w !== 'one' && w !== 'ones') return true;
    if ((w === 'the' || w === 'a' || w === 'an') && (SUMMARY_NOUNS.has(tokens[i + 1]?.lower) || SUMMARY_NOUNS.has(tokens[i + 2]?.lower))) return true;
  }
  return false;
}

/** The concepts a question is about, without general nouns. */
export function focusOf(question: TextInfo): Concept[] {
  return question.concepts.filter((c) => !c.generic && !(c.to - c.from === 1 && WEAK_VERBS.has(question.tokens[c.from].lower)));
}

/** Verbs too common to be what a question is about (`set up`, `handle`, `use`). */
const WEAK_VERBS = new Set(
  `set make made get got go went do did have had take took use used handle handled become became come came put keep kept
  give gave allow allowed let exist existed need needed`.split(/\s+/),
);

/** Judges one `why` against the answer it follows from. */
export const judgeChainBreak: QuestionJudge = (question, previous, { from }) => {
  // A root's first question may take any angle on the problem; only answers and causes bind.
  if (!previous || (from !== 'answer' && from !== 'cause')) return undefined;
  if (!question.text.includes('?')) return undefined;
  if (refersBack(question)) return undefined;
  const focus = focusOf(question);
  if (focus.length === 0) return undefined;
  if (shared(focus, previous.concepts, true).length > 0) return undefined;
  // A generic noun of the question (`the system`) may name any part of the previous answer.
  if (question.concepts.some((c) => c.generic) && focus.length < 2) return undefined;
  const suggestion = toWhyQuestion(previous.text);
  const asked = phrasesOf(question, focus);
  return {
    message: `This question asks about “${asked.join(' … ')}”, which the answer before it (“${shorten(previous.text)}”) never mentions: each why should ask about the previous answer. Ask “${shorten(suggestion, 100)}”, or give this line of inquiry its own root or cause.`,
    evidence: asked,
    suggestion,
  };
};

/**
 * `chain-break`: a question that does not ask about the previous answer (it starts another line
 * of inquiry, which belongs in its own root or cause).
 */
export const chainBreakRule: Rule = {
  code: 'chain-break',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'A question that does not follow from the previous answer',
  explanation:
    'In a chain of whys each question asks why the previous answer was true; a question about something else breaks the chain, and the causes below it no longer explain the problem. Ask about the previous answer, or move this line of inquiry to its own root or cause.',
  check({ analysis }) {
    return judgeQuestions('chain-break', analysis, judgeChainBreak);
  },
};
