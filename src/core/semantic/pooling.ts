/**
 * From the transformer's token vectors to one sentence vector: the mean over the real tokens
 * (the attention mask), then scaled to length 1, as sentence-transformers' all-MiniLM-L6-v2
 * does (Pooling with mean tokens, then Normalize).
 */

/**
 * Mean-pools row `row` of a `[batch, tokens, dims]` tensor over the first `length` tokens (the
 * rest is padding) and L2-normalises it.
 */
export function meanPoolNormalized(hidden: Float32Array, row: number, tokens: number, dims: number, length: number): Float32Array {
  const out = new Float32Array(dims);
  const base = row * tokens * dims;
  for (let t = 0; t < length; t++) {
    const offset = base + t * dims;
    for (let d = 0; d < dims; d++) out[d] += hidden[offset + d];
  }
  let norm = 0;
  for (let d = 0; d < dims; d++) {
    out[d] /= Math.max(length, 1);
    norm += out[d] * out[d];
  }
  norm = Math.max(Math.sqrt(norm), 1e-12);
  for (let d = 0; d < dims; d++) out[d] /= norm;
  return out;
}

/** The cosine similarity of two unit vectors (their dot product). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot;
}
