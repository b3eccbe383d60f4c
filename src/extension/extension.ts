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
import { registerRootLenses } from './codeLens';
import { registerNewAnalysisFromText } from './fromText';
import { registerModelReview, type ModelReviewApi } from './judge';

/** What the extension gives other extensions (the extension-host tests read the model review's state). */
export type WhysApi = ModelReviewApi;

/** Called by VS Code once, on the first activation event. */
export function activate(context: vscode.ExtensionContext): WhysApi {
  const cache = new AnalysisCache();
  context.subscriptions.push(cache, new DiagnosticsPublisher(cache));
  const preview = registerPreview(context, cache);
  registerLanguageFeatures(context, cache);
  // The opt-in model review (whys.judge.*): sends nothing unless enabled and asked for.
  const review = registerModelReview(context, cache);
  registerFixesAndHover(context, cache, review.judgedBy);
  registerRootLenses(context, cache, (document, path) => preview.showNode(document, path));
  registerNewAnalysisFromText(context);
  return review.api;
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
