/**
 * Deterministic logistic regression for `npm run train`: full-batch gradient descent with Adam,
 * a fixed number of iterations, no randomness, rows in the order given. Pure (runs anywhere).
 */

/** One training row: dense features (already standardised), sparse term indices, label, weight. */
export interface TrainingRow {
  readonly dense: readonly number[];
  readonly terms: readonly number[];
  readonly label: 0 | 1;
  readonly weight: number;
}

export interface TrainingOptions {
  readonly iterations: number;
  readonly rate: number;
  /** L2 penalty on dense weights. */
  readonly l2: number;
  /** L2 penalty on term weights (stronger: there are many). */
  readonly l2Terms: number;
}

export interface TrainedModel {
  readonly dense: number[];
  readonly terms: number[];
  readonly bias: number;
}

/** Trains weights for `denseCount` dense features and `termCount` terms. */
export function trainLogistic(rows: readonly TrainingRow[], denseCount: number, termCount: number, options: TrainingOptions): TrainedModel {
  const n = denseCount + termCount + 1;
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const g = new Float64Array(n);
  const b1 = 0.9;
  const b2 = 0.999;
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0) || 1;
  const termScale = rows.map((r) => (r.terms.length ? 1 / Math.sqrt(r.terms.length) : 0));
  for (let it = 1; it <= options.iterations; it++) {
    g.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let z = w[n - 1];
      for (let i = 0; i < denseCount; i++) z += w[i] * row.dense[i];
      for (const t of row.terms) z += w[denseCount + t] * termScale[r];
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const e = ((p - row.label) * row.weight) / totalWeight;
      for (let i = 0; i < denseCount; i++) g[i] += e * row.dense[i];
      for (const t of row.terms) g[denseCount + t] += e * termScale[r];
      g[n - 1] += e;
    }
    for (let i = 0; i < denseCount; i++) g[i] += options.l2 * w[i];
    for (let i = denseCount; i < n - 1; i++) g[i] += options.l2Terms * w[i];
    for (let i = 0; i < n; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mh = m[i] / (1 - Math.pow(b1, it));
      const vh = v[i] / (1 - Math.pow(b2, it));
      w[i] -= (options.rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { dense: [...w.subarray(0, denseCount)], terms: [...w.subarray(denseCount, n - 1)], bias: w[n - 1] };
}
