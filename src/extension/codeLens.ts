/**
 * A CodeLens above each root: the depth of its longest chain, its findings and its actions (open
 * and done). Clicking it opens the preview beside the file with that root brought into view.
 * `whys.codeLens.enabled` turns it off.
 */
import * as vscode from 'vscode';
import { rootSummaries } from '../core';
import type { AnalysisCache } from './analyses';
import { LANGUAGE_ID } from './config';

/** The command a lens runs: open the preview at a root (`uri`, model path). */
export const SHOW_ROOT_COMMAND = 'whys.showRootInPreview';

/** Provides the lenses from the shared analysis cache; refreshed when diagnostics are. */
export class RootLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly cache: AnalysisCache) {}

  /** Asks VS Code for new lenses (a setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  /** Waits for a large document's check from the background worker; never checks it here. */
  async provideCodeLenses(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('whys', document).get<boolean>('codeLens.enabled', true)) return [];
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    const { parsed, findings } = result;
    return rootSummaries(parsed.analysis.roots, findings).map((summary) => {
      const start = document.positionAt(summary.root.headSpan.start);
      return new vscode.CodeLens(new vscode.Range(start, start), {
        title: summary.title,
        tooltip: 'Open the why-tree preview at this root',
        command: SHOW_ROOT_COMMAND,
        arguments: [document.uri.toString(), summary.root.path],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the lenses; `showRoot` opens the preview at a root of a document. */
export function registerRootLenses(context: vscode.ExtensionContext, cache: AnalysisCache, showRoot: (document: vscode.TextDocument, path: string) => Promise<void>): void {
  const provider = new RootLensProvider(cache);
  context.subscriptions.push(
    provider,
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, provider),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('whys')) provider.refresh();
    }),
    vscode.commands.registerCommand(SHOW_ROOT_COMMAND, async (uri: unknown, path: unknown) => {
      if (typeof uri !== 'string' || typeof path !== 'string') return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      await showRoot(document, path);
    }),
  );
}
