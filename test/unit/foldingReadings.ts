/** The two readings of folding the huge-root tests compare: the whole tree's, and the one in slices. */
import { foldingBlocksInSlices, foldingBlocksOf, LineIndex, parseAnalysis, type FoldingBlock } from '../../src/core';

/** Runs a generator to its end; its result and how many times it paused. */
export function drain<T>(work: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

/** The folding blocks read in parts of about `partChars` characters, one part per slice, with how many slices. */
export function sliced(text: string, partChars?: number): { blocks: FoldingBlock[]; pauses: number } {
  const parsed = parseAnalysis(text);
  const lines = new LineIndex(text);
  const { value, pauses } = drain(foldingBlocksInSlices(parsed, (offset) => lines.position(offset).line, 1, partChars));
  return { blocks: value, pauses };
}

/** The folding blocks of the whole tree's reading. */
export const whole = (text: string): FoldingBlock[] => foldingBlocksOf(text, parseAnalysis(text).comments);
