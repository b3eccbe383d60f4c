/**
 * Rewording for suggestions: a statement as a "Why …?" question ("The database ran out of
 * memory" → "Why did the database run out of memory?"), and a clause as a clean sentence.
 */
import { clauseStart, contentStart, contrastOf, coordinatedClauses, finiteVerbOf, sentences, trimmed, type Range } from './clauses';
import { DETERMINERS, GENERIC_NOUNS, PERSON_NOUNS, PRONOUNS, STOP_WORDS, SUBORDINATORS, SYSTEM_NOUNS } from './lexicon';
import { baseForm } from './stem';
import { sliceOf, tokenize, type Token, type Tokenized } from './tokens';

const INVERTIBLE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);

/** `had` as a main verb (`the team had no runbook`) takes `did … have`, not inversion. */
function invertsHad(tokens: readonly Token[], verb: number): boolean {
  const next = tokens[verb + 1];
  if (!next) return false;
  return next.lower === 'not' || next.lower === 'been' || next.lower === 'never' || /ed$|en$/.test(next.lower);
}

/** A statement turned into a "Why …?" question about it. */
export function toWhyQuestion(statement: string): string {
  const text = statement.trim();
  const tokenized = tokenize(text);
  const tokens = tokenized.tokens;
  const start = contentStart(tokens);
  const first = sentences(tokens, { from: start, to: tokens.length })[0];
  if (!first) return 'Why did this happen?';
  // Of an answer that packs several clauses, ask about the first.
  let range = trimmed(tokens, coordinatedClauses(tokens, trimmed(tokens, first))[0] ?? first);
  // `X, but Y`: ask about X.
  const contrast = contrastOf(tokens, range);
  if (contrast) range = trimmed(tokens, contrast.before);
  const body = (r: Range): string => (r.from < r.to ? sliceOf(text, tokenized, r.from, r.to) : '');
  const verb = finiteVerbOf(tokens, range);
  const from = clauseStart(tokens, range);
  // `The assignment being that long`, `Recovery taking 49 minutes`, `The dryer missing from …`.
  const subordinate = verb >= 0 && tokens.slice(from, verb).some((t) => SUBORDINATORS.has(t.lower));
  const gerund = tokens.findIndex((t, i) => i > from && i < range.to && (verb < 0 || (subordinate && i < verb)) && t.kind === 'word' && /^[a-z]{2,}ing$/.test(t.lower) && !/^(thing|nothing|something|anything|everything|morning|evening|ceiling|building|string|spring|ring|king|during)$/.test(t.lower));
  if (gerund > from) {
    let subjectEnd = gerund;
    const negation: string[] = [];
    while (subjectEnd > from + 1 && /^(not|never)$/.test(tokens[subjectEnd - 1].lower)) negation.unshift(tokens[--subjectEnd].lower);
    const subject = lowerFirst(body({ from, to: subjectEnd }), tokens[from]);
    const rest = body({ from: gerund + 1, to: range.to });
    const g = tokens[gerund].lower;
    const not = negation.length ? ` ${negation.join(' ')}` : '';
    if (g === 'being' || g === 'missing' || g === 'lacking' || g === 'failing' || g === 'running' && tokens[gerund + 1]?.lower === 'out') {
      const predicate = g === 'being' ? rest : `${g}${rest ? ` ${rest}` : ''}`;
      return `Why was ${subject}${not}${predicate ? ` ${predicate}` : ''}?`;
    }
    return `Why did ${subject}${not} ${baseOfGerund(g)}${rest ? ` ${rest}` : ''}?`;
  }
  if (verb < 0) {
    if (tokens[from]?.lower === 'no') return `Why was there ${lowerFirst(body({ from, to: range.to }), tokens[from])}?`;
    return `Why ${lowerFirst(body(range), tokens[range.from])}?`;
  }
  const subject = lowerFirst(body({ from, to: verb }), tokens[from]);
  const rest = body({ from: verb + 1, to: range.to });
  const v = tokens[verb];
  const tail = rest ? ` ${rest}` : '';
  if (INVERTIBLE.has(v.lower) && (v.lower !== 'had' && v.lower !== 'has' && v.lower !== 'have' ? true : invertsHad(tokens, verb))) {
    // Contractions (`didn't`) come apart: `Why did X not …?`
    const notPart = tokens[verb + 1]?.joined ? ' not' : '';
    const restAfter = notPart ? body({ from: verb + 2, to: range.to }) : rest;
    return `Why ${v.lower} ${subject}${notPart}${restAfter ? ` ${restAfter}` : ''}?`;
  }
  const past = v.lower !== baseForm(v.lower) || /ed$/.test(v.lower) || PAST_ONLY.has(v.lower);
  // `The metadata safety checks.`: a last word in -s after a noun compound is as likely a plural
  // noun as a verb; "Why does the metadata safety check?" would be wrong, so ask around the text.
  if (!past && !tail && /s$/.test(v.lower) && tokens.slice(from, verb).filter((t) => t.kind === 'word' && !DETERMINERS.has(t.lower)).length >= 2) {
    return `Why ${lowerFirst(body(range), tokens[range.from])}?`;
  }
  const base = baseOf(v.lower);
  return `Why ${past ? 'did' : /s$/.test(v.lower) ? 'does' : 'do'} ${subject} ${base}${tail}?`;
}

/** Forms that are past tense when they stand as a finite verb (`it set the limit to 0`). */
const PAST_ONLY = new Set(['set', 'put', 'cut', 'hit', 'let', 'shut', 'split', 'spread', 'read', 'cost', 'hurt', 'quit']);

/** Verbs whose base form itself ends in a doubled consonant that `-ed` and `-ing` keep. */
const DOUBLED_BASES = new Set(['add', 'err', 'odd', 'ebb', 'purr', 'butt', 'putt', 'inn', 'egg', 'buzz']);

/** The base form of an `-ing` word: `taking` → `take`, `revealing` → `reveal`, `stopping` → `stop`. */
export function baseOfGerund(word: string): string {
  const stem = word.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(stem) && !DOUBLED_BASES.has(stem)) return stem.slice(0, -1);
  return baseOf(stem + 'ed');
}

/** The base form of a finite verb: irregular table, then `-ied`, `-ed`, `-es`, `-s`. */
export function baseOf(verb: string): string {
  const irregular = baseForm(verb);
  if (irregular !== verb) return irregular;
  if (/ied$/.test(verb)) return verb.slice(0, -3) + 'y';
  if (/ed$/.test(verb)) {
    const stemmed = verb.slice(0, -2);
    // `stopped` → `stop`, but `added` → `add`, `erred` → `err`: bases that end doubled.
    if (/([bdgmnprt])\1$/.test(stemmed) && !DOUBLED_BASES.has(stemmed)) return stemmed.slice(0, -1);
    if (/(at|iz|is|us|iv|ur|ir|ov|uc|rg|dg|nc|rs|ps|ok|ak|um|bl|pl|tl|gl|kl|fl|ang|dul|[cvzu]|[^aeiou][aeiou][bdgkmnpt]|ar|as|os|ys)$/.test(stemmed) && !/(ook|eak|oak|ain|een|oon|eat|oat|ait|eal|ail|oil|ool|ear|our|ump|ount|ink|ank|ick|ack|ock|uck|ess|ash|ish|ush|ert|ort|art|ect|ict|uct|act|ept|ast|est|ist|ust|alt|elt|ilt|end|and|ond|und|ard|ord|ild|old|eld|orm|arm|urn|ern|orn|ail|eed|ead|ied|en|it|on|er)$/.test(stemmed)) {
      return stemmed + 'e';
    }
    return stemmed;
  }
  if (/(ss|sh|ch|x|z|o)es$/.test(verb)) return verb.slice(0, -2);
  if (/s$/.test(verb) && !/ss$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** Lower-cases the first word unless it is a name or an acronym (`IPC`, `Rapid Response`, `Sam`). */
function lowerFirst(text: string, first: Token | undefined): string {
  if (!text || !first) return text;
  const word = first.text;
  const lower = word.toLowerCase();
  const plain = /^[A-Z][a-z]*$/.test(word);
  const next = text.slice(word.length).trimStart();
  const nextIsName = /^[A-Z]/.test(next);
  // A capitalised word is a common word when the lexicons know it or it has a common noun's ending.
  const common = KNOWN.has(lower) || /(s|ing|ion|ment|ness|ity|er|or|ure|ance|ence|ics|age|ery)$/.test(lower);
  if (DETERMINERS.has(lower) || PRONOUNS.has(lower) || lower === 'there' || lower === 'no' || (plain && common && !nextIsName)) {
    return lower + text.slice(word.length);
  }
  return text;
}

const KNOWN = new Set([...STOP_WORDS, ...PERSON_NOUNS, ...SYSTEM_NOUNS, ...GENERIC_NOUNS, 'item', 'each', 'every', 'most', 'all', 'some', 'many', 'one', 'two', 'three', 'technician', 'staff', 'stock']);

/** A clause as a clean sentence: capital first letter, a full stop, no leading connective. */
export function asSentence(text: string, tokenized: Tokenized, range: Range): string {
  const r = trimmed(tokenized.tokens, range);
  if (r.from >= r.to) return '';
  let out = sliceOf(text, tokenized, r.from, r.to).trim();
  out = out.replace(/^because\s+(of\s+)?/i, '');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (!/[.!?]$/.test(out)) out += '.';
  return out;
}
