/** How long the thread's event loop is kept from running while work is done: the bench's measure of a host blocked. */

/** The longest gap between ticks of the thread's event loop while `work` runs (ms). */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  last = performance.now();
  await work();
  const now = performance.now();
  longest = Math.max(longest, now - last);
  clearInterval(ticker);
  return longest;
}

/**
 * {@link longestBlock}, and the longest garbage-collection pause of the thread meanwhile (V8's own
 * `gc` performance entries): a block that long may be the collector's, not the work's slices.
 */
export async function longestBlockAndPause(work: () => Promise<unknown>): Promise<{ block: number; gc: number }> {
  const { PerformanceObserver } = await import('node:perf_hooks');
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc = Math.max(gc, entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const block = await longestBlock(work);
  // The collector's entries are delivered in a later task.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { block, gc };
}
