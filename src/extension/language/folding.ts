/** Folding by the YAML tree: every root, step, cause, chain and actions block; comment runs; regions. */
import * as vscode from 'vscode';
import { foldingBlocksInSlices, foldingBlocksOf, type FoldingBlock } from '../../core';
import type { AnalysisCache } from '../analyses';

/** Roots read in one slice of the host's thread on a large analysis (about 1 ms each). */
const ROOTS_PER_SLICE = 10;

/** Folding ranges from the core's reading of the tree and the comments. */
export class WhysFoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /**
   * A small document is read whole; a large one a root at a time, in slices that let the host's
   * thread run between them, where the background check's model puts its roots.
   */
  async provideFoldingRanges(document: vscode.TextDocument, _context?: vscode.FoldingContext, token?: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    let blocks: FoldingBlock[];
    if (!this.cache.inBackground(document)) {
      blocks = foldingBlocksOf(result.parsed.text, result.parsed.comments);
    } else {
      const version = document.version;
      const slices = foldingBlocksInSlices(result.parsed, (offset) => document.positionAt(offset).line, ROOTS_PER_SLICE);
      let step = slices.next();
      while (!step.done) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (token?.isCancellationRequested || document.version !== version) return [];
        step = slices.next();
      }
      blocks = step.value;
    }
    return blocks.map(
      (block) =>
        new vscode.FoldingRange(
          block.startLine,
          block.endLine,
          block.kind === 'comment' ? vscode.FoldingRangeKind.Comment : block.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined,
        ),
    );
  }
}
