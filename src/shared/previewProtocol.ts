/**
 * The messages between the preview panel (extension host) and its webview. Both sides import
 * these as types only. Every message names the document it is about by URI; each side drops
 * messages about another document.
 */

/** Layout of the flowchart: top-down or left-right. */
export type Direction = 'TD' | 'LR';

/** What the webview needs to know about one node of the tree, keyed by Mermaid node id. */
export interface PreviewNode {
  /** Model path, e.g. `roots[0].whys[2]` (`problem` for the problem). */
  readonly path: string;
  /** 0-based line of the node's question (or cause, or framing question) in the document. */
  readonly line: number;
  readonly kind: 'problem' | 'root' | 'step' | 'cause';
  /** Whether a warning or error is about the node. */
  readonly weak: boolean;
  /** Findings about the node and its full text when shortened; empty when none. */
  readonly tooltip: string;
}

/** Why the tree shown is not the current text's: the YAML does not parse. */
export interface PreviewProblem {
  readonly message: string;
  /** 1-based line. */
  readonly line: number;
}

/** The tree of a document at one version. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly uri: string;
  /** The host's update sequence number (rises with every update); older updates are dropped. */
  readonly version: number;
  /** The document's file name, for the title and the export. */
  readonly title: string;
  /**
   * The Mermaid source, top-down; empty when there is no tree to draw (nothing parsed yet, or
   * too many nodes).
   */
  readonly source: string;
  readonly nodes: Readonly<Record<string, PreviewNode>>;
  readonly nodeCount: number;
  /** Set when the YAML is broken: the webview keeps its last good tree and shows a banner. */
  readonly problem?: PreviewProblem;
  /** Set when the tree has more nodes than `whys.preview.maxNodes`. */
  readonly tooLarge?: { readonly count: number; readonly max: number };
}

/** Highlight the node for a model path (the editor's cursor is in it), or none. */
export interface HighlightMessage {
  readonly type: 'highlight';
  readonly uri: string;
  readonly path: string | null;
}

/** The host asks for the rendered SVG (the `Whys: Export as SVG` command). */
export interface RequestSvgMessage {
  readonly type: 'requestSvg';
  readonly uri: string;
  readonly requestId: number;
}

/** Messages the host posts to the webview. */
export type ToWebview = UpdateMessage | HighlightMessage | RequestSvgMessage;

/** The webview is loaded and listening. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly uri: string;
}

/** The user clicked a node: reveal and select it in the editor. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly uri: string;
  readonly path: string;
}

/** Save this SVG (toolbar button, or the answer to `requestSvg`). */
export interface ExportSvgMessage {
  readonly type: 'exportSvg';
  readonly uri: string;
  readonly svg: string;
  /** Set when answering a `requestSvg`. */
  readonly requestId?: number;
}

/** Copy the Mermaid source (as shown, in the current direction) to the clipboard. */
export interface CopySourceMessage {
  readonly type: 'copySource';
  readonly uri: string;
  readonly source: string;
}

/** A tree finished rendering (for tests and the benchmark); `ms` from message to SVG. */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly uri: string;
  readonly version: number;
  readonly nodeCount: number;
  readonly ms: number;
}

/** Mermaid could not draw the source (a bug on our side): the webview shows it too. */
export interface RenderErrorMessage {
  readonly type: 'renderError';
  readonly uri: string;
  readonly message: string;
}

/** Messages the webview posts to the host. */
export type FromWebview = ReadyMessage | RevealMessage | ExportSvgMessage | CopySourceMessage | RenderedMessage | RenderErrorMessage;

/** What the webview keeps with `vscode.setState`, and the serializer restores from. */
export interface PreviewState {
  readonly uri: string;
  readonly direction: Direction;
  readonly zoom?: { readonly scale: number; readonly x: number; readonly y: number };
}

/** What the host puts in the page's `data-initial` attribute (escaped JSON). */
export interface PreviewBoot {
  readonly uri: string;
  readonly direction: Direction;
  /** The first tree, so the first render needs no round trip. */
  readonly update?: UpdateMessage;
}

/** The view type of the preview panel (also in package.json's activation event). */
export const PREVIEW_VIEW_TYPE = 'whys.preview';
