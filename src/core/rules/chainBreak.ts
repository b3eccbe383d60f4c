import type { Rule } from '../findings';
import { PERSON_NOUNS, PREPOSITIONS, PRONOUNS, STOP_WORDS } from '../reasoning/lexicon';
import { toWhyQuestion } from '../reasoning/rephrase';
import { shared, type Concept } from '../reasoning/similarity';
import { asksAboutDetection, judgeQuestions, perText, shorten, type AskedBefore, type QuestionJudge, type TextInfo } from '../reasoning/steps';
import { blameOf } from './blame';
import { vaguePhraseOf } from './vague';
import { phrasesOf } from '../reasoning/evidence';
import { allSteps } from '../model';
import { backOnTrack } from './backOnTrack';

/** Nouns that sum up what was said before (`the mismatch`, `this gap`): the question refers back. */
const SUMMARY_NOUNS = new Set(
  `mismatch error failure problem issue bug change delay gap fault defect difference decision behaviour behavior condition
  situation omission oversight mistake limitation shortfall spike increase drop leak discrepancy choice assumption
  design approach state case scenario`.split(/\s+/),
);

/** Words that open a clause inside a question (`where they were`, `whether it ran`). */
const INNER = new Set(['where', 'when', 'whether', 'if', 'while', 'because', 'although', 'until', 'before', 'after', 'once']);

const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const OTHERS = new Set(['other', 'others', 'rest', 'remaining', 'remainder']);

/** Words of time after a demonstrative (`that night`, `this time`). */
const TIMES = new Set(['time', 'day', 'night', 'morning', 'afternoon', 'evening', 'week', 'weekend', 'month', 'year', 'quarter', 'shift', 'season', 'summer', 'winter', 'spring', 'autumn', 'hour', 'minute', 'moment', 'point', 'date', 'period']);

/** Adjectives of degree: `that short`, `so late`, `this long` point back at a figure said before. */
const DEGREE = new Set(['short', 'long', 'big', 'large', 'small', 'high', 'low', 'many', 'much', 'late', 'early', 'slow', 'fast', 'old', 'often', 'far', 'few', 'little', 'bad', 'quickly', 'slowly']);

/**
 * Whether a question points back at the previous answer: a pronoun as its subject or object
 * (`Why did it …`, `Why was that …`, `Why did they do this?`), a summing-up noun (`the
 * mismatch`, `such a query`), or `the other …`. A pronoun inside the question's own noun
 * phrase (`the volume … its claim`) does not point back; `he`/`she` only when the previous
 * answer names a person.
 */
export function refersBack(question: TextInfo, previous?: TextInfo): boolean {
  const tokens = question.tokens;
  const personInPrevious = !!previous && previous.tokens.some((t) => PERSON_NOUNS.has(t.lower) && !PERSONAL.has(t.lower));
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    const before = tokens[i - 1];
    if (PERSONAL.has(w)) {
      if (personInPrevious) return true;
      continue;
    }
    if (w === 'such' || OTHERS.has(w)) return true;
    if (PRONOUNS.has(w) && w !== 'there' && w !== 'here' && w !== 'one' && w !== 'ones' && w !== 'same') {
      // `… to report where they were`: a subject pronoun of a clause inside the question stands for a noun the question named.
      if ((w === 'they' || w === 'it') && INNER.has(before?.lower ?? '') && tokens.slice(0, i - 1).some((t) => t.kind === 'word' && !STOP_WORDS.has(t.lower) && !/^(why|how|what)$/.test(t.lower))) continue;
      // `its`/`their` right after a noun of the question's own (`the volume … its claim`) stays inside it.
      if ((w === 'its' || w === 'their') && tokens.slice(0, i).some((t) => t.kind === 'word' && !STOP_WORDS.has(t.lower))) continue;
      if ((w === 'that' || w === 'this') && DEGREE.has(tokens[i + 1]?.lower ?? '')) return true;
      // `Why is the picture that coarse?`: `that` and one word closing the question is a degree too.
      // (`that night`, `this time` name the incident's time, not the previous answer.)
      if ((w === 'that' || w === 'this') && tokens[i + 1]?.kind === 'word' && !TIMES.has(tokens[i + 1].lower) && (tokens[i + 2] === undefined || tokens[i + 2].text === '?')) return true;
      // `that`/`which` after a noun opens a relative clause (`the template that needed …`).
      if ((w === 'that' || w === 'this') && before && before.kind === 'word' && !STOP_WORDS.has(before.lower) && !PREPOSITIONS.has(before.lower) && !/^(do|did|does|was|is|were|are|cause|caused|allow|allowed|make|made)$/.test(before.lower)) continue;
      return true;
    }
    if ((w === 'the' || w === 'a' || w === 'an') && (SUMMARY_NOUNS.has(tokens[i + 1]?.lower) || SUMMARY_NOUNS.has(tokens[i + 2]?.lower))) return true;
  }
  return false;
}

/** The concepts a question is about, without general nouns and weak verbs. */
export const focusOf: (question: TextInfo) => readonly Concept[] = perText((question) =>
  question.concepts.filter((c) => !c.generic && !(c.to - c.from === 1 && WEAK_VERBS.has(question.tokens[c.from].lower))),
);

/** Verbs too common to be what a question is about (`set up`, `handle`, `use`). */
const WEAK_VERBS = new Set(
  `set make made get got go went do did have had take took use used handle handled become became come came put keep kept
  give gave allow allowed let exist existed need needed trigger triggered triggers prompt prompted lead led act acted
  specifically exactly precisely actually really`.split(/\s+/),
);

/** Nouns so common that sharing one says nothing about what two texts are about. */
const COMMON_NOUNS = new Set(
  `team teams system systems data time times customer customers client clients user users people staff day days week weeks
  month months year years hour hours minute minutes second seconds night nights morning mornings afternoon evening weekend
  weekends today yesterday company business process processes`.split(/\s+/),
);

/** Whether a concept qualifies the noun after it (`crew locations`), rather than heading its phrase. */
function qualifiesNext(info: TextInfo, c: Concept): boolean {
  const next = info.tokens[c.to];
  return !!next && next.kind === 'word' && !STOP_WORDS.has(next.lower) && !PREPOSITIONS.has(next.lower);
}

/** A focus concept too weak to link on its own: a number, or a very common noun. */
function weakLink(question: TextInfo, c: Concept): boolean {
  const first = question.tokens[c.from];
  return c.to - c.from === 1 && (first.kind === 'number' || COMMON_NOUNS.has(first.lower));
}

/**
 * Whether a question asks the previous question again in other words: that question leaned on a
 * pronoun (`Why aren't they on the plan?`), and this one shares a word with it and names what the
 * pronoun stood for in the answer before it (`Why were the hoses left off …?`). The answer in
 * between did not move the chain on (often too vague to ask about), so asking again is no break.
 */
function asksAgain(question: TextInfo, focus: readonly Concept[], before: AskedBefore | undefined): boolean {
  if (!before || !refersBack(before.question, before.answer)) return false;
  if (shared(question.concepts, before.question.concepts, true).length === 0) return false;
  // What the pronoun stood for: a word of the answer before that the previous question did not say.
  const named = focus.filter((c) => !weakLink(question, c) && shared([c], before.question.concepts, true).length === 0);
  return shared(named, before.answer.concepts, true).length > 0;
}

/** Judges one `why` against the answer it follows from. */
export const judgeChainBreak: QuestionJudge = (question, previous, { from, previousQuestion, askedBefore, earlier, everyday }) => {
  // A root's first question may take any angle on the problem; only answers and causes bind.
  if (!previous || (from !== 'answer' && from !== 'cause')) return undefined;
  if (!question.text.includes('?')) return undefined;
  if (refersBack(question, previous)) return undefined;
  // After an answer that stops at a person, asking about the system around them is the fix, not a break.
  if (blameOf(previous)) return undefined;
  // So after an answer too vague to ask about (`the crew dropped the ball`).
  if (vaguePhraseOf(previous)) return undefined;
  const focus = focusOf(question);
  // A short follow-up (`Why only one recipient?`) leans on the answer before it.
  if (focus.length <= 1) return undefined;
  const context: Concept[] = [...previous.concepts];
  if (previousQuestion) context.push(...previousQuestion.concepts);
  // A question about detection may ask about anything said so far in this line of whys.
  for (const info of earlier) context.push(...info.concepts);
  // `Why 14 minutes?` after `the failover took 14 minutes` (folded there into `slow`): a question of
  // figures and common nouns follows on when a word of it is in the answer as written.
  if (focus.every((c) => weakLink(question, c)) && focus.some((c) => previous.tokens.some((t) => t.key === question.tokens[c.from].key))) return undefined;
  const links = shared(focus, context, true);
  // A very common noun (`the team`, `the data`) links only a question that asks about little
  // else: alone it is no sign of asking about the answer. A shared figure (`in 2016`, `5.10`)
  // does link: questions pick up a version or a year of the answer they follow.
  const weakNoun = (c: Concept): boolean => weakLink(question, c) && question.tokens[c.from].kind !== 'number';
  // So does a single word the whole analysis keeps saying (`crew` in an analysis of crew
  // scheduling), when the question asks about three or more other things.
  // Only where the previous answer uses it to qualify something else (`changes to crew locations`):
  // as the head of a phrase (`the instance quota for eu-west-1`) it is what that answer is about.
  const everydayOnly =
    links.length === 1 &&
    everyday.has(links[0].key) &&
    focus.filter((c) => !weakLink(question, c) && !everyday.has(c.key)).length >= 3 &&
    previous.concepts.filter((c) => c.key === links[0].key).every((c) => qualifiesNext(previous, c));
  if (links.length > 0 && !everydayOnly && !(links.every(weakNoun) && focus.filter((c) => !weakLink(question, c)).length >= 2)) return undefined;
  // A generic noun of the question (`the system`) may name any part of the previous answer.
  if (question.concepts.some((c) => c.generic) && focus.length < 2) return undefined;
  if (asksAgain(question, focus, askedBefore)) return undefined;
  const suggestion = toWhyQuestion(previous.text);
  const asked = phrasesOf(question, focus);
  // A question of how it went unnoticed is the essay's other line of inquiry: detection has its own causes.
  const elsewhere = asksAboutDetection(question.text) ? 'or give detection its own root (how it went unnoticed has causes of its own)' : 'or give this line of inquiry its own root or cause';
  return {
    message: `This question asks about “${asked.join(' … ')}”, which the answer before it (“${shorten(previous.text)}”) never mentions: each why should ask about the previous answer. Ask “${shorten(suggestion, 100)}”, ${elsewhere}.`,
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
    const found = judgeQuestions('chain-break', analysis, judgeChainBreak);
    if (found.length === 0) return found;
    // A question that goes back past an off-topic answer puts the chain back on track: the answer is flagged instead.
    const back = new Set(allSteps(analysis).flatMap((step) => backOnTrack(analysis, step)?.next.why?.span.start ?? []));
    return found.filter((f) => !back.has(f.span.start));
  },
};
