import type { Rule } from '../findings';
import { coordinatedClauses, subjectIsPronoun, type Range } from '../reasoning/clauses';
import { FAULT_WORDS } from '../reasoning/lexicon';
import { asSentence } from '../reasoning/rephrase';
import { conceptsOf, shared } from '../reasoning/similarity';
import { judgeAnswers, type AnswerJudge, type TextInfo } from '../reasoning/steps';

/** Whether a clause states a fault: something missing, wrong, broken, late. */
function statesFault(info: TextInfo, range: Range): boolean {
  for (let i = range.from; i < range.to; i++) {
    const w = info.tokens[i].lower;
    if (FAULT_WORDS.has(w)) return true;
    if (/^(un|mis)[a-z]{3,}(ed|able|ible)$/.test(w) && !/^(under|unit|unlock|uni)/.test(w)) return true;
    if ((w === 'ran' || w === 'run' || w === 'running') && info.tokens[i + 1]?.lower === 'out') return true;
    // `grown so large that …`: an excess.
    if (w === 'so' && info.tokens[i + 2]?.lower === 'that' && info.tokens[i + 1]?.kind === 'word') return true;
  }
  return false;
}

/**
 * Judges one answer: compound when it joins two clauses, each with its own subject and
 * predicate, about different things, at least one of them stating a fault (two neutral facts
 * joined by `and` usually make one cause together).
 */
export const judgeCompound: AnswerJudge = (answer) => {
  const tokens = answer.tokens;
  const parts = coordinatedClauses(tokens, { from: answer.start, to: tokens.length });
  if (parts.length < 2) return undefined;
  let independent = false;
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1];
    const b = parts[k];
    // `…; it had expired` explains the first clause; `…, and it removed hosts` adds to it.
    if (subjectIsPronoun(tokens, a) || (subjectIsPronoun(tokens, b) && tokens[b.from].lower !== 'and')) continue;
    // `… and the issuer was not one of them`: the second clause is about the first one's things.
    if (/\b(one|none|any|some|all|neither|either) of (them|those|these|it)\b/i.test(answer.text.slice(tokens[b.from].start, tokens[b.to - 1].end))) continue;
    if (!statesFault(answer, a) && !statesFault(answer, b)) continue;
    const ca = conceptsOf(tokens, a.from, a.to);
    const cb = conceptsOf(tokens, b.from, b.to);
    if (!ca.some((c) => !c.generic) || !cb.some((c) => !c.generic)) continue;
    // Clauses about the same things (`the plan listed services, and scripts were not services`) are one cause.
    const common = shared(ca, cb, false).length;
    if (common / Math.min(ca.length, cb.length) >= 0.5) continue;
    independent = true;
  }
  if (!independent) return undefined;
  const sentences = parts.map((p) => asSentence(answer.text, tokens, p)).filter((s) => s.length > 1);
  return {
    message: `This answer packs ${sentences.length} independent causes: ${sentences.map((s) => `“${s.replace(/[.!?]$/, '')}”`).join(' and ')}. Make them separate causes (a \`because:\` list), so each gets its own whys and actions.`,
    evidence: sentences,
    parts: sentences,
  };
};

/** `compound`: one answer that packs two or more independent causes. */
export const compoundRule: Rule = {
  code: 'compound',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'Two causes in one answer',
  explanation:
    'An answer that joins independent causes (“the query was not optimized, and no memory limit was set”) hides a branch: the next why can only follow one of them, and the other loses its own whys and actions. Split them into a `because:` list of causes, each with its own chain.',
  check({ analysis }) {
    return judgeAnswers('compound', analysis, judgeCompound);
  },
};
