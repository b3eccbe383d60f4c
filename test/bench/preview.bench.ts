/**
 * `npm run bench:preview`: the why-tree preview's speed figures (printed; no assertions).
 *
 * - Node: Mermaid source for a 300-step analysis (target < 5 ms).
 * - Headless Chromium, the real webview bundle: edit → updated SVG for a ~50-node and a
 *   ~200-node tree (targets < 300 ms and < 1 s), and that time against a bare `mermaid.render`
 *   of the same source with the same settings (target within 1.2×).
 */
import type { Page } from 'playwright-core';
import { checkText, countTreeNodes, toMermaid } from '../../src/core';
import { PreviewServer, URI, launch, updateFor, waitRendered } from '../browser/harness';
import { generateAnalysis } from './generate';
import { MERMAID_CONFIG } from '../../webview/mermaidConfig';

const RUNS = 9;
const WARMUP = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

function line(label: string, value: string, target: string, ok: boolean): void {
  console.log(`${label.padEnd(58)} ${value.padStart(10)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'OVER'}`);
}

/** Mermaid source of a 300-step analysis, in Node. */
function benchSource(): void {
  const { parsed, findings } = checkText(generateAnalysis(300));
  for (let i = 0; i < 20; i++) toMermaid(parsed.analysis, findings);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    toMermaid(parsed.analysis, findings);
    times.push(performance.now() - start);
  }
  const nodes = countTreeNodes(parsed.analysis);
  const ms = median(times);
  line(`Mermaid source, 300 steps (${nodes} nodes), Node`, `${fmt(ms)} ms`, '< 5 ms', ms < 5);
}

/** Edit → updated SVG in the real webview, timed inside the page. */
async function previewUpdate(page: Page, text: string, steps: number): Promise<{ total: number; inWebview: number }> {
  await page.goto(server.page({ uri: URI, direction: 'TD', update: updateFor(text, 1) }));
  await waitRendered(page, 1, 120_000);
  const totals: number[] = [];
  const inside: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const version = i + 2;
    const edited = text.replace(`in case ${i % steps}?`, `in case ${i % steps}, edit ${i}?`);
    const update = updateFor(edited, version);
    const result = await page.evaluate(
      ({ message, version }) =>
        new Promise<{ total: number; ms: number }>((resolve) => {
          const w = window as unknown as { __messages: { type: string; version?: number; ms?: number }[] };
          const push = w.__messages.push.bind(w.__messages);
          const start = performance.now();
          w.__messages.push = (...items) => {
            for (const m of items) {
              if (m.type === 'rendered' && m.version === version) {
                w.__messages.push = push;
                resolve({ total: performance.now() - start, ms: m.ms ?? NaN });
              }
            }
            return push(...items);
          };
          window.postMessage(message, '*');
        }),
      { message: update, version },
    );
    if (i >= WARMUP) {
      totals.push(result.total);
      inside.push(result.ms);
    }
  }
  return { total: median(totals), inWebview: median(inside) };
}

/** A bare `mermaid.render` of the same source, with the preview's settings, in a plain page. */
async function bareRender(page: Page, source: string): Promise<number> {
  await page.goto(
    server.rawPage(`<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body class="vscode-light"><div id="out"></div><script src="/bench/mermaid.min.js"></script></body></html>`),
  );
  await page.waitForFunction(() => 'mermaid' in window);
  return page.evaluate(
    async ({ source, runs, warmup, config }) => {
      const mermaid = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
      mermaid.initialize({ ...config, theme: 'default' });
      const times: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const edited = source.replace('in case 0', `in case 0, edit ${i}`);
        const start = performance.now();
        const { svg } = await mermaid.render(`bare-${i}`, edited);
        document.getElementById('out')!.innerHTML = svg; // our own benchmark source, trusted
        if (i >= warmup) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1];
    },
    { source, runs: RUNS, warmup: WARMUP, config: MERMAID_CONFIG },
  );
}

const server = new PreviewServer();

async function main(): Promise<void> {
  console.log('whys preview benchmark (medians; edit → SVG excludes the host\'s 250 ms typing debounce)');
  benchSource();
  await server.start();
  server.serve('/bench/mermaid.min.js', 'node_modules/mermaid/dist/mermaid.min.js');
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    for (const [steps, limit] of [
      [44, 300],
      [181, 1000],
    ] as const) {
      const text = generateAnalysis(steps);
      const nodes = countTreeNodes(checkText(text).parsed.analysis);
      const { total, inWebview } = await previewUpdate(page, text, steps);
      const bare = await bareRender(page, updateFor(text, 1).source);
      line(`Chromium: edit → updated SVG, ${nodes} nodes`, `${fmt(total)} ms`, `< ${limit} ms`, total < limit);
      line(`  of which in the webview (message → painted)`, `${fmt(inWebview)} ms`, '', true);
      line(`  bare mermaid.render of the same source`, `${fmt(bare)} ms`, '', true);
      line(`  preview / bare`, `${(total / bare).toFixed(2)}×`, '≤ 1.2×', total / bare <= 1.2);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
