/**
 * What a text talks about, as concepts: content words by their keys, with synonyms,
 * abbreviations and paraphrases folded into one concept (`config` = `configuration`,
 * `ran out of space` = `fill up`), and related concepts (part and whole, cause and measure)
 * known for matching. Extra synonym groups can be passed in (e.g. from a user's settings).
 */
import { GENERIC_NOUNS, RELATED_GROUPS, STOP_WORDS, SYNONYM_GROUPS } from './lexicon';
import { sliceOf, tokenize, type Token, type Tokenized } from './tokens';

/** A concept mentioned in a text, with the tokens that mention it. */
export interface Concept {
  /** The concept: a synonym group's name or the word's key. */
  readonly key: string;
  /** Token indices `[start, end)` of the mention. */
  readonly from: number;
  readonly to: number;
  /** A general noun (`system`, `issue`) that may stand for anything. */
  readonly generic: boolean;
  /** More than one word folded into one concept (`ran out of space`). */
  readonly phrase: boolean;
  /**
   * Letters, 5 bits each (`a` = 1 … `z` = 26, the first lowest; see `letters`), as a number so that
   * a concept needs no string of its own:
   *   - below 0: an acronym, the letters in lower case of an all-capitals word of 2–5 letters
   *     (`GC`, `SSO`), negated;
   *   - above 0: the initials of the run of up to 5 words starting at this concept
   *     (`garbage-collection job` → `gcj`); each of its prefixes of 2 letters or more (`gc`, `gcj`)
   *     is an acronym it may be spelled out as;
   *   - 0: neither (no second word follows).
   */
  readonly letters: number;
}

/** The synonym and relation tables, built once per set of extra groups. */
export interface Vocabulary {
  /** Phrase (word keys joined by spaces) → concept. */
  readonly phrases: ReadonlyMap<string, string>;
  readonly longestPhrase: number;
  /** Every proper prefix of a phrase (word keys joined by spaces), to stop matching early. */
  readonly prefixes: ReadonlySet<string>;
  /** Concept → ids of the related groups it belongs to. */
  readonly related: ReadonlyMap<string, readonly number[]>;
}

/** The word keys of a phrase; `#` stands for any number. */
function keysOf(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .flatMap((word) => (word === '#' ? ['#'] : tokenize(word).tokens.filter((t) => t.kind !== 'punct').map((t) => t.key)));
}

/**
 * Builds the vocabulary: the built-in groups plus `extraGroups` (each a list of words or
 * phrases meaning the same; the first names the group). Extra groups win over built-in ones.
 */
export function buildVocabulary(extraGroups: readonly (readonly string[])[] = []): Vocabulary {
  const phrases = new Map<string, string>();
  const prefixes = new Set<string>();
  let longestPhrase = 1;
  const add = (groups: readonly (readonly string[])[], override: boolean): void => {
    for (const group of groups) {
      if (group.length === 0) continue;
      const name = keysOf(group[0]).join(' ');
      for (const entry of group) {
        const keys = keysOf(entry);
        if (keys.length === 0) continue;
        const joined = keys.join(' ');
        if (override || !phrases.has(joined)) phrases.set(joined, name);
        for (let n = 1; n < keys.length; n++) prefixes.add(keys.slice(0, n).join(' '));
        longestPhrase = Math.max(longestPhrase, keys.length);
      }
    }
  };
  add(extraGroups, true);
  add(SYNONYM_GROUPS, false);
  const related = new Map<string, number[]>();
  RELATED_GROUPS.forEach((group, id) => {
    for (const entry of group) {
      const keys = keysOf(entry).join(' ');
      const concept = phrases.get(keys) ?? keys;
      const ids = related.get(concept) ?? [];
      if (!ids.includes(id)) ids.push(id);
      related.set(concept, ids);
    }
  });
  return { phrases, longestPhrase, prefixes, related };
}

let defaultVocabulary: Vocabulary | undefined;
let extra: readonly (readonly string[])[] = [];
const listeners: (() => void)[] = [];

/** The vocabulary in use: the built-in groups plus any configured ones, built on first use. */
export function vocabulary(): Vocabulary {
  return (defaultVocabulary ??= buildVocabulary(extra));
}

/**
 * Adds synonym groups to the vocabulary every rule uses (e.g. a team's own terms from a
 * setting: `[["pg", "postgres", "database"]]`), and drops every cached verdict.
 */
export function configureSynonyms(groups: readonly (readonly string[])[]): void {
  extra = groups.map((g) => [...g]);
  defaultVocabulary = undefined;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the vocabulary changes (the caches register here). */
export function onVocabularyChange(listener: () => void): void {
  listeners.push(listener);
}

/**
 * The concepts of tokens `[from, to)`, in order: phrases first (longest match), then single
 * content words. Stop words, punctuation and pronouns make no concept.
 */
export function conceptsOf(tokens: readonly Token[], from = 0, to = tokens.length, vocab: Vocabulary = vocabulary()): Concept[] {
  const out: Concept[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i];
    if (token.kind === 'punct') {
      i++;
      continue;
    }
    // The longest phrase starting here, growing word by word while some phrase starts so.
    let best = 0;
    let bestConcept = '';
    let joined = token.key;
    for (let n = 1; n <= vocab.longestPhrase && i + n <= to; n++) {
      if (n > 1) {
        const next = tokens[i + n - 1];
        if (next.kind === 'punct') break;
        joined += ' ' + (next.kind === 'number' ? '#' : next.key);
      }
      const concept = vocab.phrases.get(joined);
      // A single stop word is a concept only when a group names it on purpose (`down`).
      if (concept !== undefined && !(n === 1 && STOP_WORDS.has(token.lower) && concept !== token.key)) {
        best = n;
        bestConcept = concept;
      }
      if (!vocab.prefixes.has(joined)) break;
    }
    let matched = false;
    if (best > 0) {
      out.push(concept(bestConcept, i, i + best, best === 1 && GENERIC_NOUNS.has(token.lower), best > 1, tokens, to));
      i += best;
      matched = true;
    }
    if (matched) continue;
    if (!STOP_WORDS.has(token.lower) && (token.kind === 'number' || token.lower.length > 1)) {
      out.push(concept(token.key, i, i + 1, GENERIC_NOUNS.has(token.lower), false, tokens, to));
    }
    i++;
  }
  return out;
}

/** Whether a word is all capitals, 2–5 letters (`GC`, `SSO`): an acronym. */
function isAcronym(word: string): boolean {
  if (word.length < 2 || word.length > 5) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * A concept of tokens `[from, to)`, with its acronym (an all-capitals word of 2–5 letters) or the
 * initials of the runs of 2–5 words that start at it (hyphenated words count as separate words:
 * `single sign-on` → `sso`). Built as one object: this runs for every concept of every text.
 */
function concept(key: string, from: number, to: number, generic: boolean, phrase: boolean, tokens: readonly Token[], end: number): Concept {
  const first = tokens[from];
  const acronym = isAcronym(first.text);
  if (to - from === 1 && acronym) {
    let letters = 0;
    for (let i = first.lower.length - 1; i >= 0; i--) letters = letters * 32 + letter(first.lower, i);
    return { key, from, to, generic, phrase, letters: -letters };
  }
  if (first.kind !== 'word' || acronym) return { key, from, to, generic, phrase, letters: 0 };
  let initials = 0;
  let scale = 32;
  for (let k = from + 1; k < end && k < from + 5; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.joined) break;
    initials = (initials || letter(first.lower, 0)) + letter(t.lower, 0) * scale;
    scale *= 32;
  }
  return { key, from, to, generic, phrase, letters: initials };
}

/**
 * The letter at `i` of a word in lower case, 1–26 (`a`–`z`). A word token starts with a letter,
 * and an acronym is all letters: any other character reads as 27.
 */
function letter(word: string, i: number): number {
  const c = word.charCodeAt(i) - 96;
  return c >= 1 && c <= 26 ? c : 27;
}

/** How many letters a number of `Concept.letters` holds. */
function letterCount(letters: number): number {
  let n = 0;
  for (let rest = letters; rest > 0; rest = Math.floor(rest / 32)) n++;
  return n;
}

/** Whether `initials` spell out `acronym` (numbers of `Concept.letters`): it is one of their prefixes of 2 letters or more. */
function spells(initials: number, acronym: number): boolean {
  if (initials <= 0 || acronym <= 0) return false;
  const length = letterCount(acronym);
  return length >= 2 && length <= letterCount(initials) && initials % 32 ** length === acronym;
}

/** Whether one concept is an acronym the other spells out (`GC` and `garbage-collection job`). */
function spelledOut(x: Concept, y: Concept): boolean {
  return (x.letters < 0 && spells(y.letters, -x.letters)) || (y.letters < 0 && spells(x.letters, -y.letters));
}

/** Whether two concepts are the same or related (part and whole, cause and measure). */
export function related(a: string, b: string, vocab: Vocabulary = vocabulary()): boolean {
  if (a === b) return true;
  const ra = vocab.related.get(a);
  if (!ra) return false;
  const rb = vocab.related.get(b);
  if (!rb) return false;
  return ra.some((id) => rb.includes(id));
}

/** The concepts of `a` that `b` mentions too (same concept, or related when `loose`). */
export function shared(a: readonly Concept[], b: readonly Concept[], loose: boolean, vocab: Vocabulary = vocabulary()): Concept[] {
  return a.filter((x) => b.some((y) => x.key === y.key || spelledOut(x, y) || (loose && (related(x.key, y.key, vocab) || related(positive(x.key, vocab), positive(y.key, vocab), vocab) || sameFamily(x.key, y.key)))));
}

/**
 * Whether two keys are forms of one word family that the stemmer keeps apart: they differ only
 * in their last letter after a shared stem of at least four letters (`exclud`/`exclus` for
 * exclude/exclusion, `decid`/`decis`), or one is the other plus a derivational ending
 * (`shelf`/`shelv`, `rebal`/`rebalanc` for rebalances/rebalancing, where the stemmer strips
 * `-ance` from one form and not from the other).
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || !/^[a-z]+$/.test(a) || !/^[a-z]+$/.test(b)) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const shorter = Math.min(a.length, b.length);
  return common >= 4 && common >= shorter - 1 && Math.abs(a.length - b.length) <= 1 || (common >= 5 && common === shorter && /^(ion|ation|ment|er|or|ive|al|iti|ness|ing|ed|abl|anc|enc|ant|ent|at|iz)$/.test((a.length > b.length ? a : b).slice(common)));
}

/**
 * A key reduced to its root for loose matching: `unguarded` → `guard` (a thing and its absence
 * are about the same thing), `owner`/`ownership` → `own`, `reviewer` → `review`.
 */
function positive(key: string, vocab: Vocabulary): string {
  let root = key;
  if (root.length > 5 && root.startsWith('un')) root = root.slice(2);
  const m = /^(.{3,}?)(ership|ship|er|or|ment|ness)$/.exec(root);
  if (m && root.length > 5) root = m[1];
  return vocab.phrases.get(root) ?? root;
}

/** The words of tokens `[from, to)` as written in the text. */
export function surface(text: string, tokenized: Tokenized, from: number, to: number): string {
  if (from >= to) return '';
  return sliceOf(text, tokenized, from, to);
}
