import type { Rule } from '../findings';
import { clauseStart, coordinatedClauses, finiteVerbOf, sentences, subjectHeadEnd, subjectIsPronoun, type Range } from '../reasoning/clauses';
import { DETERMINERS, FAULT_WORDS, STOP_WORDS } from '../reasoning/lexicon';
import { asSentence } from '../reasoning/rephrase';
import { conceptsOf, shared, type Concept } from '../reasoning/similarity';
import { judgeAnswers, type AnswerJudge, type TextInfo, type Verdict } from '../reasoning/steps';
import { sliceOf } from '../reasoning/tokens';

/** A wait or a lag stated as a figure: `a code that takes 48 h to issue`, `three hours behind`. */
const DELAY = /\b(?:takes?|took|taking|needs?|needed|lasts?|lasted|waits?|waited)\b[^,.;]*?\b(?:\d+|one|two|three|four|five|six|seven|several|many)\s*(?:h|hrs?|hours?|days?|weeks?|months?|minutes?)\b/i;

/** Whether a clause states a fault or a limiting condition: something missing, wrong, broken, late. */
function statesFault(info: TextInfo, range: Range): boolean {
  for (let i = range.from; i < range.to; i++) {
    const w = info.tokens[i].lower;
    // `added for broken scanners`: a purpose, not this clause's fault.
    if (info.tokens[i - 1]?.lower === 'for' && info.tokens[i + 1]?.kind === 'word') continue;
    if (FAULT_WORDS.has(w)) return true;
    if (/^(un|mis)[a-z]{3,}(ed|able|ible)$/.test(w) && !/^(under|unit|unlock|uni)/.test(w)) return true;
    if ((w === 'ran' || w === 'run' || w === 'running') && info.tokens[i + 1]?.lower === 'out') return true;
    // `was on leave`: away.
    if (w === 'leave' && info.tokens[i - 1]?.lower === 'on') return true;
    // `the star tracker was away for recalibration`: not there when needed.
    if (w === 'away' && /^(was|were|is|are|been)$/.test(info.tokens[i - 1]?.lower ?? '')) return true;
    // `short of spare tubes`, `under pressure to cut downtime`: a lack, a strain.
    if (w === 'short' && info.tokens[i + 1]?.lower === 'of') return true;
    // `only 41% of properties`, `two analysts short`: a shortfall stated as a figure.
    if (w === 'only' && info.tokens[i + 1]?.kind === 'number') return true;
    if (w === 'short' && (info.tokens[i - 2]?.kind === 'number' || /^(one|two|three|four|five|six|seven|eight|nine|ten|several)$/.test(info.tokens[i - 2]?.lower ?? ''))) return true;
    if (w === 'pressure' && info.tokens[i - 1]?.lower === 'under') return true;
    // `grown so large that …`: an excess.
    if (w === 'so' && info.tokens[i + 2]?.lower === 'that' && info.tokens[i + 1]?.kind === 'word') return true;
  }
  return range.from < range.to && DELAY.test(sliceOf(info.text, info, range.from, range.to));
}

/**
 * Judges one answer: compound when it joins two clauses, each with its own subject and
 * predicate, about different things, at least one of them stating a fault (two neutral facts
 * joined by `and` usually make one cause together).
 */
export const judgeCompound: AnswerJudge = (answer) => {
  const tokens = answer.tokens;
  const parts = coordinatedClauses(tokens, { from: answer.start, to: tokens.length });
  if (parts.length < 2) return simultaneous(answer);
  let independent = false;
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1];
    const b = parts[k];
    // A clause after `;` elaborates the one before (evidence, the rule behind it, what it left
    // out): in every labelled set we have, written by several people, no compound answer used a
    // semicolon and some fifty sound ones did.
    if (tokens[b.from]?.lower === ';') continue;
    // `…; it had expired` explains the first clause; `…, and it removed hosts` adds to it.
    if (subjectIsPronoun(tokens, a) || (subjectIsPronoun(tokens, b) && tokens[b.from].lower !== 'and')) continue;
    // `… and the issuer was not one of them`: the second clause is about the first one's things.
    if (/\b(one|none|any|some|all|neither|either) of (them|those|these|it)\b/i.test(sliceOf(answer.text, answer, b.from, b.to))) continue;
    // `… and the directory has had none`: the second clause counts the first one's things.
    if (/\b(none|neither|any|one)\s*[.!]?$/i.test(sliceOf(answer.text, answer, b.from, b.to))) continue;
    // `… the "danger" and "goal" events, and none arrived`: a bare `none` or `neither` as the subject counts the first clause's things.
    if (/^(none|neither)$/.test(tokens[clauseStart(tokens, b)]?.lower ?? '')) continue;
    // `… and the other site's did not`: a predicate left out (an auxiliary closes the clause) is the
    // first clause's, said of another thing: the case that meets or misses the first one's condition.
    if (ELLIPSIS.test(sliceOf(answer.text, answer, b.from, b.to))) continue;
    // `…, so the queue still drained and nobody was paged`: after `so`, what follows `and` is more
    // of the first cause's consequence, not a cause of its own.
    if (tokens[b.from].lower === 'and' && tokens[b.from - 1]?.lower !== ',' && tokens.slice(a.from, a.to).some((t, i) => RESULTS.has(t.lower) && tokens[a.from + i - 1]?.lower === ',')) continue;
    // `Den 2 was added in the refurbishment, and the checklist is still printed from the 2019
    // manual`: a change, and what still stands from before it, are one mismatch (what was not updated).
    if (tokens.slice(a.from, a.to).some((t) => CHANGED.has(t.lower)) && tokens.slice(b.from, b.to).some((t) => t.lower === 'still')) continue;
    // `; whoever makes a change picks …` explains; a clause after `;` or a new sentence adds a cause only when both state faults.
    // Two causes each state their own fault or limit; a neutral fact beside a fault (`the gauge was
    // sent for calibration and the store had no spare`) is the setting of one cause.
    const faults = Number(statesFault(answer, a)) + Number(statesFault(answer, b));
    if (faults < 2 && !twoConditions(answer, a, b, faults)) continue;
    if (INDEFINITE.has(tokens[clauseStart(tokens, b)]?.lower ?? '')) continue;
    // `… and the form stored them that way`: the second clause acts on the first one's things.
    const verbB = finiteVerbOf(tokens, b);
    let objectAt = verbB + 1;
    while (objectAt < b.to && /^(not|never|also|just|only|still|then|always)$/.test(tokens[objectAt].lower)) objectAt++;
    if (verbB > 0 && /^(it|them|this|that|these|those)$/.test(tokens[objectAt]?.lower ?? '')) continue;
    const ca = conceptsOf(tokens, a.from, a.to);
    const cb = conceptsOf(tokens, b.from, b.to);
    if (!ca.some((c) => !c.generic) || !cb.some((c) => !c.generic)) continue;
    // `Its power pack failed, and the replacement pack had not arrived`: the second clause's thing
    // stands in for the first one's (unlike `the primary pump failed and the backup pump did not start`).
    const headA = subjectHead(answer, a);
    const headB = subjectHead(answer, b);
    if (headA && headB && shared([headA], [headB], false).length > 0 && tokens.slice(clauseStart(tokens, b), headB.from).some((t) => STAND_INS.has(t.lower))) continue;
    // `The pump failed, and the replacement was on order`: a stand-in with its noun left out is the first clause's thing.
    if (standInSubject(answer, b)) continue;
    // `The relays were set to 0.125 Hz/s, and the rate reached 0.16 Hz/s`: a limit and a value in one unit are one comparison.
    if (sameUnit(answer, a, b)) continue;
    // Clauses about the same things (`the plan listed services, and scripts were not services`) are one cause.
    const common = shared(ca, cb, false).length;
    if (common / Math.max(ca.length, cb.length) >= 0.5 || (common > 0 && sharesHead(answer, a, b))) continue;
    // `… lost air supply, and the spring holds the valve closed without air`: the second clause says how the first one's thing acts.
    if (common > 0 && mechanism(answer, b)) continue;
    // Related but not the same (`the report expired` … `the renewal audit was not finished`): one explains the other.
    if (shared(ca, cb, true).length > common) continue;
    independent = true;
  }
  if (!independent) return simultaneous(answer);
  const sentences = parts.map((p) => asSentence(answer.text, answer, p)).filter((s) => s.length > 1);
  return {
    message: `This answer packs ${sentences.length} independent causes: ${sentences.map((s) => `“${s.replace(/[.!?]$/, '')}”`).join(' and ')}. Make them separate causes (a \`because:\` list), so each gets its own whys and actions.`,
    evidence: sentences,
    parts: sentences,
  };
};

/**
 * Whether the second clause's predicate names the first clause's things (`the plan listed services,
 * and scripts were not services`): it says how the two relate, so they are one cause.
 */
function sharesHead(info: TextInfo, a: Range, b: Range): boolean {
  const verb = finiteVerbOf(info.tokens, b);
  if (verb < 0 || info.tokens[clauseStart(info.tokens, b)].lower === 'there') return false;
  const predicate = conceptsOf(info.tokens, verb, b.to);
  return shared(predicate, conceptsOf(info.tokens, a.from, a.to), false).length > 0 && /^(is|are|was|were)$/.test(info.tokens[verb].lower);
}

/** Words by which a clause points back at the one before (`… and it …`, `… and that list …`). */
const BACK_REFERENCES = new Set([
  'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'such', 'same', 'so', 'which', 'who', 'whose', 'thus', 'therefore', 'hence', 'because', 'since', 'then', 'when', 'once', 'after', 'until', 'result', 'meant', 'means',
  // `…, and she had assessed him in the day room`: a person the clause before named.
  'he', 'him', 'his', 'she', 'her', 'hers',
  // `…, and condensation had been tracking for weeks afterwards`: what followed the first clause.
  'afterwards', 'afterward', 'thereafter', 'subsequently',
]);

/** `the one from the next bay`, `another one`: a stand-in for a thing the clause before named. */
function pointsBackAt(tokens: TextInfo['tokens'], i: number): boolean {
  const w = tokens[i].lower;
  const before = tokens[i - 1]?.lower ?? '';
  if (w === 'one' && /^(the|that|this|another|a)$/.test(before) && tokens[i + 1]?.lower !== 'of') return true;
  // `out of sight from there`: the place the clause before named (not `there was`, which opens a clause).
  return w === 'there' && /^(from|in|at|to|near|over|out)$/.test(before);
}

/** `… replaced the pumps like for like`, `… left the limits unchanged`: the second clause kept the first one's state. */
const KEPT_AS_BEFORE = /\b(like[- ]for[- ]like|as before|as it was|unchanged)\b/i;

/** `… and the serum must not be used once thawed`: a standing rule (a modal, `be` and a participle), the premise that makes the first clause matter. */
function statesRule(info: TextInfo, b: Range): boolean {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, b);
  if (verb < 0 || !/^(can|cannot|must|may|should)$/.test(tokens[verb].lower)) return false;
  let i = verb + 1;
  if (tokens[i]?.lower === 'not') i++;
  return tokens[i]?.lower === 'be' && /[a-z]{2,}(ed|en|wn)$/.test(tokens[i + 1]?.lower ?? '');
}

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
/** Words that open a subordinate clause. */
const SUBORDINATORS = new Set(['when', 'whenever', 'if', 'while', 'until', 'once', 'unless', 'because', 'since', 'after', 'before']);

/**
 * Two conditions side by side, set off by `, and` or `;` (`the checklist asks only for name and DOB,
 * and electronic scanning had not been rolled out`): each clause has its own subject and names its
 * own things (no word, stem or related concept in common), and the second never points back at the
 * first (a pronoun, `so`, `which`, `then`). Then they are two causes even when only one of them, or
 * neither, says `not` or `missing`.
 */
function twoConditions(info: TextInfo, a: Range, b: Range, faults: number): boolean {
  const tokens = info.tokens;
  const join = tokens[b.from];
  if (!(join.lower === ';' || (join.lower === 'and' && tokens[b.from - 1]?.lower === ','))) return false;
  // Past the second clause's own finite verb, a subordinate clause (`… when it's out of normal`,
  // `… when their segment changes`) leans on that clause's things, not on the first one's.
  const ownVerb = finiteVerbOf(tokens, b);
  for (let i = b.from; i < b.to; i++) {
    if (pointsBackAt(tokens, i)) return false;
    if (!BACK_REFERENCES.has(tokens[i].lower)) continue;
    if (ownVerb > 0 && i > ownVerb && SUBORDINATORS.has(tokens[i].lower)) break;
    // `on that ward`: a demonstrative before a noun the first clause never names (a shared one is caught below) points at the setting.
    const next = tokens[i + 1];
    if (DEMONSTRATIVES.has(tokens[i].lower) && next?.kind === 'word' && !STOP_WORDS.has(next.lower)) continue;
    return false;
  }
  // `the payroll export ran on the 25th, and the sheets had not yet been approved`: after an event
  // in the past, `had not yet` is a state at that event's moment (beside a standing state,
  // `the checklist asks …, and scanning had not yet been rolled out`, it is a condition of its own).
  const pastA = finiteVerbOf(tokens, a);
  if (pastA > 0 && /[a-z]ed$|^(was|were|did|ran|went|took|sent|made)$/.test(tokens[pastA].lower) && tokens.slice(b.from, b.to).some((t) => t.lower === 'had') && tokens.slice(b.from, b.to).some((t) => t.lower === 'yet')) return false;
  if (KEPT_AS_BEFORE.test(sliceOf(info.text, info, b.from, b.to)) || statesRule(info, b)) return false;
  const ca = conceptsOf(tokens, a.from, a.to);
  const cb = conceptsOf(tokens, b.from, b.to);
  // Any word in common makes them one cause: even a shared qualifier (`the forward well alarm …,
  // and the aft well sensor was never tried`) is as often one check seen from two sides as a
  // shared setting, and a false alarm costs more than a miss.
  if (shared(ca, cb, true).length > 0 || shared(cb, ca, true).length > 0) return false;
  // `… and the receiver tank drained within an hour`: a change that follows from the first clause.
  const verb = finiteVerbOf(tokens, b);
  // (`stopped meeting`, `began skipping` is a state of its own, not a change that follows.)
  if (verb > 0 && CHANGE_VERBS.has(tokens[verb].key) && !/ing$/.test(tokens[verb + 1]?.lower ?? '')) return false;
  // `the validator accepts only ISO dates, and the template writes day-month-year`: what one side
  // expects and what the other sends are the two halves of one mismatch.
  const verbA = finiteVerbOf(tokens, a);
  const sides = [verbA, verb].map((v) => (v > 0 ? tokens[v].key : ''));
  if ((EXPECTS.has(sides[0]) && PRODUCES.has(sides[1])) || (PRODUCES.has(sides[0]) && EXPECTS.has(sides[1]))) return false;
  // `the scanner needs driver 4, and half the tills still run driver 3`: a requirement and what
  // still falls short of it are one mismatch too.
  if (EXPECTS.has(sides[0]) && tokens.slice(b.from, b.to).some((t) => t.lower === 'still')) return false;
  // At least one side must state a fault: a limit beside a neutral fact (`reminders were classed
  // as transactional, and the rule applies to promotions only`) is how one cause works.
  return faults >= 1;
}

/** Words for a thing that stands in for another (`the replacement pack`). */
const STAND_INS = new Set(['replacement', 'spare', 'substitute', 'new', 'repaired', 'refurbished', 'loan', 'temporary']);

/** Whether a clause's whole subject is a stand-in whose noun is left out (`the replacement`, `a spare`). */
function standInSubject(info: TextInfo, b: Range): boolean {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, b);
  if (verb < 0) return false;
  const subject = tokens.slice(clauseStart(tokens, b), verb).filter((t) => !DETERMINERS.has(t.lower));
  return subject.length === 1 && /^(replacements?|spares?|substitutes?)$/.test(subject[0].lower);
}

/** A clause that ends on an auxiliary, its predicate left out (`… and Ward 3's did not`, `… and the test rig was too`). */
const ELLIPSIS = /\b(?:(?:did|does|do|was|were|is|are|had|has|have|could|would|will|can|should)(?:n't| not| too| either)?|can't|won't)\s*[.!]?$/i;

/** Participles of a change made to a setting (`added`, `moved`, `replaced`). */
const CHANGED = new Set(['added', 'replaced', 'moved', 'introduced', 'changed', 'upgraded', 'renamed', 'rebuilt', 'installed', 'extended', 'redesigned', 'reorganised', 'reorganized', 'merged', 'relocated', 'expanded', 'updated', 'migrated', 'converted', 'refitted', 'renumbered', 'restructured']);

/** Words that open the consequence of a clause (`…, so …`, `…, therefore …`). */
const RESULTS = new Set(['so', 'therefore', 'thus', 'hence']);

/** The last concept of a clause's subject (its head noun), if any. */
function subjectHead(info: TextInfo, range: Range): Concept | undefined {
  const verb = finiteVerbOf(info.tokens, range);
  if (verb < 0) return undefined;
  const subject = conceptsOf(info.tokens, clauseStart(info.tokens, range), subjectHeadEnd(info.tokens, range, verb)).filter((c) => !c.generic);
  return subject[subject.length - 1];
}

/** Whether both clauses give a figure in the same unit (`0.125 Hz/s` … `0.16 Hz/s`). */
function sameUnit(info: TextInfo, a: Range, b: Range): boolean {
  const units = (r: Range): Set<string> => {
    const out = new Set<string>();
    for (let i = r.from; i < r.to - 1; i++) if (info.tokens[i].kind === 'number' && info.tokens[i + 1].kind === 'word') out.add(info.tokens[i + 1].lower);
    return out;
  };
  const ua = units(a);
  return [...units(b)].some((u) => ua.has(u));
}

/** Verbs of a change that happens as a result (`drained`, `rose`, `went dark`), by key. */
const CHANGE_VERBS = new Set(['drain', 'rose', 'rise', 'fell', 'fall', 'drop', 'grew', 'grow', 'spread', 'go', 'empti', 'fill', 'stop', 'cool', 'warm', 'overflow', 'back', 'pile', 'build', 'collaps', 'climb', 'jump', 'doubl', 'tripl', 'spike', 'surg', 'sink', 'stall', 'shrink', 'burst', 'trip', 'follow', 'freez', 'melt', 'soar', 'plummet', 'crash', 'froze', 'frozen', 'becom', 'turn', 'start', 'began', 'begin']);

/** Verbs of what a receiving side takes, and of what a sending side gives, by key. */
const EXPECTS = new Set(['need', 'accept', 'expect', 'read', 'pars', 'requir', 'allow', 'take', 'support', 'match', 'assum', 'recogn', 'handl', 'look', 'compar']);
const PRODUCES = new Set(['write', 'wrote', 'send', 'sent', 'produc', 'emit', 'output', 'export', 'return', 'use', 'give', 'print', 'generat', 'suppli', 'label', 'format', 'store', 'save', 'record', 'enter', 'submit']);

/** Whether a clause states how something works, in the present tense (`the spring return holds the valve`). */
function mechanism(info: TextInfo, b: Range): boolean {
  const verb = finiteVerbOf(info.tokens, b);
  if (verb < 0) return false;
  const w = info.tokens[verb].lower;
  return /^(is|are|does|do|can|will)$/.test(w) || (/[^s]s$/.test(w) && !/ed$/.test(w) && !AUX_PAST.has(w));
}

const AUX_PAST = new Set(['was', 'has']);

/** Subjects that point back at the clause before (`whoever makes a change …`). */
const INDEFINITE = new Set(['whoever', 'whatever', 'anyone', 'everyone', 'someone', 'anybody', 'everybody', 'somebody']);

/** Verbs that meet a limit or lack something: with two objects, two causes. */
const FAULT_VERBS = new Set(['hit', 'exceeded', 'reached', 'lacked', 'missed', 'ignored', 'skipped', 'overran', 'exhausted', 'breached']);

/**
 * Two objects of one fault verb, said to coincide: `It hit the open-files limit and an API rate
 * quota at the same time`, `The job lacked both a timeout and a retry limit`.
 */
function simultaneous(answer: TextInfo): Verdict | undefined {
  const tokens = answer.tokens;
  const text = answer.text;
  const together = /\b(at the same time|simultaneously|at once|both)\b/i.test(text);
  if (!together) return undefined;
  for (const s of sentences(tokens, { from: answer.start, to: tokens.length })) {
    const verb = finiteVerbOf(tokens, s);
    if (verb < 0 || !FAULT_VERBS.has(tokens[verb].lower)) continue;
    const and = tokens.findIndex((t, i) => i > verb + 1 && i < s.to && t.lower === 'and');
    if (and < 0) continue;
    let objectStart = verb + 1;
    if (tokens[objectStart]?.lower === 'both') objectStart++;
    let end = s.to;
    for (let i = and + 1; i < s.to; i++) {
      if (tokens[i].lower === 'at' && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'same') end = Math.min(end, i);
      if (tokens[i].lower === 'simultaneously' || (tokens[i].lower === 'at' && tokens[i + 1]?.lower === 'once')) end = Math.min(end, i);
      if (tokens[i].kind === 'punct') end = Math.min(end, i);
    }
    // Compared word by word: two limits are two things (`the open-files limit`, `an API rate quota`).
    const words = (from: number, to: number): Set<string> => new Set(tokens.slice(from, to).filter((t) => t.kind !== 'punct' && !STOP_WORDS.has(t.lower)).map((t) => t.key));
    const first = words(objectStart, and);
    const second = words(and + 1, end);
    if (first.size === 0 || second.size === 0 || [...second].some((k) => first.has(k))) continue;
    // `read and write limits`: one noun phrase.
    if (first.size === 1 && !DETERMINERS.has(tokens[and + 1]?.lower ?? '')) continue;
    const say = (from: number, to: number): string => sliceOf(text, answer, from, to);
    const head = say(clauseStart(tokens, s), verb + 1);
    const parts = [asSentenceText(`${head} ${say(objectStart, and)}`), asSentenceText(`${head} ${say(and + 1, end)}`)];
    return {
      message: `This answer packs 2 independent causes: ${parts.map((p) => `“${p.replace(/[.!?]$/, '')}”`).join(' and ')}. Make them separate causes (a \`because:\` list), so each gets its own whys and actions.`,
      evidence: parts,
      parts,
    };
  }
  return undefined;
}

function asSentenceText(text: string): string {
  const out = text.trim().replace(/^because\s+(of\s+)?/i, '');
  return out.charAt(0).toUpperCase() + out.slice(1) + (/[.!?]$/.test(out) ? '' : '.');
}

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
