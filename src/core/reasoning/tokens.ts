/**
 * Tokenising a question or answer: words, numbers and punctuation with their offsets in the
 * text, contractions expanded (`didn't` → `did` + `not`), possessives dropped (`sensor's` →
 * `sensor`), ordinals read as numbers (`21st` → `21`), hyphenated words split
 * (`out-of-bounds` → `out` `of` `bounds`) except after a prefix (`re-run`) or when both halves are small words (`always-on`).
 */
import { stem } from './stem';

/**
 * One token of a text: how its match reads, shared by every occurrence of the same word (a large
 * file holds a million tokens: none of them is an object of its own). Where it stands in its
 * text is kept apart, in `Tokenized.starts`.
 */
export interface Token {
  /** The token as written (for a contraction's `not`, the whole contraction). */
  readonly text: string;
  /** Lower case, contractions expanded. */
  readonly lower: string;
  /** The matching key: irregular base form then Porter stem; numbers as written. */
  readonly key: string;
  readonly kind: 'word' | 'number' | 'punct';
  /** Its length in the text (for a contraction's two tokens, the whole contraction's). */
  readonly length: number;
  /** The second token of a contraction (`not` of `didn't`): it stands where the one before it does. */
  readonly joined: boolean;
}

/** The tokens of a text, and where each starts in it: `starts[i]` is the offset of `tokens[i]`. */
export interface Tokenized {
  readonly tokens: readonly Token[];
  readonly starts: readonly number[];
}

/** The offset in its text after token `i`. */
export function endOf(tokenized: Tokenized, i: number): number {
  return tokenized.starts[i] + tokenized.tokens[i].length;
}

/** The words of tokens `[from, to)` as written in `text` (`from < to`). */
export function sliceOf(text: string, tokenized: Tokenized, from: number, to: number): string {
  const start = tokenized.starts[from];
  if (start === undefined) throw new RangeError(`no token ${from}`);
  return text.slice(start, endOf(tokenized, to - 1));
}

const TOKEN = /\d+(?:[.,]\d+)*(?:st|nd|rd|th|%|k|m|gb|mb|kb|tb|ms|s|h)?|(?:re|pre|co|non|un|over|under|mis|self|auto|multi|sub|post|de|cross)-[A-Za-z]+|(?:always|never|ever|all|any|one|so|too|well|far|most|more|less|just|once)-(?:on|off|in|out|up|down|over|back|away|through)\b(?!-)|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?|[.,;:!?()"“”—–]/gi;

/**
 * A compound of two small words (`always-on`, `one-off`) is one word: split, both halves are stop
 * words and the compound would vanish. It is matched as its closed form (`oneoff`). Compounds with a
 * word of substance (`walk-in`, `sign-on`) split as usual, so their halves still match.
 */
const PARTICLE_COMPOUND = /^(?:always|never|ever|all|any|one|so|too|well|far|most|more|less|just|once)-(?:on|off|in|out|up|down|over|back|away|through)$/;

/** A word with a hyphenated prefix (`re-analysed`, `non-wildcard`) is one word, matched by what follows the prefix. */
const PREFIXED = /^(?:re|pre|co|non|un|over|under|mis|self|auto|multi|sub|post|de|cross)-/i;

const CONTRACTIONS: Record<string, readonly [string, string]> = {
  "didn't": ['did', 'not'], "doesn't": ['does', 'not'], "don't": ['do', 'not'], "wasn't": ['was', 'not'],
  "weren't": ['were', 'not'], "isn't": ['is', 'not'], "aren't": ['are', 'not'], "hasn't": ['has', 'not'],
  "haven't": ['have', 'not'], "hadn't": ['had', 'not'], "couldn't": ['could', 'not'], "wouldn't": ['would', 'not'],
  "shouldn't": ['should', 'not'], "can't": ['can', 'not'], "cannot": ['can', 'not'], "won't": ['will', 'not'],
  "mustn't": ['must', 'not'], "it's": ['it', 'is'], "that's": ['that', 'is'], "there's": ['there', 'is'],
  "we'll": ['we', 'will'], "we're": ['we', 'are'], "we've": ['we', 'have'], "they're": ['they', 'are'],
  "let's": ['let', 'us'], "we'd": ['we', 'would'], "they'd": ['they', 'would'], "they'll": ['they', 'will'],
};

/**
 * The tokens each distinct match reads as (most words recur, so each is lowered, expanded and
 * stemmed once). Emptied past its limit.
 */
const shapes = new Map<string, readonly Token[]>();
const MAX_SHAPES = 50_000;

/** Splits a text into tokens. */
export function tokenize(text: string): { tokens: Token[]; starts: number[] } {
  // Gathered in arrays reused from text to text, then copied at their exact length: arrays that
  // grow by `push` keep room for more, and every text's tokens are kept (for re-checks).
  const tokens = scratchTokens;
  const starts = scratchStarts;
  tokens.length = 0;
  starts.length = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    // A number is its own token, made here: numbers seldom recur (case numbers, counts, times), and
    // caching each would fill the map of shapes and empty it, so that every word was stemmed again.
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      tokens.push(numberToken(raw));
      starts.push(start);
      continue;
    }
    let shape = shapes.get(raw);
    if (shape === undefined) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(raw, (shape = shapeOf(raw)));
    }
    for (let k = 0; k < shape.length; k++) {
      tokens.push(shape[k]);
      starts.push(start);
    }
  }
  return { tokens: tokens.slice(), starts: starts.slice() };
}

const scratchTokens: Token[] = [];
const scratchStarts: number[] = [];

/** The token of a number (`42`, `3.5`, `21st` read as `21`, `10GB` as `10gb`). */
function numberToken(raw: string): Token {
  const last = raw.charCodeAt(raw.length - 1);
  // Digits alone (the common case) have no suffix to drop and nothing to lower.
  const number = last >= 48 && last <= 57 ? raw : raw.replace(/(st|nd|rd|th)$/i, '').toLowerCase();
  return { text: raw, lower: number, key: number, kind: 'number', length: raw.length, joined: false };
}

/** The tokens one match of `TOKEN` reads as (a word or punctuation: numbers are made by `numberToken`). */
function shapeOf(raw: string): Token[] {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return [numberToken(raw)];
  if (!/[A-Za-z]/.test(raw[0])) return [{ text: raw, lower: raw, key: raw, kind: 'punct', length: raw.length, joined: false }];
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const contraction = CONTRACTIONS[lower];
  if (contraction) return [word(raw, contraction[0], raw.length, false), word(raw, contraction[1], raw.length, true)];
  const apostrophe = lower.indexOf("'");
  // Possessive or an unknown contraction: keep the word before the apostrophe.
  if (apostrophe > 0) return [word(raw.slice(0, apostrophe), lower.slice(0, apostrophe), apostrophe, false)];
  return [word(raw, lower, raw.length, false)];
}

function word(text: string, lower: string, length: number, joined: boolean): Token {
  const key = PREFIXED.test(lower) ? stem(lower.slice(lower.indexOf('-') + 1)) : PARTICLE_COMPOUND.test(lower) ? stem(lower.replace('-', '')) : stem(lower);
  return { text, lower, key, kind: 'word', length, joined };
}
