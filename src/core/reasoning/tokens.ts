/**
 * Tokenising a question or answer: words, numbers and punctuation with their offsets in the
 * text, contractions expanded (`didn't` → `did` + `not`), possessives dropped (`sensor's` →
 * `sensor`), ordinals read as numbers (`21st` → `21`), hyphenated words split
 * (`out-of-bounds` → `out` `of` `bounds`) except after a prefix (`re-run`) or when both halves are small words (`always-on`).
 */
import { stem } from './stem';

/**
 * One token of a text: where it starts and how its match reads (shared by every occurrence of
 * the same word), two fields per token instead of six (a large file holds a million of them).
 */
export class Token {
  constructor(
    private readonly shape: Shape,
    /** Offset in the tokenised text. */
    readonly start: number,
  ) {}
  /** The token as written (for a contraction's `not`, the whole contraction). */
  get text(): string {
    return this.shape.text;
  }
  /** Lower case, contractions expanded. */
  get lower(): string {
    return this.shape.lower;
  }
  /** The matching key: irregular base form then Porter stem; numbers as written. */
  get key(): string {
    return this.shape.key;
  }
  get kind(): 'word' | 'number' | 'punct' {
    return this.shape.kind;
  }
  /** Offset in the tokenised text, after the token. */
  get end(): number {
    return this.start + this.shape.length;
  }
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

/** A token as read from one match of `TOKEN`, with its end relative to the match's start. */
interface Shape {
  readonly text: string;
  readonly lower: string;
  readonly key: string;
  readonly kind: Token['kind'];
  readonly length: number;
}

/**
 * The tokens each distinct match reads as (most words recur, so each is lowered, expanded and
 * stemmed once). Emptied past its limit.
 */
const shapes = new Map<string, readonly Shape[]>();
const MAX_SHAPES = 50_000;

/** Splits a text into tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    let shape = shapes.get(raw);
    if (shape === undefined) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(raw, (shape = shapeOf(raw)));
    }
    for (let k = 0; k < shape.length; k++) out.push(new Token(shape[k], start));
  }
  return out;
}

/** The tokens one match of `TOKEN` reads as. */
function shapeOf(raw: string): Shape[] {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const number = raw.replace(/(st|nd|rd|th)$/i, '').toLowerCase();
    return [{ text: raw, lower: number, key: number, kind: 'number', length: raw.length }];
  }
  if (!/[A-Za-z]/.test(raw[0])) return [{ text: raw, lower: raw, key: raw, kind: 'punct', length: raw.length }];
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const contraction = CONTRACTIONS[lower];
  if (contraction) return [word(raw, contraction[0], raw.length), word(raw, contraction[1], raw.length)];
  const apostrophe = lower.indexOf("'");
  // Possessive or an unknown contraction: keep the word before the apostrophe.
  if (apostrophe > 0) return [word(raw.slice(0, apostrophe), lower.slice(0, apostrophe), apostrophe)];
  return [word(raw, lower, raw.length)];
}

function word(text: string, lower: string, length: number): Shape {
  const key = PREFIXED.test(lower) ? stem(lower.slice(lower.indexOf('-') + 1)) : PARTICLE_COMPOUND.test(lower) ? stem(lower.replace('-', '')) : stem(lower);
  return { text, lower, key, kind: 'word', length };
}
