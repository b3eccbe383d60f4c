/**
 * The extension's entry point: wires the core to VS Code. Activated only by `whys` documents,
 * the extension's commands, or a preview panel to restore.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from './analyses';
import { DiagnosticsPublisher } from './diagnostics';
import { registerFixesAndHover } from './fixes';
import { registerPreview } from './preview/preview';
import { registerLanguageFeatures } from './language';
import { ModelReview } from './judge/modelReview';
import { ReviewStatusBar } from './judge/statusBar';

/** What the extension gives other extensions (the extension-host tests read the model review's state). */
export interface WhysApi {
  /** The text of the model review's status bar item, when it is shown. */
  readonly judgeStatus: () => string | undefined;
  /** The file the model review's verdict cache is kept in. */
  readonly judgeCacheFile: () => vscode.Uri | undefined;
}

/** Called by VS Code once, on the first activation event. */
export function activate(context: vscode.ExtensionContext): WhysApi {
  const cache = new AnalysisCache();
  context.subscriptions.push(cache, new DiagnosticsPublisher(cache));
  registerPreview(context, cache);
  registerLanguageFeatures(context, cache);
  // The opt-in model review (whys.judge.*): sends nothing unless enabled and asked for.
  const review = new ModelReview(context, cache);
  const status = new ReviewStatusBar(review);
  context.subscriptions.push(review, status);
  registerFixesAndHover(context, cache, (document, stepPath) => review.judgedBy(document, stepPath));
  return { judgeStatus: () => status.text, judgeCacheFile: () => review.store.file };
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
