/**
 * The why-tree preview's front end. The host sends `update` messages with Mermaid source and a
 * map of node ids to model paths; this draws them (newest first: a render overtaken by a newer
 * update is dropped), keeps the last good tree while the YAML is broken, and talks back through
 * `reveal`, `exportSvg` and `copySource`. User text only ever reaches the DOM as Mermaid's
 * sanitised SVG or through `textContent`.
 */
import type { Direction, FromWebview, PreviewBoot, PreviewNode, PreviewState, ToWebview, UpdateMessage } from '../src/shared/previewProtocol';
import { renderDiagram } from './diagram';
import { PanZoom, type View } from './panZoom';
import { currentTheme, watchTheme } from './theme';
import { setButtonLabel, toolbarButton, toolbarSeparator } from './toolkit';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const host = document.getElementById('whys-preview');
if (!host) throw new Error('whys preview: the page has no #whys-preview element');
const boot = JSON.parse(host.dataset.initial ?? '{}') as PreviewBoot;
const saved = vscode.getState();
const restored = saved && saved.uri === boot.uri ? saved : undefined;

const state = {
  uri: boot.uri,
  direction: (restored?.direction ?? boot.direction ?? 'TD') as Direction,
  /** The last update received. */
  update: undefined as UpdateMessage | undefined,
  /** What the canvas shows: source (with direction), theme and the update it came from. */
  painted: undefined as { source: string; theme: string; update: UpdateMessage } | undefined,
  highlighted: null as string | null,
  /** The path the user just clicked, and when: its echo from the editor is not scrolled to. */
  clicked: undefined as { path: string; at: number } | undefined,
  hasView: Boolean(restored?.zoom),
};

// ---- the page -----------------------------------------------------------------------------

const toolbar = element('div', 'toolbar');
toolbar.setAttribute('role', 'toolbar');
const status = element('span', 'status');
status.id = 'status';
const banner = element('div', 'banner');
banner.id = 'banner';
banner.setAttribute('role', 'alert');
banner.hidden = true;
const notice = element('div', 'notice');
notice.id = 'notice';
notice.hidden = true;
const viewport = element('div', 'viewport');
viewport.id = 'viewport';
const canvas = element('div', 'canvas');
canvas.id = 'canvas';
viewport.append(canvas);

const panZoom = new PanZoom(viewport, canvas, (view) => saveState(view));
if (restored?.zoom) panZoom.set(restored.zoom);

const directionButton = toolbarButton({ id: 'direction', label: '', title: '', secondary: true, onClick: () => toggleDirection() });
toolbar.append(
  toolbarButton({ id: 'zoom-in', label: '+', title: 'Zoom in (Ctrl+wheel)', onClick: () => panZoom.zoomBy(1.25) }),
  toolbarButton({ id: 'zoom-out', label: '−', title: 'Zoom out (Ctrl+wheel)', onClick: () => panZoom.zoomBy(0.8) }),
  toolbarButton({ id: 'zoom-fit', label: 'Fit', title: 'Fit the tree in the view', secondary: true, onClick: () => panZoom.fit() }),
  toolbarSeparator(),
  directionButton,
  toolbarSeparator(),
  toolbarButton({ id: 'export-svg', label: 'Export SVG', title: 'Save the tree as an SVG file', secondary: true, onClick: () => exportSvg() }),
  toolbarButton({ id: 'copy-source', label: 'Copy Mermaid', title: 'Copy the Mermaid source to the clipboard', secondary: true, onClick: () => copySource() }),
  status,
);
showDirection();
host.append(toolbar, banner, notice, viewport);

// ---- messages -----------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as ToWebview;
  if (!message || typeof message !== 'object' || message.uri !== state.uri) return;
  switch (message.type) {
    case 'update':
      onUpdate(message);
      break;
    case 'highlight':
      highlight(message.path, true);
      break;
    case 'requestSvg':
      post({ type: 'exportSvg', uri: state.uri, svg: svgText() ?? '', requestId: message.requestId });
      break;
  }
});

watchTheme(() => {
  if (state.update) schedule(state.update, true);
});

canvas.addEventListener('click', (event) => {
  if (panZoom.dragged) return;
  const node = nodeOf(event.target);
  if (node) revealNode(node);
});
canvas.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const node = nodeOf(event.target);
  if (node) {
    event.preventDefault();
    revealNode(node);
  }
});

if (boot.update) onUpdate(boot.update);
else showNotice('Loading the why-tree…');
post({ type: 'ready', uri: state.uri });

// ---- updates and rendering ----------------------------------------------------------------

function onUpdate(update: UpdateMessage): void {
  if (state.update && update.version < state.update.version) return;
  state.update = update;
  if (update.problem) {
    const kept = state.painted ? ' The preview shows the last tree that parsed.' : '';
    showBanner(`The YAML does not parse (line ${update.problem.line}): ${update.problem.message}.${kept}`);
  } else {
    showBanner(undefined);
  }
  if (update.tooLarge) {
    pending = undefined;
    state.painted = undefined;
    canvas.replaceChildren();
    showNotice(
      `This analysis has ${update.tooLarge.count} nodes; the preview draws at most ${update.tooLarge.max}. ` +
        'Raise the setting whys.preview.maxNodes, or split the analysis into several files.',
    );
    setStatus(`${update.tooLarge.count} nodes`);
    return;
  }
  if (!update.source) {
    if (!state.painted) showNotice(update.problem ? 'Nothing to draw until the YAML parses.' : 'Nothing to draw yet: add a problem and a root with its whys.');
    return;
  }
  schedule(update, false);
}

interface Job {
  readonly update: UpdateMessage;
  readonly source: string;
  readonly theme: string;
  readonly received: number;
  readonly refit: boolean;
}

let pending: Job | undefined;
let rendering = false;

/** Queues a render of an update; only the newest queued one is drawn. */
function schedule(update: UpdateMessage, force: boolean, refit = false): void {
  const source = withDirection(update.source, state.direction);
  const theme = currentTheme();
  const received = performance.now();
  if (!force && !refit && state.painted && state.painted.source === source && state.painted.theme === theme) {
    // The drawing would not change (an edit in a comment, say): refresh the node map only.
    state.painted = { source, theme, update };
    decorate(update.nodes);
    notifyRendered(update, received);
    return;
  }
  pending = { update, source, theme, received, refit };
  if (!rendering) void pump();
}

async function pump(): Promise<void> {
  rendering = true;
  try {
    while (pending) {
      // Let queued messages in first: of a burst of updates, only the newest is drawn.
      await yieldToEvents();
      const job = pending;
      if (!job) break;
      pending = undefined;
      let svg: SVGSVGElement;
      try {
        svg = await renderDiagram(job.source, job.theme as ReturnType<typeof currentTheme>);
      } catch (error) {
        if (pending) continue;
        const message = error instanceof Error ? error.message : String(error);
        showNotice(`The tree could not be drawn: ${message}`);
        post({ type: 'renderError', uri: state.uri, message });
        continue;
      }
      if (pending) continue; // overtaken by a newer update: drop this drawing
      paint(job, svg);
    }
  } finally {
    rendering = false;
  }
}

function paint(job: Job, svg: SVGSVGElement): void {
  const first = !state.painted;
  svg.classList.add('whys-tree');
  canvas.replaceChildren(svg);
  showNotice(undefined);
  state.painted = { source: job.source, theme: job.theme, update: job.update };
  decorate(job.update.nodes);
  if (job.refit || (first && !state.hasView)) {
    panZoom.fit();
    state.hasView = true;
  } else {
    panZoom.set(panZoom.view);
  }
  notifyRendered(job.update, job.received);
}

function notifyRendered(update: UpdateMessage, received: number): void {
  const weak = Object.values(update.nodes).filter((n) => n.weak).length;
  setStatus(`${update.nodeCount} nodes${weak ? ` · ${weak} flagged` : ''}`);
  post({ type: 'rendered', uri: state.uri, version: update.version, nodeCount: update.nodeCount, ms: performance.now() - received });
}

/** Adds tooltips, paths and keyboard focus to the nodes of the drawn tree. */
function decorate(nodes: Readonly<Record<string, PreviewNode>>): void {
  for (const g of canvas.querySelectorAll<SVGGElement>('g.node')) {
    const id = nodeIdOfElement(g);
    const info = id ? nodes[id] : undefined;
    g.querySelector(':scope > title.whys-tooltip')?.remove();
    if (!info) continue;
    g.dataset.path = info.path;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    if (info.tooltip) {
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.classList.add('whys-tooltip');
      title.textContent = info.tooltip;
      g.prepend(title);
    }
  }
  highlight(state.highlighted, false);
}

// ---- editor sync --------------------------------------------------------------------------

function revealNode(g: SVGGElement): void {
  const path = g.dataset.path;
  if (!path) return;
  state.clicked = { path, at: Date.now() };
  highlight(path, false);
  post({ type: 'reveal', uri: state.uri, path });
}

/** Marks the node of a path; `scroll` brings it into view unless the user just clicked it. */
function highlight(path: string | null, scroll: boolean): void {
  state.highlighted = path;
  for (const old of canvas.querySelectorAll('g.node.whys-highlight')) old.classList.remove('whys-highlight');
  if (!path) return;
  const g = [...canvas.querySelectorAll<SVGGElement>('g.node')].find((node) => node.dataset.path === path);
  if (!g) return;
  g.classList.add('whys-highlight');
  const echo = state.clicked && state.clicked.path === path && Date.now() - state.clicked.at < 1000;
  if (scroll && !echo) panZoom.reveal(g);
}

function nodeOf(target: EventTarget | null): SVGGElement | undefined {
  const el = target instanceof Element ? target.closest('g.node') : null;
  return el instanceof SVGGElement ? el : undefined;
}

/** Mermaid gives each node `data-id`; older versions only an id like `…flowchart-ID-3`. */
function nodeIdOfElement(g: SVGGElement): string | undefined {
  const dataId = g.getAttribute('data-id');
  if (dataId) return dataId;
  const match = /flowchart-(.+)-\d+$/.exec(g.id);
  return match?.[1];
}

// ---- toolbar ------------------------------------------------------------------------------

function toggleDirection(): void {
  state.direction = state.direction === 'TD' ? 'LR' : 'TD';
  showDirection();
  saveState(panZoom.view);
  if (state.update?.source && !state.update.tooLarge) schedule(state.update, true, true);
}

function showDirection(): void {
  if (state.direction === 'TD') setButtonLabel(directionButton, 'Top-down ↓', 'Direction: top-down (click for left-right)');
  else setButtonLabel(directionButton, 'Left-right →', 'Direction: left-right (click for top-down)');
  directionButton.dataset.direction = state.direction;
}

function svgText(): string | undefined {
  const svg = canvas.querySelector('svg');
  if (!svg) return undefined;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const g of copy.querySelectorAll('.whys-highlight')) g.classList.remove('whys-highlight');
  for (const g of copy.querySelectorAll('[tabindex]')) {
    g.removeAttribute('tabindex');
    g.removeAttribute('role');
  }
  copy.style.backgroundColor = getComputedStyle(document.body).backgroundColor;
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

function exportSvg(): void {
  const svg = svgText();
  if (svg) post({ type: 'exportSvg', uri: state.uri, svg });
}

function copySource(): void {
  if (state.update?.source) post({ type: 'copySource', uri: state.uri, source: withDirection(state.update.source, state.direction) });
}

// ---- helpers ------------------------------------------------------------------------------

/** Resolves after the events already queued (host messages) have been handled. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function withDirection(source: string, direction: Direction): string {
  return source.replace(/^flowchart (TD|LR)\b/, `flowchart ${direction}`);
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function saveState(view: View): void {
  vscode.setState({ uri: state.uri, direction: state.direction, zoom: { scale: view.scale, x: view.x, y: view.y } });
}

function showBanner(text: string | undefined): void {
  banner.hidden = text === undefined;
  banner.textContent = text ?? '';
}

function showNotice(text: string | undefined): void {
  notice.hidden = text === undefined;
  notice.textContent = text ?? '';
}

function setStatus(text: string): void {
  status.textContent = text;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}
