/**
 * Work on the extension host's thread in slices (issue 12): no `vscode` import, so the bench
 * measures the same code the host runs.
 */

/** How long a slice of background-ish work may hold the host's thread before it yields. */
export const SLICE_MS = 10;

/**
 * A function to await between units of work: it yields the thread (a macrotask, so timers,
 * input and other extensions run) once the current slice has run for `ms`, and returns at once
 * before that.
 */
export function yieldEvery(ms: number = SLICE_MS): () => Promise<void> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < ms) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = Date.now();
  };
}

/**
 * Runs work written as a generator that yields between small units (e.g. `outlineInSlices`),
 * letting the thread run once a slice has held it for `ms`; the generator's result, or undefined
 * when `stop` says the work is no longer wanted (checked after each pause).
 */
export async function inSlices<T>(work: Generator<void, T, void>, stop?: () => boolean, ms: number = SLICE_MS): Promise<T | undefined> {
  let sliceStart = Date.now();
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    if (Date.now() - sliceStart < ms) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (stop?.()) return undefined;
    sliceStart = Date.now();
  }
}
