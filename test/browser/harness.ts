/// <reference lib="dom.iterable" />
/**
 * Runs the real preview bundle (dist/webview.js) in headless Chromium, in the extension's own
 * page (`previewPage`: its CSP, the escaped `data-initial` attribute), with a fake `acquireVsCodeApi`
 * that records what the webview posts. Messages from the "host" are sent with
 * `window.postMessage`, as VS Code delivers them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LineIndex, checkText, countTreeNodes, treeDiagram, type CheckOptions } from '../../src/core';
import type { FromWebview, PreviewBoot, PreviewNode, UpdateMessage } from '../../src/shared/previewProtocol';
import { previewPage } from '../../src/extension/preview/page';

export const ROOT = join(__dirname, '..', '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const URI = 'file:///work/example.whys.yaml';

/** Reads a file of the repository. */
export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The update the host would send for a text (the same steps as PreviewPanel.buildUpdate). */
export function updateFor(text: string, version: number, options: { uri?: string; maxNodes?: number; check?: CheckOptions; lastGood?: UpdateMessage } = {}): UpdateMessage {
  const { parsed, findings } = checkText(text, options.check);
  const base = { type: 'update' as const, uri: options.uri ?? URI, version, title: 'example.whys.yaml' };
  const lines = new LineIndex(text);
  if (!parsed.wellFormed) {
    const syntax = findings.find((f) => f.rule === 'syntax');
    const problem = { message: syntax?.message ?? 'The YAML does not parse', line: lines.position(syntax?.span.start ?? 0).line + 1 };
    return { ...base, source: options.lastGood?.source ?? '', nodes: options.lastGood?.nodes ?? {}, nodeCount: options.lastGood?.nodeCount ?? 0, problem };
  }
  const count = countTreeNodes(parsed.analysis);
  const max = options.maxNodes ?? 500;
  if (count > max) return { ...base, source: '', nodes: {}, nodeCount: count, tooLarge: { count, max } };
  const diagram = treeDiagram(parsed.analysis, findings);
  const nodes: Record<string, PreviewNode> = {};
  for (const n of diagram.nodes) nodes[n.id] = { path: n.path, kind: n.kind, weak: n.weak, tooltip: n.tooltip, line: lines.position(n.focus.start).line };
  return { ...base, source: diagram.source, nodes, nodeCount: diagram.nodes.length };
}

/** A static server for dist/ and media/, plus the test pages. */
export class PreviewServer {
  private readonly pages = new Map<string, string>();
  private readonly files = new Map<string, string>();
  private server: Server | undefined;
  private counter = 0;
  origin = '';

  async start(): Promise<void> {
    if (!existsSync(join(ROOT, 'dist', 'webview.js'))) throw new Error('dist/webview.js is missing: run `node esbuild.mjs` first');
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const extra = this.files.get(url.pathname);
      if (extra) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(readFileSync(extra));
        return;
      }
      const page = this.pages.get(url.pathname);
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
      const allowed = /^\/(dist\/webview\.js|media\/preview\.css)$/.exec(url.pathname);
      if (!allowed) {
        res.writeHead(404);
        res.end();
        return;
      }
      const type = url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      res.end(readFileSync(join(ROOT, url.pathname)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Serves a script file of the repository (e.g. Mermaid's own bundle, for the benchmark). */
  serve(urlPath: string, file: string): void {
    this.files.set(urlPath, join(ROOT, file));
  }

  /** Adds a raw HTML page; returns its URL. */
  rawPage(html: string): string {
    const path = `/raw${++this.counter}.html`;
    this.pages.set(path, html);
    return this.origin + path;
  }

  /**
   * Adds a page for a boot and a theme; returns its URL. The page is the extension's own
   * (`previewPage`, with its CSP), with this server as the webview's origin; the test adds only
   * its recorder (a fake `acquireVsCodeApi`, under the page's nonce), the theme variables and
   * the body's theme class, as VS Code does.
   */
  page(boot: PreviewBoot, theme = 'vscode-light'): string {
    const nonce = `n${Date.now()}x${++this.counter}`;
    const real = previewPage({ cspSource: this.origin, nonce, scriptUri: `${this.origin}/dist/webview.js`, styleUri: `${this.origin}/media/preview.css`, boot });
    const recorder = `<style>:root { --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-editor-background: #ffffff; --vscode-foreground: #333333; }
body.vscode-dark { --vscode-editor-background: #1e1e1e; --vscode-foreground: #cccccc; }</style>
<script nonce="${nonce}">
  window.__messages = [];
  window.__cspViolations = [];
  window.__state = undefined;
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__messages.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
</script>
</head>`;
    if (!real.includes('</head>') || !real.includes('<body>')) throw new Error('previewPage no longer has </head> and <body>: update the harness');
    const html = real.replace('</head>', recorder).replace('<body>', `<body class="${theme}">`);
    const path = `/page${this.counter}.html`;
    this.pages.set(path, html);
    return this.origin + path;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Launches Debian's Chromium headless with the flags of REAL-VSCODE.md. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What the webview posted so far. */
export function messages(page: Page): Promise<FromWebview[]> {
  return page.evaluate(() => (window as unknown as { __messages: FromWebview[] }).__messages);
}

/** Waits until the webview reports a render of `version`, and returns that message. */
export async function waitRendered(page: Page, version: number, timeout = 30_000): Promise<Extract<FromWebview, { type: 'rendered' }>> {
  const handle = await page.waitForFunction(
    (v) => (window as unknown as { __messages: FromWebview[] }).__messages.find((m) => m.type === 'rendered' && m.version === v),
    version,
    { timeout, polling: 10 },
  );
  return (await handle.jsonValue()) as Extract<FromWebview, { type: 'rendered' }>;
}

/** Sends a message from the "host". */
export function send(page: Page, message: unknown): Promise<void> {
  return page.evaluate((m) => window.postMessage(m, '*'), message);
}

/** Opens a page showing a text (first render from `data-initial`) and waits for the SVG. */
export async function openPreview(browser: Browser, server: PreviewServer, text: string, theme = 'vscode-light', viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => {
    console.error('[page error]', error.message);
  });
  await page.goto(server.page({ uri: URI, direction: 'TD', update: updateFor(text, 1) }, theme));
  await waitRendered(page, 1);
  return page;
}
