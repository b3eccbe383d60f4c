// @ts-check
/**
 * UI test of the why-tree preview with the PACKAGED extension (whys.vsix) in a real VS Code
 * (code-server), driven by playwright-core in Debian's Chromium: open the essay's chain, run
 * `Whys: Open Preview to the Side` from the F1 palette, read the SVG inside the webview, type in
 * the editor and see the tree change, click a node and see the editor's selection move.
 *
 *   node --test test/ui/preview.ui.mjs     (builds whys.vsix with `npm run package` first,
 *                                           unless WHYS_SKIP_PACKAGE=1 and it exists)
 *
 * Screenshots go to test-results/; one also to media/screenshot-preview.png for the README, but only when
 * WHYS_UPDATE_SCREENSHOTS=1 (a test run never rewrites tracked files otherwise).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { EDITOR, RESULTS, assertEventually, openFromExplorer, openWorkbench, updateReadmeScreenshot } from './workbench.mjs';

const FILE = 'crowdstrike-as-written.whys.yaml';

/** @type {Awaited<ReturnType<typeof openWorkbench>>} */
let workbench;
/** @type {import('playwright-core').Page} */
let page;
const shot = (/** @type {string} */ name) => workbench.shot(name);

/** The preview's document inside the webview's two iframes. */
const preview = () => page.frameLocator('iframe.webview').first().frameLocator('#active-frame');

/** The text editor's lines (Monaco shows them with non-breaking spaces). */
async function editorText() {
  return (await page.locator(`${EDITOR} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
}

/** The text of a node's label (its <title> tooltip left out). */
async function labelOf(/** @type {import('playwright-core').Locator} */ node) {
  return node.evaluate((g) =>
    [...g.childNodes]
      .filter((c) => c.nodeName !== 'title')
      .map((c) => c.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Moves the cursor with Ctrl+G to a 1-based line (and column). */
async function goToLine(/** @type {number} */ line, /** @type {number} */ column = 1) {
  // The editor has the focus here (the preview opens without taking it; a click on a node
  // gives it back to the editor).
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  // Go to Line is quick access with the ':' prefix.
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-widget', { hasText: new RegExp(`line ${line}`, 'i') }).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await page.keyboard.press('Enter');
}

/** The status bar's cursor item, e.g. "Ln 13, Col 14 (49 selected)". */
async function cursorStatus() {
  return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

before(async () => {
  workbench = await openWorkbench({ label: 'preview', viewport: { width: 1600, height: 1000 } });
  page = workbench.page;
});

after(async () => {
  await workbench?.close();
});

test('opens the essay chain and runs "Whys: Open Preview to the Side" from the F1 palette', { timeout: 120_000 }, async () => {
  await openFromExplorer(page, FILE);

  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill('>Whys: Open Preview to the Side');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator(`${EDITOR} .tab`, { hasText: `Why-tree: ${FILE}` }).first().waitFor({ timeout: 30_000 });
  await preview().locator('#canvas svg g.node').first().waitFor({ timeout: 60_000 });
});

test('the webview shows one node per problem, root and step, and step 4 is weak', { timeout: 60_000 }, async () => {
  const nodes = preview().locator('#canvas svg g.node');
  // The problem, one root, five steps.
  assert.equal(await nodes.count(), 7);
  const paths = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')));
  assert.deepEqual(paths.sort(), ['problem', 'roots[0]', 'roots[0].whys[0]', 'roots[0].whys[1]', 'roots[0].whys[2]', 'roots[0].whys[3]', 'roots[0].whys[4]']);
  // The off-topic warning (a reasoning rule) marks step 4; shallow/coverage/no-action are information.
  const step4 = preview().locator('#canvas g.node.weak[data-path="roots[0].whys[3]"]');
  await step4.waitFor({ timeout: 20_000 });
  assert.match((await step4.locator('title').textContent()) ?? '', /off-topic/);
  assert.match(await labelOf(step4), /^⚠/);
  assert.equal(await preview().locator('#canvas g.node.weak[data-path="roots[0].whys[0]"]').count(), 0);
  await shot('open');
  updateReadmeScreenshot(path.join(RESULTS, 'ui-preview-open.png'), 'screenshot-preview.png');
});

test('typing in the editor changes the tree', { timeout: 60_000 }, async () => {
  // Line 9: "      - why: Why did the system crash?"
  assert.match(await editorText(), /Why did the system crash\?/);
  await goToLine(9, 200);
  await page.keyboard.press('End');
  await page.keyboard.type(' Which hosts');
  await assertEventually(
    () => labelOf(preview().locator('#canvas g.node[data-path="roots[0].whys[0]"]')),
    (t) => /Why did the system crash\? Which hosts/.test(t),
    'the first step shows the typed words',
  );
  await shot('typed');
});

test('clicking a node selects its question in the editor', { timeout: 60_000 }, async () => {
  const before = await cursorStatus();
  assert.match(before, /^Ln 9,/);
  // Step 3's why is on line 13: "      - why: Why were only 20 input parameters provided?"
  await preview().locator('#canvas g.node[data-path="roots[0].whys[2]"]').click();
  // The caret at the start of the question (column 14, after "      - why: "), so the editor
  // shows the question from its start rather than scrolled to its end.
  const status = await assertEventually(cursorStatus, (t) => /^Ln 13, Col 14 \(\d+ selected\)/.test(t), 'the editor selection on line 13, caret at the start');
  const selected = Number(/\((\d+) selected\)/.exec(status)?.[1]);
  assert.equal(selected, 'Why were only 20 input parameters provided?'.length);
  await shot('revealed');
  // Step 4's question runs past the right edge of the half-width editor: the editor must not be
  // left scrolled sideways to its end, with the question's start off-screen.
  await preview().locator('#canvas g.node[data-path="roots[0].whys[3]"]').click();
  await assertEventually(cursorStatus, (t) => /^Ln 15, Col 14 \(\d+ selected\)/.test(t), 'the editor selection on line 15, caret at the start');
  const scrolled = await page.locator(`${EDITOR} .editor-scrollable > .scrollbar.horizontal > .slider`).first().evaluate((el) => parseFloat(getComputedStyle(el).left) || 0);
  assert.equal(scrolled, 0, 'the editor is not scrolled sideways');
  await shot('revealed-long');
});

test('moving the cursor in the editor highlights its node', { timeout: 60_000 }, async () => {
  await goToLine(18, 20);
  await assertEventually(
    async () => preview().locator('#canvas g.node.whys-highlight').getAttribute('data-path'),
    (p) => p === 'roots[0].whys[4]',
    'step 5 highlighted',
  );
  await shot('highlight');
});

test('the preview comes back after a window reload (webview serializer)', { timeout: 120_000 }, async () => {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill('>Developer: Reload Window');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForLoadState('domcontentloaded');
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator(`${EDITOR} .tab`, { hasText: `Why-tree: ${FILE}` }).first().waitFor({ timeout: 60_000 });
  // The restored panel shows the tree again, with the edit made before the reload.
  const first = preview().locator('#canvas g.node[data-path="roots[0].whys[0]"]');
  await first.waitFor({ timeout: 60_000 });
  assert.equal(await preview().locator('#canvas svg g.node').count(), 7);
  await assertEventually(() => labelOf(first), (t) => /Which hosts/.test(t), 'the restored tree shows the unsaved edit');
  await shot('reloaded');
});

test('a CodeLens above the root sums it up', { timeout: 60_000 }, async () => {
  const lens = page.locator(`${EDITOR} .codelens-decoration`).first();
  await lens.waitFor({ timeout: 20_000 });
  assert.match(await lens.innerText(), /^5 whys deep · .* · no actions$/);
  // Clicking it brings the root into view in the preview, highlighted.
  await lens.locator('a').first().click();
  await assertEventually(
    async () => preview().locator('#canvas g.node.whys-highlight').getAttribute('data-path'),
    (p) => p === 'roots[0]',
    'the root highlighted in the preview',
  );
});

test('Export SVG says where it wrote the file and offers to open it', { timeout: 90_000 }, async () => {
  await preview().locator('#export-svg').click();
  // code-server's save dialog: a quick input with the path beside the analysis filled in.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await assertEventually(() => input.inputValue(), (v) => /crowdstrike-as-written\.svg$/.test(v), 'the save dialog proposing crowdstrike-as-written.svg');
  await page.keyboard.press('Enter');
  // The smoke-test driver this workbench runs with never shows toasts: the notification is read
  // in the Notifications center, as a user who missed the toast would.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const notice = page.locator('.notifications-center .notification-list-item', { hasText: /Wrote the why-tree to .*crowdstrike-as-written\.svg/ }).first();
  await notice.waitFor({ timeout: 20_000 });
  await shot('exported');
  await notice.locator('.monaco-button', { hasText: 'Open' }).first().click();
  await page.locator(`${EDITOR} .tab`, { hasText: 'crowdstrike-as-written.svg' }).first().waitFor({ timeout: 20_000 });
});

test('Copy Mermaid says what it did', { timeout: 60_000 }, async () => {
  // The page may write to the clipboard (headless Chromium asks otherwise).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.locator(`${EDITOR} .tab`, { hasText: 'Why-tree: crowdstrike-as-written.whys.yaml' }).first().click();
  await preview().locator('#copy-source').click();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const notice = page.locator('.notifications-center .notification-list-item', { hasText: /Copied the Mermaid source of the why-tree \(\d+ lines\) to the clipboard/ }).first();
  await notice.waitFor({ timeout: 20_000 });
  await shot('copied');
});
