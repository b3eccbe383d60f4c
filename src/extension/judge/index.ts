/**
 * The model review in VS Code (issue 10, SPEC §6), wired in one call: the review (command, run on
 * save, the findings layer, the cache in workspace storage) and its status bar item.
 */
import type * as vscode from 'vscode';
import type { AnalysisCache } from '../analyses';
import type { JudgedBy } from '../verdictHover';
import { ModelReview } from './modelReview';
import { ReviewStatusBar } from './statusBar';

/** What the extension exposes of the model review (the extension-host tests read it). */
export interface ModelReviewApi {
  /** The text of the model review's status bar item, when it is shown. */
  readonly judgeStatus: () => string | undefined;
  /** The file the model review's verdict cache is kept in. */
  readonly judgeCacheFile: () => vscode.Uri | undefined;
}

/** Registers the model review; it sends nothing unless `whys.judge.enabled` is on and it is asked to. */
export function registerModelReview(context: vscode.ExtensionContext, cache: AnalysisCache): { judgedBy: JudgedBy; api: ModelReviewApi } {
  const review = new ModelReview(context, cache);
  const status = new ReviewStatusBar(review);
  context.subscriptions.push(review, status);
  return {
    judgedBy: (document, stepPath) => review.judgedBy(document, stepPath),
    api: { judgeStatus: () => status.text, judgeCacheFile: () => review.store.file },
  };
}
