/**
 * The extension's entry point: wires the core to VS Code. Activated only by `whys` documents,
 * the extension's commands, or a preview panel to restore.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from './analyses';
import { BackgroundChecker } from './background';
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
export type WhysApi = ModelReviewApi & {
  /** How many checks of a large analysis ran on the extension host's thread (none while the worker runs them). */
  readonly largeChecksOnThread: () => number;
  /** How many messages the model of a document's last background check came in (by URI string), for the tests. */
  readonly modelMessages: (uri: string) => number | undefined;
};

/** Called by VS Code once, on the first activation event. */
export function activate(context: vscode.ExtensionContext): WhysApi {
  // The learned detectors' asset is read on first use, not here; their findings join when it is in.
  const learned = new LearnedAssets(context.extensionUri);
  // Large analyses are checked in a worker: every feature reads its results from the cache.
  const cache = new AnalysisCache(learned, backgroundChecker(context));
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
  return { ...review.api, largeChecksOnThread: () => cache.largeChecksOnThread, modelMessages: (uri) => cache.modelMessages(uri) };
}

/** The worker large documents are checked in: worker_threads in the Node host, a Web Worker on the web. */
function backgroundChecker(context: vscode.ExtensionContext): BackgroundChecker | undefined {
  const node = typeof process !== 'undefined' && !!process.versions?.node;
  if (node) {
    const checker = new BackgroundChecker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'checkWorker.js').fsPath);
    context.subscriptions.push(checker);
    return checker;
  }
  if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') return undefined;
  // The web host starts workers from http(s) and blob: URLs only (not from an extension served
  // by a remote, as code-server serves it): read the bundle and start it from a blob: URL.
  const script = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'checkWorker.js'))).then((bytes) =>
    URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })),
  );
  const checker = new BackgroundChecker(script);
  context.subscriptions.push(checker);
  return checker;
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
