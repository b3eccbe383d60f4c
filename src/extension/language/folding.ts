/** Folding by the YAML tree: every root, step, cause, chain and actions block; comment runs; regions. */
import * as vscode from 'vscode';
import { foldingBlocksInSlices, foldingBlocksOf, type FoldingBlock } from '../../core';
import type { AnalysisCache } from '../analyses';
import { inSlices } from '../slices';

/** Folding ranges from the core's reading of the tree and the comments. */
export class WhysFoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /**
   * A small document is read whole; a large one a part at a time (a root, or a run of a huge
   * root's steps: see `foldingBlocksInSlices`), where the background check's model puts them, in
   * slices of about 10 ms that let the host's thread run between them.
   */
  async provideFoldingRanges(document: vscode.TextDocument, _context?: vscode.FoldingContext, token?: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    let blocks: FoldingBlock[];
    if (!this.cache.inBackground(document)) {
      blocks = foldingBlocksOf(result.parsed.text, result.parsed.comments);
    } else {
      const version = document.version;
      const read = await inSlices(foldingBlocksInSlices(result.parsed, (offset) => document.positionAt(offset).line, 1), () => !!token?.isCancellationRequested || document.version !== version);
      if (!read) return [];
      blocks = read;
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
