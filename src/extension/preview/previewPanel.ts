import * as vscode from 'vscode';
import { countTreeNodes, nodeAtOffset, treeDiagram, type CheckResult, type TreeNode } from '../../core';
import type { Direction, FromWebview, PreviewNode, ToWebview, UpdateMessage } from '../../shared/previewProtocol';
import { PREVIEW_VIEW_TYPE } from '../../shared/previewProtocol';
import type { AnalysisCache } from '../analyses';
import { rangeOf } from '../analyses';
import { previewHtml, webviewOptions } from './html';

/** Delay after the last keystroke before the tree is redrawn (the first draw is immediate). */
export const UPDATE_DEBOUNCE_MS = 250;
/** Cursor moves are sent to the webview at most this often. */
const HIGHLIGHT_THROTTLE_MS = 50;
/** The default of `whys.preview.maxNodes`. */
export const DEFAULT_MAX_NODES = 500;

/** What the panel needs from its manager. */
export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  readonly cache: AnalysisCache;
  /** Called when the webview asks to save an SVG without a pending request. */
  saveSvg(document: vscode.TextDocument, svg: string): Promise<void>;
  onDidDispose(panel: PreviewPanel): void;
}

/**
 * One preview panel, bound to one document for its life. It sends the tree on open, a new one
 * after edits (debounced, a newer version overtakes an older), and the cursor's node; it
 * answers `reveal` by selecting the step in the editor.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHighlight: string | null | undefined;
  /** The last tree that parsed, kept while the YAML is broken. */
  private lastGood: Pick<UpdateMessage, 'source' | 'nodes' | 'nodeCount'> | undefined;
  /** The nodes of the tree at a document version, for reveal and highlight. */
  private nodesAt: { document: vscode.TextDocument; version: number; nodes: TreeNode[] } | undefined;
  private nextRequest = 1;
  private readonly svgRequests = new Map<number, (svg: string) => void>();
  private readonly renderWaiters: (() => void)[] = [];
  private disposed = false;
  /** The sequence number of the last update sent (monotonic, unlike document versions). */
  private sentVersion = 0;
  /** The sequence number the webview last reported as drawn. */
  private renderedVersion = 0;
  /** Updates waiting for a large document's check from the background worker. */
  private waiting = 0;

  static create(host: PanelHost, document: vscode.TextDocument, column: vscode.ViewColumn, preserveFocus: boolean): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, titleOf(document), { viewColumn: column, preserveFocus }, webviewOptions(host.extensionUri));
    return new PreviewPanel(host, panel, document, 'TD');
  }

  /** The document shown: replaced when VS Code closes and reopens it (the panel stays). */
  private doc: vscode.TextDocument;

  constructor(
    private readonly host: PanelHost,
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    direction: Direction,
  ) {
    this.doc = document;
    panel.title = titleOf(document);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'whys-file.svg');
    panel.webview.options = webviewOptions(host.extensionUri);
    // A large document's tree follows when its background check is in (never checked here).
    const ready = host.cache.peek(document);
    panel.webview.html = previewHtml(panel.webview, host.extensionUri, { uri: this.uri, direction, update: ready ? this.buildUpdate(ready) : undefined });
    if (!ready) this.updateNow();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== this.uri || event.contentChanges.length === 0) return;
        this.doc = event.document;
        this.scheduleUpdate();
      }),
      // Like Markdown's preview, the panel outlives the editor: it follows the document when
      // it is opened again (a new TextDocument object for the same URI).
      vscode.workspace.onDidOpenTextDocument((opened) => {
        if (opened.uri.toString() !== this.uri) return;
        this.doc = opened;
        this.scheduleUpdate(0);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('whys')) this.scheduleUpdate(0);
      }),
      // A later tier's findings (the model review) arrived: mark them in the tree.
      host.cache.onDidChange((uri) => {
        if (uri.toString() === this.uri) this.scheduleUpdate(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() !== this.uri) return;
        this.doc = event.textEditor.document;
        this.scheduleHighlight(event.textEditor);
      }),
    );
  }

  /** The document shown. */
  get document(): vscode.TextDocument {
    return this.doc;
  }

  /** The document's URI as a string: every message carries it. */
  get uri(): string {
    return this.doc.uri.toString();
  }

  /** Brings the panel to front. */
  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** Marks a node in the tree and scrolls it into view (the CodeLens of a root). */
  highlight(path: string): void {
    this.lastHighlight = path;
    void this.post({ type: 'highlight', uri: this.uri, path });
  }

  /** Resolves once the webview has drawn the document's current version (or after a timeout). */
  whenRendered(timeoutMs = 20_000): Promise<void> {
    if (this.renderedVersion >= this.sentVersion && !this.updateTimer && this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.renderWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Asks the webview for its SVG; resolves with '' when it has none or does not answer. */
  requestSvg(timeoutMs = 20_000): Promise<string> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.svgRequests.delete(requestId);
        resolve('');
      }, timeoutMs);
      this.svgRequests.set(requestId, (svg) => {
        clearTimeout(timer);
        resolve(svg);
      });
      void this.post({ type: 'requestSvg', uri: this.uri, requestId });
    });
  }

  /** The tree of the document from its check (parse and findings from the shared cache). */
  buildUpdate(result: CheckResult): UpdateMessage {
    const document = this.document;
    const base = { type: 'update' as const, uri: this.uri, version: ++this.sentVersion, title: fileName(document) };
    if (!result.parsed.wellFormed) {
      const syntax = result.findings.find((f) => f.rule === 'syntax') ?? result.parsed.problems[0];
      const line = syntax ? document.positionAt(syntax.span.start).line + 1 : 1;
      const problem = { message: (syntax?.message ?? 'The YAML does not parse').replace(/\.$/, ''), line };
      return { ...base, source: this.lastGood?.source ?? '', nodes: this.lastGood?.nodes ?? {}, nodeCount: this.lastGood?.nodeCount ?? 0, problem };
    }
    const analysis = result.parsed.analysis;
    const max = maxNodes(document);
    const count = countTreeNodes(analysis);
    if (count > max) {
      this.nodesAt = undefined;
      return { ...base, source: '', nodes: {}, nodeCount: count, tooLarge: { count, max } };
    }
    const diagram = treeDiagram(analysis, result.findings);
    this.nodesAt = { document, version: document.version, nodes: diagram.nodes };
    const nodes: Record<string, PreviewNode> = {};
    for (const node of diagram.nodes) {
      nodes[node.id] = { path: node.path, kind: node.kind, weak: node.weak, tooltip: node.tooltip, line: document.positionAt(node.focus.start).line };
    }
    this.lastGood = { source: diagram.source, nodes, nodeCount: diagram.nodes.length };
    return { ...base, ...this.lastGood };
  }

  /**
   * Sends the current tree: now for a small document, when the background worker's check is in
   * for a large one (an edit that overtakes it sends its own).
   */
  updateNow(): void {
    this.cancelUpdate();
    const document = this.document;
    const ready = this.host.cache.peek(document);
    if (ready) {
      void this.post(this.buildUpdate(ready));
      return;
    }
    const version = document.version;
    this.waiting++;
    void this.host.cache.result(document).then((result) => {
      this.waiting--;
      if (result && !this.disposed && this.document === document && document.version === version) void this.post(this.buildUpdate(result));
      else if (this.waiting === 0 && this.renderedVersion >= this.sentVersion && !this.updateTimer) for (const wake of this.renderWaiters.splice(0)) wake();
    });
  }

  private scheduleUpdate(delay = UPDATE_DEBOUNCE_MS): void {
    this.cancelUpdate();
    const version = this.document.version;
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      // Overtaken by a newer edit (which scheduled its own update), or closed.
      if (this.disposed || this.document.version !== version) return;
      this.updateNow();
    }, delay);
  }

  private cancelUpdate(): void {
    if (this.updateTimer) clearTimeout(this.updateTimer);
    this.updateTimer = undefined;
  }

  private scheduleHighlight(editor: vscode.TextEditor): void {
    if (this.highlightTimer) return;
    this.highlightTimer = setTimeout(() => {
      this.highlightTimer = undefined;
      if (this.disposed) return;
      const offset = this.document.offsetAt(editor.selection.active);
      const path = nodeAtOffset(this.currentNodes(), offset)?.path ?? null;
      if (path === this.lastHighlight) return;
      this.lastHighlight = path;
      void this.post({ type: 'highlight', uri: this.uri, path });
    }, HIGHLIGHT_THROTTLE_MS);
  }

  /**
   * The tree's nodes at the document's current version (from the cache when stale; while a large
   * document's check is not in, the last tree's).
   */
  private currentNodes(): TreeNode[] {
    if (this.nodesAt?.document === this.document && this.nodesAt.version === this.document.version) return this.nodesAt.nodes;
    const result = this.host.cache.peek(this.document);
    if (!result?.parsed.wellFormed) return this.nodesAt?.nodes ?? [];
    this.nodesAt = { document: this.document, version: this.document.version, nodes: treeDiagram(result.parsed.analysis, result.findings).nodes };
    return this.nodesAt.nodes;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = raw as FromWebview;
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
    // Messages about another document (a stale webview) are dropped.
    if (message.uri !== this.uri) return;
    switch (message.type) {
      case 'ready':
        this.updateNow();
        break;
      case 'reveal':
        if (typeof message.path === 'string') await this.revealPath(message.path);
        break;
      case 'rendered':
        if (typeof message.version === 'number') {
          this.renderedVersion = Math.max(this.renderedVersion, message.version);
          if (this.renderedVersion >= this.sentVersion) for (const wake of this.renderWaiters.splice(0)) wake();
        }
        break;
      case 'exportSvg': {
        if (typeof message.svg !== 'string') return;
        const waiting = message.requestId !== undefined ? this.svgRequests.get(message.requestId) : undefined;
        if (waiting && message.requestId !== undefined) {
          this.svgRequests.delete(message.requestId);
          waiting(message.svg);
        } else if (message.svg) {
          await this.host.saveSvg(this.document, message.svg);
        }
        break;
      }
      case 'copySource':
        if (typeof message.source === 'string') {
          try {
            await vscode.env.clipboard.writeText(message.source);
            void vscode.window.showInformationMessage(`Copied the Mermaid source of the why-tree (${message.source.split('\n').length} lines) to the clipboard.`);
          } catch (error) {
            void vscode.window.showErrorMessage(`Could not copy the Mermaid source to the clipboard: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        break;
      case 'renderError':
        console.warn(`[whys] the preview could not draw ${this.uri}: ${String(message.message)}`);
        break;
    }
  }

  /** Selects the node's `why` (or cause, or framing question) in an editor of the document. */
  async revealPath(path: string): Promise<void> {
    const node = this.currentNodes().find((n) => n.path === path);
    if (!node) return;
    const range = rangeOf(this.document, node.focus);
    // The cursor lands in this node: the webview already highlights it, so no echo is sent back.
    this.lastHighlight = path;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const target = this.document.isClosed ? await vscode.workspace.openTextDocument(this.document.uri) : this.document;
    this.doc = target;
    const editor = await vscode.window.showTextDocument(target, { viewColumn: column, preserveFocus: false });
    // The caret at the start of the question (the selection runs back from its end), so that the
    // editor keeps the start in view instead of scrolling sideways to a long line's end; then the
    // step's lines in view, and last the start of the question, which scrolls back left.
    editor.selection = new vscode.Selection(range.end, range.start);
    const step = rangeOf(this.document, node.span);
    const shown = step.end.line - step.start.line > 12 ? new vscode.Range(step.start, range.end) : step;
    editor.revealRange(shown, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.Default);
  }

  private async post(message: ToWebview): Promise<void> {
    if (this.disposed) return;
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away between the check and the post.
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelUpdate();
    if (this.highlightTimer) clearTimeout(this.highlightTimer);
    for (const resolve of this.svgRequests.values()) resolve('');
    this.svgRequests.clear();
    for (const wake of this.renderWaiters.splice(0)) wake();
    for (const d of this.disposables) d.dispose();
    this.host.onDidDispose(this);
    this.panel.dispose();
  }
}

/** `whys.preview.maxNodes` for a document. */
export function maxNodes(document: vscode.TextDocument): number {
  const value = vscode.workspace.getConfiguration('whys', document).get<number>('preview.maxNodes');
  return typeof value === 'number' && value > 0 ? Math.floor(value) : DEFAULT_MAX_NODES;
}

function fileName(document: vscode.TextDocument): string {
  const path = document.uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || 'analysis';
}

function titleOf(document: vscode.TextDocument): string {
  return `Why-tree: ${fileName(document)}`;
}
