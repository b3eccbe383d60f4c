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
import { LearnedAssets } from './learned';
import { registerSemanticPass } from './semantic';

/** What the extension gives other extensions (the extension-host tests read the model review's state). */
export type WhysApi = ModelReviewApi;

/** Called by VS Code once, on the first activation event. */
export function activate(context: vscode.ExtensionContext): WhysApi {
  // The learned detectors' asset is read on first use, not here; their findings join when it is in.
  const learned = new LearnedAssets(context.extensionUri);
  const cache = new AnalysisCache(learned);
  const diagnostics = new DiagnosticsPublisher(cache);
  context.subscriptions.push(
    learned,
    cache,
    diagnostics,
    learned.onDidLoad(() => {
      cache.clear();
      diagnostics.refreshAll();
    }),
  );
  // The semantic pass (the sentence model) runs after each published check, off this thread.
  registerSemanticPass(context, diagnostics, cache);
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
