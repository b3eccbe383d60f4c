import type { Rule } from '../findings';
import { clauseStart, contrastOf, coordinatedClauses, finiteVerbOf, isClause, mainClause, sentences, subjectIsPronoun, type Range } from '../reasoning/clauses';
import { DETECTION_WORDS, MISS_WORDS, PREPOSITIONS, STOP_WORDS } from '../reasoning/lexicon';
import { asSentence } from '../reasoning/rephrase';
import { conceptsOf, shared } from '../reasoning/similarity';
import { stem } from '../reasoning/stem';
import { asksAboutDetection, judgeAnswers, shorten, type AnswerJudge, type TextInfo, type Verdict } from '../reasoning/steps';
import { focusOf } from './chainBreak';
import { phrasesOf } from '../reasoning/evidence';

/** Words of consequence: who or what was hurt (the impact, not the cause). */
const IMPACT_WORDS = new Set(`affected impacted impact complained complaints complaint revenue refunds refund penalty
  penalties fines fined churn reputation customers users passengers patients shoppers`.split(/\s+/));
const IMPACT_VERBS = new Set(['affected', 'impacted', 'complained', 'lost', 'missed', 'cancelled', 'canceled', 'stranded', 'waited', 'could']);
const IMPACT_QUESTION = /\b(impact|affect|affected|customers?|users?|revenue|complain\w*|so many|so much|so large|so big|widespread|blast radius)\b/i;
/** `took 40 minutes`, `took the on-call engineer 45 minutes to respond` (not `took the link down for 43 seconds`). */
const DURATION = /\b(?:took|take|takes|taking|lasted)\s+(?:(?!down\b|out\b|off\b|up\b|over\b)[\w-]+\s+){0,4}?(?:\d+|several|many|two|three|four|five|six|a few)\s+(?:more\s+)?(?:minutes?|hours?|days?|weeks?|months?)\b/i;
const RELATIVE = new Set(['that', 'which', 'who', 'where', 'whose']);
const DURATION_QUESTION = /\b(long|slow|late|took|delay\w*|hours|days|minutes|so long)\b/i;

type Turn = 'detection' | 'response' | 'impact';

/** Detection words by key, so other forms count too (`reviewing`, `alerted`). */
const DETECTION_KEYS = new Set([...DETECTION_WORDS].filter((w) => w.length > 4).map(stem));

/** What a clause turns to, if it is about detection, response or impact rather than cause. */
function turnOf(info: TextInfo, clause: Range): Turn | undefined {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, clause);
  if (verb < 0) return undefined;
  const head = Math.min(clause.to, verb + 4);
  let detection = false;
  let miss = false;
  for (let i = clause.from; i < head; i++) {
    const w = tokens[i].lower;
    if (DETECTION_WORDS.has(w) || DETECTION_KEYS.has(tokens[i].key)) detection = true;
    if (MISS_WORDS.has(w)) miss = true;
  }
  const words = info.text.slice(tokens[clause.from].start, tokens[clause.to - 1].end);
  if (detection && miss) return /\b(restor|recover|rollback|rolled back|remediat|respond|response|escalat)/i.test(words) ? 'response' : 'detection';
  if (DURATION.test(words)) return 'response';
  let impact = false;
  for (let i = clause.from; i < verb + 2 && i < clause.to; i++) if (IMPACT_WORDS.has(tokens[i].lower)) impact = true;
  if (impact && tokens.slice(verb, Math.min(clause.to, verb + 3)).some((t) => IMPACT_VERBS.has(t.lower))) return 'impact';
  return undefined;
}

/** The subject words of a clause (what it turns to), as written. */
function subjectWords(info: TextInfo, clause: Range): string {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, clause);
  let from = clause.from;
  while (from < verb && (STOP_WORDS.has(tokens[from].lower) || tokens[from].kind === 'punct')) from++;
  let to = verb;
  while (to > from && STOP_WORDS.has(tokens[to - 1].lower)) to--;
  if (to <= from) {
    // `nobody noticed`: the subject is a stop word, quote the predicate.
    return info.text.slice(tokens[clause.from].start, tokens[Math.min(clause.to, verb + 2) - 1].end);
  }
  return info.text.slice(tokens[from].start, tokens[to - 1].end);
}

const EXPLAINS: Record<Turn, { what: string; root: string }> = {
  detection: { what: 'that explains why the problem was not caught, not why it happened', root: 'give detection its own root' },
  response: { what: 'that explains why recovery took as long as it did, not why the problem happened', root: 'give recovery its own root' },
  impact: { what: 'that describes the consequences, not the cause', root: 'put the impact in the incident block' },
};

/**
 * Judges one answer: off-topic when one of its clauses turns from the question to detection,
 * response or impact (the canonical case: asked why the integration code handled only 20
 * inputs, the answer turns to the testing processes).
 */
export const judgeOffTopic: AnswerJudge = (answer, question, { detectionFramed }) => {
  if (!question || detectionFramed || asksAboutDetection(question.text)) return undefined;
  return turned(answer, question);
};

/** A clause of the answer that turns from the question to detection, response or impact. */
function turned(answer: TextInfo, question: TextInfo): Verdict | undefined {
  const tokens = answer.tokens;
  const clauses: { range: Range; marker?: string }[] = [];
  for (const s of sentences(tokens, { from: answer.start, to: tokens.length })) {
    const contrast = contrastOf(tokens, s);
    const pieces = contrast ? [{ range: contrast.before }, { range: contrast.after, marker: contrast.marker.text }] : [{ range: s }];
    for (const piece of pieces) {
      const parts = coordinatedClauses(tokens, piece.range);
      parts.forEach((part, k) => clauses.push({ range: part, marker: k === 0 ? piece.marker : undefined }));
    }
  }
  const focus = focusOf(question);
  for (const clause of clauses) {
    // The main clause without its relative clauses; when a relative clause sits inside the
    // subject (`the tests that run on every merge did not …`), the whole clause.
    const cut = mainClause(tokens, clause.range);
    const main = isClause(tokens, cut) ? cut : clause.range;
    if (!isClause(tokens, main)) continue;
    const turn = turnOf(answer, main);
    if (!turn) continue;
    // `It took 45 minutes to …` has a dummy subject; other pronouns lean on the question.
    if (subjectIsPronoun(tokens, main) && !(turn === 'response' && tokens[clauseStart(tokens, main)].lower === 'it')) continue;
    if (turn === 'impact' && IMPACT_QUESTION.test(question.text)) continue;
    if (turn === 'response' && DURATION_QUESTION.test(question.text)) continue;
    // The subject of the turn must be new to the question.
    const subject = subjectWords(answer, main);
    // The head of the subject, before any `of`/`on` phrase (`the alert on price age`), must be new to the question.
    const verbAt = finiteVerbOf(tokens, main);
    let headEnd = clauseStart(tokens, main);
    while (headEnd < verbAt && !(PREPOSITIONS.has(tokens[headEnd].lower) && headEnd > clauseStart(tokens, main)) && !RELATIVE.has(tokens[headEnd].lower)) headEnd++;
    const subjectConcepts = conceptsOf(tokens, main.from, headEnd);
    if (shared(subjectConcepts, question.concepts, false).length > 0) continue;
    const others = clauses.filter((c) => c !== clause && shared(conceptsOf(tokens, c.range.from, c.range.to), question.concepts, true).length > 0);
    const onTopic = others.map((c) => asSentence(answer.text, tokens, c.range)).join(' ');
    const asked = phrasesOf(question, focus);
    const where = clause.marker ? `after “${clause.marker}”, the answer turns to` : 'the answer turns to';
    const explains = EXPLAINS[turn];
    const next = onTopic ? `Ask the next why about “${shorten(onTopic.replace(/\.$/, ''), 90)}”, and ${explains.root}.` : `Answer what the question asks, and ${explains.root}.`;
    return {
      message: `The question asks about “${asked.join(' … ') || shorten(question.text)}”; ${where} “${subject}”, which the question never mentions: ${explains.what}. ${next}`,
      evidence: [...asked, subject],
      suggestion: onTopic || undefined,
    };
  }
  return undefined;
};

/** `off-topic`: an answer that explains something other than what its question asks. */
export const offTopicRule: Rule = {
  code: 'off-topic',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'An answer that explains something else',
  explanation:
    'The answer should say why the thing the question asks about happened. An answer that turns to testing, detection, recovery or impact explains why the problem was not caught or lasted long, a different question with its own causes. Answer the question asked, and give detection or recovery its own root.',
  check({ analysis }) {
    return judgeAnswers('off-topic', analysis, judgeOffTopic);
  },
};
