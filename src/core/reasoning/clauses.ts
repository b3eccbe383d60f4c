/**
 * A light clause grammar over tokens: where an answer's content starts (after "Because"),
 * sentences, the turn at a contrast ("…, but …"), the main clause before a relative or
 * subordinate clause, coordinated clauses ("…, and …"), and whether a stretch of words is a
 * clause (a subject, then a finite verb).
 */
import { AUXILIARIES, DETERMINERS, PREPOSITIONS, PRONOUNS, STOP_WORDS } from './lexicon';
import { stem } from './stem';
import type { Token } from './tokens';

/** Token indices `[from, to)`. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

const FINITE_AUXILIARIES = new Set([...AUXILIARIES].filter((w) => !['be', 'been', 'being', 'having'].includes(w)));

/** Irregular past-tense forms (finite verbs without an auxiliary). */
const PAST_FORMS = new Set(
  `ran went fell took made wrote built brought caught sent left lost broke forgot got held kept knew led meant met paid
  said saw sold spent stood struck taught thought told understood woke won wore ate began became came drove froze gave
  grew hid rose shook slid spun stuck threw fed fled fought found hung lay lit mistook overrode rebuilt rewrote overran
  undid withdrew bent blew bought chose dealt drew flew heard leapt lent rang sank sought shot shone slept spoke stole
  swore tore put set cut hit let shut split spread read cost hurt quit overlooked learnt burnt spelt spilt spoilt dreamt
  dwelt knelt`.split(/\s+/),
);

/** Common verbs whose `-s` form is a present-tense predicate (`the pump leaks`), by key (`handles` → `handl`). */
const PRESENT_VERBS = new Set(
  `fail leak crash run use need require allow lack miss contain include expect read write send return accept reject take
  make get skip ignore load start stop hold keep cause depend rely assume store call check exceed overflow break
  retry drop block wait time crash restart reboot trigger handle support match differ expose leave give show offer come
  treat cover`.split(/\s+/).map((w) => stem(w)),
);

/** Verbs after which `that` opens a complement, not a relative clause. */
const SAYING_VERBS = new Set(
  `said say says assumed assume assumes believed thought knew meant ensured ensure checked verified showed found noticed
  realised realized decided agreed expected expect expects reported stated claimed confirmed required requires so
  such given`.split(/\s+/),
);

/** Where an answer's content starts: after a leading "Because", "Because of", "It was because". */
export function contentStart(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i].kind === 'punct') i++;
  if (tokens[i]?.lower === 'because') {
    i++;
    if (tokens[i]?.lower === 'of') i++;
  }
  while (i < tokens.length && tokens[i].kind === 'punct') i++;
  return i;
}

/** Sentences of a range, split at `.`, `!`, `?`. */
export function sentences(tokens: readonly Token[], range: Range): Range[] {
  const out: Range[] = [];
  let from = range.from;
  for (let i = range.from; i < range.to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && (t.lower === '.' || t.lower === '!' || t.lower === '?')) {
      if (i > from) out.push({ from, to: i });
      from = i + 1;
    }
  }
  if (range.to > from) out.push({ from, to: range.to });
  return out;
}

/** A contrast inside a sentence: `X, but Y`, `X; however, Y`, `X, whereas Y`. */
export interface Contrast {
  readonly before: Range;
  readonly after: Range;
  readonly marker: Token;
}

/** The first contrast of a sentence, if any. */
export function contrastOf(tokens: readonly Token[], range: Range): Contrast | undefined {
  for (let i = range.from + 1; i < range.to - 1; i++) {
    const w = tokens[i].lower;
    if (w !== 'but' && w !== 'however' && w !== 'whereas' && w !== 'yet') continue;
    if (w === 'yet' && (tokens[i - 1].lower === 'not' || tokens[i + 1].kind === 'punct' || tokens[i - 1].kind !== 'punct')) continue;
    let after = i + 1;
    while (after < range.to && tokens[after].kind === 'punct') after++;
    let before = i;
    while (before > range.from && tokens[before - 1].kind === 'punct') before--;
    if (after >= range.to || before <= range.from) continue;
    return { before: { from: range.from, to: before }, after: { from: after, to: range.to }, marker: tokens[i] };
  }
  return undefined;
}

/**
 * The main clause of a range: the words up to the first relative or subordinate clause
 * (`which …`, `where …`, `a scenario that …`, `because …`, `so …`).
 */
export function mainClause(tokens: readonly Token[], range: Range): Range {
  for (let i = range.from + 1; i < range.to; i++) {
    const w = tokens[i].lower;
    const previous = tokens[i - 1];
    if (w === 'which' || w === 'where' || w === 'who' || w === 'whom' || w === 'whose' || w === 'because' || w === 'since' || w === 'although' || w === 'though' || w === 'unless') {
      return { from: range.from, to: trimEnd(tokens, range.from, i) };
    }
    if (w === 'so' && (previous.kind === 'punct' || tokens[i + 1]?.lower === 'that')) return { from: range.from, to: trimEnd(tokens, range.from, i) };
    if (w === 'that' && previous.kind === 'word' && !STOP_WORDS.has(previous.lower) && !SAYING_VERBS.has(previous.lower) && !isFiniteVerbAt(tokens, i - 1, range.from)) {
      return { from: range.from, to: trimEnd(tokens, range.from, i) };
    }
  }
  return range;
}

function trimEnd(tokens: readonly Token[], from: number, to: number): number {
  while (to > from && tokens[to - 1].kind === 'punct') to--;
  return to;
}

/** Whether the token at `i` is a finite verb (an auxiliary, a past form, a present `-s` form). */
export function isFiniteVerbAt(tokens: readonly Token[], i: number, from: number): boolean {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return false;
  const previous = i > from ? tokens[i - 1] : undefined;
  if (previous && (previous.lower === 'to' || DETERMINERS.has(previous.lower))) return false;
  if (FINITE_AUXILIARIES.has(t.lower)) return true;
  if (PAST_FORMS.has(t.lower)) return i > from;
  if (i === from) return false;
  if (/[a-z]{2,}ed$/.test(t.lower)) {
    // `the crashed host`: a participle right after a determiner or a preposition is an adjective.
    return !!previous && !PREPOSITIONS.has(previous.lower) && !AUXILIARIES.has(previous.lower);
  }
  if (/[a-z]{2,}s$/.test(t.lower) && PRESENT_VERBS.has(t.key)) return !!previous && !PREPOSITIONS.has(previous.lower);
  // `the checklist asks only for …`, `a lower threshold floods the log`: an `-s` word after a noun and
  // before an object's determiner is a present-tense verb (a plural noun is followed by its verb instead).
  if (/[a-z]{2,}[^su]s$/.test(t.lower) && previous && previous.kind === 'word' && !STOP_WORDS.has(previous.lower) && !/(s|ing)$/.test(previous.lower)) {
    const next = tokens[i + 1];
    return !!next && PRESENT_OBJECT_STARTS.has(next.lower);
  }
  return false;
}

/** Words that open a present-tense verb's object or complement (`asks only for`, `floods the log`). */
const PRESENT_OBJECT_STARTS = new Set(['the', 'a', 'an', 'only', 'no', 'its', 'their', 'every', 'just', 'nothing', 'whatever']);

/** The first finite verb of a clause-like range after at least one subject word, or -1. */
export function finiteVerbOf(tokens: readonly Token[], range: Range): number {
  const start = clauseStart(tokens, range);
  if (start >= range.to) return -1;
  const first = tokens[start];
  if (first.lower === 'to' || (PREPOSITIONS.has(first.lower) && first.lower !== 'no') || /ing$/.test(first.lower) && !DETERMINERS.has(first.lower) && start + 1 < range.to && DETERMINERS.has(tokens[start + 1].lower)) return -1;
  // A clause that opens with its verb has no subject of its own (`… and deleted whatever …`, `… and was never migrated`).
  if (FINITE_AUXILIARIES.has(first.lower) || PAST_FORMS.has(first.lower)) return -1;
  if (/[a-z]{2,}ed$/.test(first.lower) && start + 1 < range.to && VERB_FOLLOWERS.has(tokens[start + 1].lower)) return -1;
  let subjectWords = 0;
  for (let i = start; i < range.to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && t.lower !== ',') return -1;
    // A verb after `which`/`who` belongs to a relative clause, not to this one. The clause's own
    // verb may come after it (`the staff who usually cover peaks had not been trained`): an
    // auxiliary past the relative clause's verb.
    if (RELATIVES.has(t.lower)) return verbAfterRelative(tokens, i, range.to);
    // `The template type, introduced in February, defined …`: a participle between commas is an aside.
    const aside = tokens[i - 1]?.lower === ',' && (PAST_FORMS.has(t.lower) || /[a-z]{2,}ed$/.test(t.lower)) && PREPOSITIONS.has(tokens[i + 1]?.lower ?? '');
    if (i > start && subjectWords > 0 && !aside && isFiniteVerbAt(tokens, i, start)) return i;
    if (t.kind !== 'punct' && !ADVERBS.has(t.lower)) subjectWords++;
  }
  return -1;
}

/**
 * The finite auxiliary that follows a relative clause starting at `at` (`who usually cover peaks
 * had …`, `which it owns was …`), or -1: the relative clause must have a verb of its own first.
 */
function verbAfterRelative(tokens: readonly Token[], at: number, to: number): number {
  let own = false;
  for (let i = at + 1; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') return -1;
    if (!own) {
      if (isFiniteVerbAt(tokens, i, at + 1) || (i > at + 1 && /^[a-z]{2,}(s|ed)$/.test(t.lower) && !STOP_WORDS.has(t.lower))) own = true;
      continue;
    }
    if (FINITE_AUXILIARIES.has(t.lower) && !AUXILIARIES.has(tokens[i - 1].lower)) return i;
  }
  return -1;
}

/** Words that follow a verb, not a noun (`deleted whatever`, `relied on`, `installed by`). */
const VERB_FOLLOWERS = new Set(['it', 'them', 'him', 'her', 'whatever', 'whichever', 'everything', 'nothing', 'all', 'on', 'by', 'to', 'into', 'from', 'with', 'up', 'out', 'off', 'back', 'away', 'the', 'a', 'an', 'its', 'their', 'his', 'this', 'that', 'these', 'those', 'every', 'each', 'no']);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where']);
/** Adverbs that are never a clause's subject (`… and never compared it`). */
const ADVERBS = new Set(['never', 'not', 'also', 'then', 'still', 'just', 'only', 'always', 'often', 'later', 'soon', 'immediately', 'again', 'eventually', 'finally', 'quickly', 'silently', 'simply', 'even', 'already']);

/** Where a clause's words start, after connectives (`and`, `also`, `additionally`, commas). */
export function clauseStart(tokens: readonly Token[], range: Range): number {
  let i = range.from;
  while (i < range.to) {
    const w = tokens[i].lower;
    if (tokens[i].kind === 'punct' || CONNECTIVES.has(w)) i++;
    else if (w === 'in' && tokens[i + 1]?.lower === 'addition') i += 2;
    else if (w === 'on' && tokens[i + 1]?.lower === 'top' && tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'that') i += 4;
    else break;
  }
  return i;
}

const CONNECTIVES = new Set(['and', 'also', 'additionally', 'moreover', 'furthermore', 'plus', 'separately', 'besides', 'because', 'then']);

/**
 * Where the head of a clause's subject ends: before its finite verb `verb`, and before any
 * `of`/`on` phrase, relative clause or comma that qualifies it (`the alert on price age`, `the
 * tests that run on every merge`, `the replacement pack, on 14 weeks' lead time`).
 */
export function subjectHeadEnd(tokens: readonly Token[], range: Range, verb: number): number {
  const start = clauseStart(tokens, range);
  let end = start;
  while (end < verb && !(end > start && (PREPOSITIONS.has(tokens[end].lower) || RELATIVES.has(tokens[end].lower) || tokens[end].lower === ',' || tokens[end].lower === 'that'))) end++;
  return end;
}

/** Whether a range is a clause: a subject, then a finite verb. */
export function isClause(tokens: readonly Token[], range: Range): boolean {
  return finiteVerbOf(tokens, range) > 0;
}

/** Whether a clause's subject is a pronoun (`it …`, `they …`, `this meant …`): it leans on what came before. */
export function subjectIsPronoun(tokens: readonly Token[], range: Range): boolean {
  const start = clauseStart(tokens, range);
  const w = tokens[start]?.lower;
  // `its encoder cable …`, `their rota …`: a possessive before a noun of the clause's own.
  if (POSSESSIVES.has(w ?? '') && tokens[start + 1]?.kind === 'word' && !STOP_WORDS.has(tokens[start + 1].lower)) return false;
  return w !== undefined && w !== 'there' && (PRONOUNS.has(w) || w === 'we' || w === 'i' || w === 'you');
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** Words after `and` that make the second clause follow from the first, not stand beside it. */
const CONSEQUENCE = new Set(['then', 'so', 'therefore', 'thus', 'hence', 'consequently', 'later', 'eventually', 'finally', 'afterwards', 'subsequently', 'as', 'when', 'that', 'because', 'since']);

/** Sentence openers that add a separate cause (`Also, …`, `In addition, …`). */
const ADDITIVE_OPENERS = new Set(['also', 'additionally', 'moreover', 'furthermore', 'separately', 'besides']);

/**
 * The coordinated clauses of an answer: parts joined by `and`, `;`, `as well as`, `also`,
 * `plus`, or a new sentence opened by `Also,` / `In addition,`. Parts that are not clauses
 * stay with their neighbour (`read and write traffic`, `the validator and the sensor were …`).
 */
export function coordinatedClauses(tokens: readonly Token[], range: Range): Range[] {
  const cuts: number[] = [];
  for (let i = range.from + 1; i < range.to - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.lower === 'and' || t.lower === 'plus') {
      if (CONSEQUENCE.has(next.lower) || (next.lower === 'as' && tokens[i + 2]?.lower === 'a')) continue;
      cuts.push(i);
    } else if (t.lower === ';') {
      cuts.push(i);
    } else if (t.lower === 'as' && next.lower === 'well' && tokens[i + 2]?.lower === 'as') {
      cuts.push(i);
    } else if (t.lower === '.' || t.lower === '!') {
      const opener = tokens[clauseStartOfNext(tokens, i + 1, range.to)];
      if (opener && (ADDITIVE_OPENERS.has(opener.lower) || (opener.lower === 'in' && tokens[i + 2]?.lower === 'addition'))) cuts.push(i);
    } else if (t.lower === 'also' && tokens[i - 1].kind === 'punct') {
      cuts.push(i);
    }
  }
  // `A, B, and C`: a serial list of clauses is cut at its commas too. Parts that are no clause are
  // merged back below; so is an illustration (`DBL-SEA became DSV, for example`).
  const serial = cuts.find((c) => (tokens[c].lower === 'and' || tokens[c].lower === 'plus') && tokens[c - 1]?.lower === ',');
  if (serial !== undefined) {
    for (let i = range.from + 1; i < serial - 1; i++) if (tokens[i].lower === ',' && !cuts.includes(i)) cuts.push(i);
    cuts.sort((a, b) => a - b);
  }
  let parts: Range[] = [];
  let from = range.from;
  for (const cut of cuts) {
    if (cut > from) parts.push({ from, to: cut });
    from = cut;
  }
  if (range.to > from) parts.push({ from, to: range.to });
  // A part that is not a clause belongs to its neighbour.
  let merged = true;
  while (merged && parts.length > 1) {
    merged = false;
    for (let k = 0; k < parts.length; k++) {
      if (isClause(tokens, parts[k]) && !illustrates(tokens, parts[k])) continue;
      const target = k > 0 ? k - 1 : k + 1;
      const a = parts[Math.min(k, target)];
      const b = parts[Math.max(k, target)];
      parts = [...parts.slice(0, Math.min(k, target)), { from: a.from, to: b.to }, ...parts.slice(Math.max(k, target) + 1)];
      merged = true;
      break;
    }
  }
  return parts;
}

/** Whether a part gives an example of its neighbour (`for example`, `for instance`, `e.g.`). */
function illustrates(tokens: readonly Token[], range: Range): boolean {
  for (let i = range.from; i < range.to - 1; i++) {
    const w = tokens[i].lower;
    const next = tokens[i + 1].lower;
    if (w === 'for' && (next === 'example' || next === 'instance')) return true;
    if ((w === 'e' && next === '.') || w === 'eg' || w === 'ie') return true;
  }
  return false;
}

function clauseStartOfNext(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  while (i < to && tokens[i].kind === 'punct') i++;
  return i;
}

/** A range without leading connectives and trailing punctuation. */
export function trimmed(tokens: readonly Token[], range: Range): Range {
  let from = clauseStart(tokens, range);
  // `as well as` leaves `well as` after the cut word.
  if (tokens[from]?.lower === 'as' && tokens[from + 1]?.lower === 'well' && tokens[from + 2]?.lower === 'as') from += 3;
  return { from, to: trimEnd(tokens, from, range.to) };
}
