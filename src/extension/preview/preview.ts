/**
 * The why-tree preview: commands to open it (in place or to the side), to export the analysis
 * as a Markdown report or the tree as SVG, and the serializer that restores panels after a
 * window reload.
 */
import * as vscode from 'vscode';
import { toMarkdownReport } from '../../core';
import { PREVIEW_VIEW_TYPE, type PreviewState } from '../../shared/previewProtocol';
import type { AnalysisCache } from '../analyses';
import { isAnalysis } from '../config';
import { webviewOptions } from './html';
import { PreviewPanel, type PanelHost } from './previewPanel';

/** The command ids, as in package.json. */
export const PREVIEW_COMMANDS = {
  open: 'whys.openPreview',
  openToSide: 'whys.openPreviewToSide',
  exportMarkdown: 'whys.exportMarkdown',
  exportSvg: 'whys.exportSvg',
} as const;

/** Keeps one preview panel per document and runs the preview's commands. */
export class PreviewManager implements vscode.Disposable, PanelHost {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly cache: AnalysisCache,
  ) {}

  /** The panel showing a document, if any. */
  panelFor(uri: vscode.Uri): PreviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** Opens (or brings to front) the preview of a document. */
  async open(document: vscode.TextDocument, toSide: boolean): Promise<PreviewPanel> {
    const active = vscode.window.activeTextEditor;
    const column = toSide ? vscode.ViewColumn.Beside : (active?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = this.panelFor(document.uri);
    if (existing) {
      // Brought to front where it is, as Markdown's preview does; never moved.
      existing.reveal(existing.panel.viewColumn ?? column, toSide);
      return existing;
    }
    const panel = PreviewPanel.create(this, document, column, toSide);
    this.panels.set(document.uri.toString(), panel);
    return panel;
  }

  /** Opens the preview beside the document and brings a node (a root, a step) into view. */
  async showNode(document: vscode.TextDocument, path: string): Promise<void> {
    const panel = await this.open(document, true);
    await panel.whenRendered();
    panel.highlight(path);
  }

  /** Re-attaches a panel VS Code restored after a reload. */
  async restore(webviewPanel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      webviewPanel.dispose();
      return;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri));
    } catch {
      webviewPanel.dispose();
      return;
    }
    const key = document.uri.toString();
    if (this.panels.has(key)) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.extensionUri);
    const panel = new PreviewPanel(this, webviewPanel, document, state.direction === 'LR' ? 'LR' : 'TD');
    this.panels.set(key, panel);
  }

  /** Writes the Markdown report of a document, to `target` or where the user chooses. */
  async exportMarkdown(document: vscode.TextDocument, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const result = await this.cache.latest(document);
    if (!result) return undefined;
    const report = toMarkdownReport(result.parsed.analysis, result.findings);
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: siblingUri(document.uri, '.md'), filters: { Markdown: ['md'] }, title: 'Export the analysis as a Markdown report' }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report));
    if (!target) void offerToOpen(`Wrote the Markdown report to ${vscode.workspace.asRelativePath(uri)}.`, uri, 'markdown');
    return uri;
  }

  /** Renders the tree in the preview (opening it beside when needed) and saves it as SVG. */
  async exportSvg(document: vscode.TextDocument, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const panel = await this.open(document, true);
    await panel.whenRendered();
    const svg = await panel.requestSvg();
    if (!svg) {
      void vscode.window.showErrorMessage('The why-tree has not been drawn yet, so there is no SVG to export.');
      return undefined;
    }
    return this.writeSvg(document, svg, target);
  }

  /** Saves SVG text sent by the webview's toolbar. */
  async saveSvg(document: vscode.TextDocument, svg: string): Promise<void> {
    await this.writeSvg(document, svg);
  }

  private async writeSvg(document: vscode.TextDocument, svg: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: siblingUri(document.uri, '.svg'), filters: { SVG: ['svg'] }, title: 'Export the why-tree as SVG' }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
    if (!target) void offerToOpen(`Wrote the why-tree to ${vscode.workspace.asRelativePath(uri)}.`, uri, 'svg');
    return uri;
  }

  onDidDispose(panel: PreviewPanel): void {
    if (this.panels.get(panel.uri) === panel) this.panels.delete(panel.uri);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

/**
 * Says where an export went and offers to open it: the file itself (an SVG opens in VS Code's
 * image preview), the Markdown report's rendered preview, or the file in the OS's file manager.
 */
export async function offerToOpen(message: string, uri: vscode.Uri, kind: 'markdown' | 'svg'): Promise<void> {
  const open = 'Open';
  const preview = 'Open Preview';
  const choices = kind === 'markdown' ? [open, preview] : [open];
  const choice = await vscode.window.showInformationMessage(message, ...choices);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', uri);
  else if (choice === preview) await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** `crowdstrike.whys.yaml` → `crowdstrike.md` beside it. */
function siblingUri(uri: vscode.Uri, extension: string): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.whys\.ya?ml$|\.ya?ml$/i, '');
  return vscode.Uri.joinPath(uri, '..', (name || 'analysis') + extension);
}

/**
 * The document a command is about: the URI it was given (explorer, editor title), else the
 * active editor's, else the document of the active preview.
 */
async function targetDocument(manager: PreviewManager, arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor && isAnalysis(editor.document)) return editor.document;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (tab?.input instanceof vscode.TabInputWebview) {
    for (const document of vscode.workspace.textDocuments) if (manager.panelFor(document.uri)?.panel.active) return document;
  }
  if (editor) return editor.document;
  void vscode.window.showWarningMessage('Open a .whys.yaml file first.');
  return undefined;
}

/** Registers the preview's commands and serializer. Called once from `activate()`. */
export function registerPreview(context: vscode.ExtensionContext, cache: AnalysisCache): PreviewManager {
  const manager = new PreviewManager(context.extensionUri, cache);
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.open, async (uri?: unknown) => {
      const document = await targetDocument(manager, uri);
      if (document) await manager.open(document, false);
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openToSide, async (uri?: unknown) => {
      const document = await targetDocument(manager, uri);
      if (document) await manager.open(document, true);
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportMarkdown, async (uri?: unknown, target?: unknown) => {
      const document = await targetDocument(manager, uri);
      return document ? manager.exportMarkdown(document, target instanceof vscode.Uri ? target : undefined) : undefined;
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportSvg, async (uri?: unknown, target?: unknown) => {
      const document = await targetDocument(manager, uri);
      return document ? manager.exportSvg(document, target instanceof vscode.Uri ? target : undefined) : undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => manager.restore(panel, state as PreviewState | undefined),
    }),
  );
  return manager;
}
