/**
 * The sentence encoder: text → unit vector of 384 numbers. The core holds the tokenizer, the
 * pooling and the cache; the transformer itself runs behind `TransformerRunner`, which an
 * adapter implements with ONNX Runtime (so the core never loads a runtime or reads a file).
 */
import { meanPoolNormalized } from './pooling';
import { MAX_TOKENS, type WordPieceTokenizer } from './tokenizer';

/** Anything that turns sentences into unit vectors. */
export interface SentenceEncoder {
  /** One vector per text, in order; equal texts give the same (cached) vector. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * An encoder that embeds one call at a time, in the order the calls were made (a model session
 * runs one call at a time). Passes over several files can then run side by side and take turns a
 * slice at a time, so a small file's pass is not stuck behind the whole of a large one's.
 */
export function takingTurns(inner: SentenceEncoder): SentenceEncoder {
  let last: Promise<unknown> = Promise.resolve();
  return {
    embed(texts) {
      const result = last.then(() => inner.embed(texts));
      last = result.catch(() => undefined);
      return result;
    },
  };
}

/** A batch of token ids padded to one length, row-major `[batch, tokens]`. */
export interface TokenBatch {
  readonly batch: number;
  readonly tokens: number;
  readonly inputIds: BigInt64Array;
  readonly attentionMask: BigInt64Array;
  readonly tokenTypeIds: BigInt64Array;
}

/** Runs the transformer: token batch → `last_hidden_state`, `[batch, tokens, dims]`. */
export interface TransformerRunner {
  run(batch: TokenBatch): Promise<{ readonly hidden: Float32Array; readonly dims: number }>;
}

/** Most tokens (rows × padded length) sent to the transformer at once; texts go sorted by length, so padding stays small. */
const BATCH_TOKENS = 512;
/** Most vectors kept in the cache; the oldest go first. */
const CACHE_LIMIT = 20_000;

/** Pads token id lists to the longest of them. */
export function toBatch(ids: readonly (readonly number[])[]): TokenBatch {
  const tokens = Math.max(...ids.map((row) => row.length));
  const size = ids.length * tokens;
  const inputIds = new BigInt64Array(size);
  const attentionMask = new BigInt64Array(size);
  ids.forEach((row, r) => {
    row.forEach((id, t) => {
      inputIds[r * tokens + t] = BigInt(id);
      attentionMask[r * tokens + t] = 1n;
    });
  });
  return { batch: ids.length, tokens, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(size) };
}

/**
 * The encoder over a tokenizer and a transformer: texts are cached by their exact string,
 * the missing ones sorted by length and sent in small batches.
 */
export class CachedSentenceEncoder implements SentenceEncoder {
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    private readonly tokenizer: WordPieceTokenizer,
    private readonly runner: TransformerRunner,
  ) {}

  /** How many texts have a cached vector. */
  get cached(): number {
    return this.cache.size;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    const encoded = missing.map((text) => ({ text, ids: this.tokenizer.encode(text, MAX_TOKENS) })).sort((a, b) => a.ids.length - b.ids.length);
    for (let i = 0; i < encoded.length; ) {
      let end = i + 1;
      while (end < encoded.length && (end - i + 1) * encoded[end].ids.length <= BATCH_TOKENS) end++;
      const group = encoded.slice(i, end);
      i = end;
      const batch = toBatch(group.map((g) => g.ids));
      const { hidden, dims } = await this.runner.run(batch);
      group.forEach((g, row) => this.remember(g.text, meanPoolNormalized(hidden, row, batch.tokens, dims, g.ids.length)));
    }
    return texts.map((t) => this.cache.get(t)!);
  }

  private remember(text: string, vector: Float32Array): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(text, vector);
  }
}
