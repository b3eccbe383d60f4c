/// <reference lib="dom.iterable" />
/**
 * The preview's real bundle in a real Chromium: it draws each example, talks to the host with
 * the right messages, follows the theme, keeps the last good tree, and runs no script from a
 * hostile file.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkText, countTreeNodes } from '../../src/core';
import { PreviewServer, ROOT, URI, launch, messages, openPreview, read, send, updateFor, waitRendered } from './harness';

const EXAMPLES = readdirSync(join(ROOT, 'test', 'examples')).filter((f) => f.endsWith('.whys.yaml'));

describe('the preview webview in Chromium', () => {
  let browser: Browser;
  const server = new PreviewServer();

  before(async () => {
    await server.start();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  for (const file of EXAMPLES) {
    test(`draws ${file}: one SVG node per model node, each with its path`, async () => {
      const text = read(`test/examples/${file}`);
      const page = await openPreview(browser, server, text);
      const expected = countTreeNodes(checkText(text).parsed.analysis);
      const paths = await page.$$eval('#canvas svg g.node', (nodes) => nodes.map((n) => (n as SVGGElement).dataset.path));
      assert.equal(paths.length, expected);
      assert.ok(paths.every((p) => typeof p === 'string' && p.length > 0));
      const posted = await messages(page);
      assert.deepEqual(posted[0], { type: 'ready', uri: URI });
      assert.match(await page.textContent('#status') ?? '', new RegExp(`^${expected} nodes`));
      await page.close();
    });
  }

  test('clicking a node posts reveal with its path; a drag does not', async () => {
    const page = await openPreview(browser, server, read('test/examples/crowdstrike.whys.yaml'));
    await page.click('#canvas g.node[data-path="roots[0].whys[2].because[1]"]');
    let posted = await messages(page);
    assert.deepEqual(posted.filter((m) => m.type === 'reveal'), [{ type: 'reveal', uri: URI, path: 'roots[0].whys[2].because[1]' }]);
    assert.equal(await page.getAttribute('#canvas g.node[data-path="roots[0].whys[2].because[1]"]', 'class').then((c) => c?.includes('whys-highlight')), true);
    // A drag that starts on a node pans, it does not reveal.
    const box = (await page.locator('#canvas g.node[data-path="roots[1].whys[0]"]').boundingBox())!;
    const before = await page.evaluate(() => document.getElementById('canvas')!.style.transform);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    posted = await messages(page);
    assert.equal(posted.filter((m) => m.type === 'reveal').length, 1);
    assert.notEqual(await page.evaluate(() => document.getElementById('canvas')!.style.transform), before);
    await page.close();
  });

  test('a highlight message marks the node and scrolls it into view', async () => {
    const page = await openPreview(browser, server, read('test/examples/crowdstrike.whys.yaml'), 'vscode-light', { width: 500, height: 400 });
    // Zoom in so that most nodes are out of view.
    for (let i = 0; i < 6; i++) await page.click('#zoom-in');
    const path = 'roots[3].whys[1]';
    await send(page, { type: 'highlight', uri: URI, path });
    const node = page.locator(`#canvas g.node[data-path="${path}"]`);
    await page.waitForFunction((p) => document.querySelector(`#canvas g.node[data-path="${p}"]`)?.classList.contains('whys-highlight'), path);
    const box = (await node.boundingBox())!;
    const view = (await page.locator('#viewport').boundingBox())!;
    assert.ok(box.x + box.width / 2 > view.x && box.x + box.width / 2 < view.x + view.width, 'centred horizontally');
    assert.ok(box.y + box.height / 2 > view.y && box.y + box.height / 2 < view.y + view.height, 'centred vertically');
    assert.equal(await page.locator('#canvas g.node.whys-highlight').count(), 1);
    // A highlight for another document is ignored; null clears.
    await send(page, { type: 'highlight', uri: 'file:///other.whys.yaml', path: 'roots[0]' });
    await send(page, { type: 'highlight', uri: URI, path: null });
    await page.waitForFunction(() => document.querySelectorAll('#canvas g.node.whys-highlight').length === 0);
    assert.equal((await messages(page)).filter((m) => m.type === 'reveal').length, 0, 'no echo back to the host');
    await page.close();
  });

  test('follows the theme: dark and high contrast re-render with other colours', async () => {
    const page = await openPreview(browser, server, read('test/examples/database-memory.whys.yaml'));
    const fill = (): Promise<string> => page.$eval('#canvas g.node[data-path="roots[0].whys[0]"] rect, #canvas g.node[data-path="roots[0].whys[0]"] path', (el) => getComputedStyle(el).fill);
    const light = await fill();
    const renders = async (): Promise<number> => (await messages(page)).filter((m) => m.type === 'rendered').length;
    const count = await renders();
    await page.evaluate(() => document.body.setAttribute('class', 'vscode-dark'));
    await page.waitForFunction((n) => (window as unknown as { __messages: { type: string }[] }).__messages.filter((m) => m.type === 'rendered').length > n, count);
    const dark = await fill();
    assert.notEqual(dark, light);
    await page.evaluate(() => document.body.setAttribute('class', 'vscode-high-contrast'));
    await page.waitForFunction((n) => (window as unknown as { __messages: { type: string }[] }).__messages.filter((m) => m.type === 'rendered').length > n + 1, count);
    assert.equal(await fill(), 'rgb(0, 0, 0)');
    await page.close();
  });

  test('hostile labels render as text: no script runs, no CSP violation, nothing escapes its node', async () => {
    const text = read('test/fixtures/hostile.whys.yaml');
    const page = await openPreview(browser, server, text);
    // Hover and click every node: event handlers in labels would fire now.
    for (const node of await page.locator('#canvas g.node').all()) {
      await node.hover();
      await node.click();
    }
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), []);
    assert.equal(await page.locator('#canvas g.node').count(), countTreeNodes(checkText(text).parsed.analysis));
    assert.equal(await page.locator('#canvas script, #canvas iframe, #canvas img, #canvas a, #canvas style:not(svg > style), #canvas math').count(), 0);
    const handlers = await page.$$eval('#canvas *', (els) => els.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)));
    assert.deepEqual(handlers, []);
    const shown = await page.textContent('#canvas');
    assert.ok(shown?.includes(`<img src=x onerror="window.__pwned='img'">`), 'the img tag is shown as text');
    assert.ok(shown?.includes('%%{init:'), 'the directive is shown as text');
    assert.ok(shown?.includes('click r0_w0 call window.alert(1)'), 'the click line is shown as text');
    assert.ok(shown?.includes('&amp; &lt;b&gt; #quot;'), 'entities are shown as written');
    // The injected node and class did not come into being.
    assert.equal(await page.locator('#canvas g.node[data-id="evil"], #canvas g.node.evil').count(), 0);
    // Tooltips are SVG <title> elements with the full text.
    const long = await page.$eval('#canvas g.node[data-path="roots[0].whys[2]"] > title', (t) => t.textContent ?? '');
    assert.ok(long.length > 10_000);
    await page.close();
  });

  test('broken YAML keeps the last good tree with a banner; the fix removes it', async () => {
    const good = read('test/examples/database-memory.whys.yaml');
    const page = await openPreview(browser, server, good);
    const first = updateFor(good, 1);
    const broken = good.replace('roots:', 'roots: [');
    const update = updateFor(broken, 2, { lastGood: first });
    assert.ok(update.problem);
    await send(page, update);
    await waitRendered(page, 2);
    const banner = await page.textContent('#banner');
    assert.match(banner ?? '', new RegExp(`does not parse \\(line ${update.problem!.line}\\)`));
    assert.match(banner ?? '', /last tree that parsed/);
    assert.equal(await page.isVisible('#banner'), true);
    assert.equal(await page.locator('#canvas g.node').count(), first.nodeCount);
    await send(page, updateFor(good.replace('Why did the system go down?', 'Why did the whole system go down?'), 3));
    await waitRendered(page, 3);
    assert.equal(await page.isVisible('#banner'), false);
    assert.match((await page.textContent('#canvas')) ?? '', /Why did the whole system go down\?/);
    await page.close();
  });

  test('a burst of updates: the newest wins and overtaken renders are dropped', async () => {
    const text = read('test/examples/crowdstrike.whys.yaml');
    const page = await openPreview(browser, server, text);
    const updates = [2, 3, 4, 5].map((v) => updateFor(text.replace('Why did the hosts crash?', `Why did the hosts crash (edit ${v})?`), v));
    await page.evaluate((list) => list.forEach((m) => window.postMessage(m, '*')), updates);
    await waitRendered(page, 5);
    await page.waitForTimeout(300);
    const rendered = (await messages(page)).filter((m) => m.type === 'rendered').map((m) => (m as { version: number }).version);
    assert.equal(rendered[rendered.length - 1], 5);
    assert.ok(rendered.length < 5, `rendered versions: ${rendered.join(', ')}`);
    assert.match((await page.textContent('#canvas')) ?? '', /edit 5/);
    // An update older than what is shown is ignored.
    await send(page, updateFor(text, 4));
    await page.waitForTimeout(200);
    assert.match((await page.textContent('#canvas')) ?? '', /edit 5/);
    await page.close();
  });

  test('past the node cap, a clear message instead of a tree', async () => {
    const text = read('test/examples/crowdstrike.whys.yaml');
    const page = await openPreview(browser, server, text);
    await send(page, updateFor(text, 2, { maxNodes: 5 }));
    await page.waitForSelector('#notice:not([hidden])');
    const count = countTreeNodes(checkText(text).parsed.analysis);
    assert.match((await page.textContent('#notice')) ?? '', new RegExp(`has ${count} nodes; the preview draws at most 5\\. Raise the setting whys\\.preview\\.maxNodes`));
    assert.equal(await page.locator('#canvas svg').count(), 0);
    await page.close();
  });

  test('weak nodes carry the class, the icon and the message as tooltip', async () => {
    const text = read('test/examples/crowdstrike-as-written.whys.yaml').replace('  - whys:', '  - id: dup\n    whys:').replace('      - why: Why did the system crash?', '      - id: dup\n        why: Why did the system crash?');
    const page = await openPreview(browser, server, text);
    const weak = await page.$$eval('#canvas g.node.weak', (nodes) =>
      nodes.map((n) => ({
        path: (n as SVGGElement).dataset.path,
        title: n.querySelector('title')?.textContent,
        text: [...n.childNodes].filter((c) => c.nodeName !== 'title').map((c) => c.textContent).join(''),
      })),
    );
    assert.ok(weak.length >= 1, JSON.stringify(weak));
    assert.equal(await page.locator('#canvas g.node.weak[data-path="roots[0].whys[1]"]').count(), 0);
    const step = weak.find((w) => w.path === 'roots[0].whys[0]');
    assert.ok(step);
    assert.match(step.text ?? '', /^⚠/);
    assert.match(step.title ?? '', /duplicate-id/);
    await page.close();
  });

  test('toolbar: direction, copy source, export SVG, zoom; the view is kept in state', async () => {
    const text = read('test/examples/crowdstrike.whys.yaml');
    const page = await openPreview(browser, server, text);
    const size = (): Promise<{ w: number; h: number }> => page.$eval('#canvas svg', (svg) => ({ w: svg.getBoundingClientRect().width, h: svg.getBoundingClientRect().height }));
    const td = await size();
    await page.click('#direction');
    await page.waitForFunction(() => (window as unknown as { __messages: { type: string }[] }).__messages.filter((m) => m.type === 'rendered').length >= 2);
    const lr = await size();
    assert.ok(lr.w / lr.h > td.w / td.h, `LR is wider: ${JSON.stringify({ td, lr })}`);
    await page.click('#copy-source');
    await page.click('#export-svg');
    await page.click('#zoom-in');
    const posted = await messages(page);
    const copy = posted.find((m) => m.type === 'copySource');
    assert.ok(copy && copy.type === 'copySource');
    assert.match(copy.source, /^flowchart LR\n/);
    const svg = posted.find((m) => m.type === 'exportSvg');
    assert.ok(svg && svg.type === 'exportSvg');
    assert.match(svg.svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    assert.doesNotMatch(svg.svg, /whys-highlight|tabindex/);
    const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.equal((state as { direction: string }).direction, 'LR');
    assert.equal((state as { uri: string }).uri, URI);
    assert.ok((state as { zoom: { scale: number } }).zoom.scale > 0);
    // The host can ask for the SVG (the Export as SVG command).
    await send(page, { type: 'requestSvg', uri: URI, requestId: 7 });
    await page.waitForFunction(() => (window as unknown as { __messages: { requestId?: number }[] }).__messages.some((m) => m.requestId === 7));
    await page.close();
  });

  test('Fit in left-right layout never shrinks a long chain below a readable scale: it shows the start and leaves the rest to scroll', async () => {
    const steps = Array.from({ length: 7 }, (_, i) => [
      `      - why: Why did stage ${i + 1} of the nightly data pipeline stop before it wrote its output?`,
      `        because: The job for stage ${i + 2} waited on a lock that an earlier run of the pipeline never released.`,
    ]).flat();
    const text = ['version: 1', 'title: Pipeline', 'problem: The nightly data pipeline produced no reports.', 'roots:', '  - whys:', ...steps, ''].join('\n');
    const page = await openPreview(browser, server, text, 'vscode-light', { width: 900, height: 600 });
    await page.click('#direction');
    await page.waitForFunction(() => (window as unknown as { __messages: { type: string }[] }).__messages.filter((m) => m.type === 'rendered').length >= 2);
    await page.click('#zoom-fit');
    const scale = await page.evaluate(() => (window as unknown as { __state: { zoom: { scale: number } } }).__state.zoom.scale);
    const natural = await page.$eval('#canvas svg', (svg) => parseFloat(svg.getAttribute('width') ?? '0') || (svg as SVGSVGElement).viewBox.baseVal.width);
    assert.ok(natural * 0.6 > 900, `the chain is too wide to fit readably (${natural} px), so the floor applies`);
    assert.ok(scale >= 0.6, `Fit used ${scale}`);
    // The problem, where the chain starts, is in view.
    const problem = (await page.locator('#canvas g.node[data-path="problem"]').boundingBox())!;
    const view = (await page.locator('#viewport').boundingBox())!;
    assert.ok(problem.x >= view.x && problem.x + problem.width <= view.x + view.width, JSON.stringify({ problem, view }));
    await page.close();
  });

  test('zoom is kept across updates', async () => {
    const text = read('test/examples/crowdstrike.whys.yaml');
    const page = await openPreview(browser, server, text);
    await page.click('#zoom-in');
    await page.click('#zoom-in');
    const transform = await page.evaluate(() => document.getElementById('canvas')!.style.transform);
    await send(page, updateFor(text.replace('Why did the hosts crash?', 'Why did all the hosts crash?'), 2));
    await waitRendered(page, 2);
    assert.equal(await page.evaluate(() => document.getElementById('canvas')!.style.transform), transform);
    await page.close();
  });
});
