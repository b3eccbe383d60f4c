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
