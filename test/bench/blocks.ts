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
