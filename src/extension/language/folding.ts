/** Folding by the YAML tree: every root, step, cause, chain and actions block; comment runs; regions. */
import * as vscode from 'vscode';
import { foldingBlocksOf } from '../../core';
import type { AnalysisCache } from '../analyses';

/** Folding ranges from the core's reading of the tree and the comments. */
export class WhysFoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /** Waits for a large document's comments from the background worker. */
  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const result = await this.cache.result(document);
    if (!result) return [];
    const { comments } = result.parsed;
    return foldingBlocksOf(document.getText(), comments).map(
      (block) =>
        new vscode.FoldingRange(
          block.startLine,
          block.endLine,
          block.kind === 'comment' ? vscode.FoldingRangeKind.Comment : block.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined,
        ),
    );
  }
}
