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

/** Called by VS Code once, on the first activation event. */
export function activate(context: vscode.ExtensionContext): void {
  const cache = new AnalysisCache();
  context.subscriptions.push(cache, new DiagnosticsPublisher(cache));
  const preview = registerPreview(context, cache);
  registerLanguageFeatures(context, cache);
  registerFixesAndHover(context, cache);
  registerRootLenses(context, cache, (document, path) => preview.showNode(document, path));
  registerNewAnalysisFromText(context);
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
