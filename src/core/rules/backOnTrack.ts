/**
 * The chain's own evidence about an answer (issue 13, item 5): when the next question takes up
 * what this step's question asked about and nothing of this step's answer, the writer went back
 * on track past the answer, and the answer is the suspect (`off-topic`), not the next question
 * (`chain-break`). Used by both rules, so they agree; and by the chain-break quick fix.
 */
import type { Analysis, Step } from '../model';
import { phrasesOf } from '../reasoning/evidence';
import { shared, type Concept } from '../reasoning/similarity';
import { asksAboutDetection, cacheLimit, infoOf, itemsOf, type TextInfo } from '../reasoning/steps';
import { focusOf, refersBack } from './chainBreak';

/** What the next question points back to, past this step's answer. */
export interface BackOnTrack {
  /** The step after, whose question goes back. */
  readonly next: Step;
  /** The words of the next question that this step's question also says, as written. */
  readonly words: readonly string[];
}

const memo = new Map<string, readonly Concept[] | null>();

/** The concepts of `next` that point back to `question` past `answer`, or null. */
function pointsBack(question: TextInfo, answer: TextInfo, next: TextInfo, everyday: ReadonlySet<string>, everydayId: number): readonly Concept[] | null {
  const key = `${question.id}:${answer.id}:${next.id}:${everydayId}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let result: readonly Concept[] | null = null;
  // A pronoun or summing-up noun that points at the answer just given: then the question is about it.
  const refers = refersBack(next, answer);
  // A question about detection may go back up the chain (`Why did nobody notice the overload?`).
  if (!refers && !asksAboutDetection(next.text) && !asksAboutDetection(question.text) && shared(next.concepts, answer.concepts, true).length === 0) {
    const back = focusOf(next).filter((c) => !c.generic && !everyday.has(c.key));
    const taken = shared(back, question.concepts, false);
    // Two things the question asked about, neither of them in the answer.
    if (taken.length >= 2) result = taken;
  }
  // As large as the other caches (three times the last analysis), so a re-check of a large file finds its steps.
  if (memo.size > cacheLimit()) memo.clear();
  memo.set(key, result);
  return result;
}

/** Whether the question after `step` goes back past its single answer to its question's subject. */
export function backOnTrack(analysis: Analysis, step: Step): BackOnTrack | undefined {
  const next = step.chain.steps[step.index + 1];
  if (!step.why || !step.because || !next?.why) return undefined;
  const { everyday, everydayId } = itemsOf(analysis);
  const question = infoOf(step.why.text);
  const answer = infoOf(step.because.text);
  const nextInfo = infoOf(next.why.text);
  const taken = pointsBack(question, answer, nextInfo, everyday, everydayId);
  return taken ? { next, words: phrasesOf(nextInfo, taken) } : undefined;
}
