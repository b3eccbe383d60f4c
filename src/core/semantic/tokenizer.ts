/**
 * The sentence model's tokenizer: BERT's uncased basic tokenizer and WordPiece, as
 * `tokenizer.json` of all-MiniLM-L6-v2 describes them (BertNormalizer with lower-casing and
 * accent stripping, BertPreTokenizer, WordPiece with `##` continuations, `[CLS] … [SEP]`).
 * Pure code over the vocabulary; the adapter supplies the file's text.
 */

/** Token ids of one text, `[CLS]` first and `[SEP]` last. */
export type TokenIds = number[];

/** What a tokenizer.json must hold for us: a WordPiece vocabulary. */
interface TokenizerFile {
  readonly model?: { readonly type?: string; readonly vocab?: Record<string, number>; readonly unk_token?: string; readonly max_input_chars_per_word?: number; readonly continuing_subword_prefix?: string };
}

/** The longest text, in tokens with `[CLS]` and `[SEP]`, the model reads (its max_seq_length). */
export const MAX_TOKENS = 256;

const CJK: readonly (readonly [number, number])[] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b73f],
  [0x2b740, 0x2b81f],
  [0x2b820, 0x2ceaf],
  [0xf900, 0xfaff],
  [0x2f800, 0x2fa1f],
];

const isCjk = (code: number): boolean => CJK.some(([lo, hi]) => code >= lo && code <= hi);
const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || /\p{Zs}/u.test(ch);
/** Unicode "other" (control, format, unassigned, private use, surrogate), except the whitespace controls. */
const isControl = (ch: string): boolean => ch !== '\t' && ch !== '\n' && ch !== '\r' && /\p{C}/u.test(ch);
const isPunctuation = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) || /\p{P}/u.test(ch);
};

/** BERT's normaliser: drop control characters, whitespace to spaces, space around CJK, strip accents, lower-case. */
export function normalizeForBert(text: string): string {
  let cleaned = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0 || code === 0xfffd || isControl(ch)) continue;
    if (isWhitespace(ch)) cleaned += ' ';
    else if (isCjk(code)) cleaned += ` ${ch} `;
    else cleaned += ch;
  }
  return cleaned.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/** BERT's pre-tokenizer: split at whitespace, each punctuation character a word of its own. */
export function preTokenize(normalized: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const ch of normalized) {
    if (isWhitespace(ch)) {
      if (current) words.push(current);
      current = '';
    } else if (isPunctuation(ch)) {
      if (current) words.push(current);
      words.push(ch);
      current = '';
    } else current += ch;
  }
  if (current) words.push(current);
  return words;
}

/** WordPiece over a fixed vocabulary. */
export class WordPieceTokenizer {
  private readonly vocab: ReadonlyMap<string, number>;
  private readonly unk: number;
  private readonly cls: number;
  private readonly sep: number;
  private readonly prefix: string;
  private readonly maxWordChars: number;

  constructor(vocab: ReadonlyMap<string, number>, options: { unk?: string; prefix?: string; maxWordChars?: number } = {}) {
    this.vocab = vocab;
    const id = (token: string): number => {
      const found = vocab.get(token);
      if (found === undefined) throw new Error(`the tokenizer's vocabulary has no ${token}`);
      return found;
    };
    this.unk = id(options.unk ?? '[UNK]');
    this.cls = id('[CLS]');
    this.sep = id('[SEP]');
    this.prefix = options.prefix ?? '##';
    this.maxWordChars = options.maxWordChars ?? 100;
  }

  /** Reads a HuggingFace `tokenizer.json` with a WordPiece model. Throws a clear error on anything else. */
  static fromJson(text: string): WordPieceTokenizer {
    let file: TokenizerFile;
    try {
      file = JSON.parse(text) as TokenizerFile;
    } catch (error) {
      throw new Error(`tokenizer.json is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const model = file.model;
    if (!model || model.type !== 'WordPiece' || !model.vocab) throw new Error('tokenizer.json has no WordPiece vocabulary');
    return new WordPieceTokenizer(new Map(Object.entries(model.vocab)), {
      unk: model.unk_token,
      prefix: model.continuing_subword_prefix,
      maxWordChars: model.max_input_chars_per_word,
    });
  }

  /** The ids of one word: its longest known pieces left to right, or `[UNK]` when a piece is missing. */
  private word(word: string, out: number[]): void {
    const chars = [...word];
    if (chars.length > this.maxWordChars) {
      out.push(this.unk);
      return;
    }
    const pieces: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: number | undefined;
      while (start < end) {
        const piece = (start > 0 ? this.prefix : '') + chars.slice(start, end).join('');
        found = this.vocab.get(piece);
        if (found !== undefined) break;
        end--;
      }
      if (found === undefined) {
        out.push(this.unk);
        return;
      }
      pieces.push(found);
      start = end;
    }
    out.push(...pieces);
  }

  /** The ids of a text, `[CLS]` … `[SEP]`, cut to `maxTokens` in all. */
  encode(text: string, maxTokens = MAX_TOKENS): TokenIds {
    const ids: number[] = [this.cls];
    const limit = maxTokens - 1;
    for (const word of preTokenize(normalizeForBert(text))) {
      this.word(word, ids);
      if (ids.length >= limit) break;
    }
    if (ids.length > limit) ids.length = limit;
    ids.push(this.sep);
    return ids;
  }
}
