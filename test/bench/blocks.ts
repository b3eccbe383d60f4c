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
export async function longestBlockAndPause(work: () => Promise<unknown>): Promise<{ block: number; gc: number; gcKind: string }> {
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  let gc = 0;
  let gcKind = '';
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration <= gc) continue;
      gc = entry.duration;
      // A scavenge (minor: the young objects copied) or a mark-compact (major: the whole heap).
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      gcKind = kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'mark-compact' : kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL ? 'incremental marking' : 'weak callbacks';
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const block = await longestBlock(work);
  // The collector's entries are delivered in a later task.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { block, gc, gcKind };
}
