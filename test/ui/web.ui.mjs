// @ts-check
/**
 * UI test of the web build (`browser` in package.json, dist/web/extension.js): the PACKAGED
 * extension in a real VS Code (code-server) in Debian's Chromium, with the user setting
 * `remote.extensionKind` set to `ui` for whys, so the workbench runs it in the browser's
 * web-worker extension host, as VS Code for the Web does, instead of on the server in Node.
 * The same checks a person would make there: it runs in the web worker, the canonical finding
 * is in the Problems panel, the hover explains it, and the preview draws the tree.
 *
 *   node --test test/ui/web.ui.mjs          (builds whys.vsix with `npm run package` first,
 *                                             unless WHYS_SKIP_PACKAGE=1 and it exists)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from '../vscode/codeServer.mjs';
import { EDITOR, assertEventually, hoverFirstWarning, openFromExplorer, openWorkbench } from './workbench.mjs';

const FILE = 'crowdstrike-as-written.whys.yaml';

/** @type {Awaited<ReturnType<typeof openWorkbench>>} */
let workbench;
/** @type {import('playwright-core').Page} */
let page;
const shot = (/** @type {string} */ name) => workbench.shot(name);

/** Runs a command from the F1 palette by its title. */
async function runCommand(/** @type {string} */ title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

before(async () => {
  workbench = await openWorkbench({
    label: 'web',
    viewport: { width: 1500, height: 950 },
    // In the browser the "ui" side is the page itself: a ui extension with a `browser` entry
    // runs in the web-worker extension host.
    // The semantic pass on for every detector, and the essay's short example to run it on.
    userSettings: { 'remote.extensionKind': { 'whys.whys': ['ui'] }, 'whys.semantic': 'all' },
    extraFiles: { 'checkout-certificate.whys.yaml': fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'semantic', 'checkout-certificate.whys.yaml'), 'utf8') },
  });
  page = workbench.page;
});

after(async () => {
  await workbench?.close();
});

test('the checker underlines the essay chain with the web build', { timeout: 120_000 }, async () => {
  await openFromExplorer(page, FILE);
  await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor({ timeout: 60_000 });
  await shot('squiggles');
});

test('Running Extensions shows whys in the web worker extension host', { timeout: 60_000 }, async () => {
  await runCommand('Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  const row = await assertEventually(
    async () => (await rows.allInnerTexts()).find((t) => /5 Whys/.test(t)) ?? '',
    (t) => t !== '',
    'a Running Extensions row for whys',
  );
  assert.match(row, /web worker/i);
  await shot('running-extensions');
  await page.keyboard.press('Control+W');
});

test('step 4 is flagged off-topic in the Problems panel, and the hover explains it', { timeout: 90_000 }, async () => {
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  await assertEventually(
    async () => (await rows.allInnerTexts()).join('\n'),
    (t) => /whys\s*\(?off-topic\)?\s*\[Ln 16,/.test(t),
    'a Problems row "whys(off-topic) [Ln 16, …]"',
  );
  assert.match(await hoverFirstWarning(page, /testing processes/), /testing processes/);
  await shot('hover');
  await page.mouse.move(5, 5);
});

test('the preview draws the tree from the web worker', { timeout: 120_000 }, async () => {
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await runCommand('Whys: Open Preview to the Side');
  await page.locator(`${EDITOR} .tab`, { hasText: `Why-tree: ${FILE}` }).first().waitFor({ timeout: 30_000 });
  const preview = page.frameLocator('iframe.webview').first().frameLocator('#active-frame');
  const nodes = preview.locator('#canvas svg g.node');
  await nodes.first().waitFor({ timeout: 60_000 });
  assert.equal(await nodes.count(), 7);
  await preview.locator('#canvas g.node.weak[data-path="roots[0].whys[3]"]').waitFor({ timeout: 20_000 });
  await shot('preview');
});

test('the semantic pass (the shipped sentence model, in the web worker) flags the answer that answers another question', { timeout: 180_000 }, async () => {
  await openFromExplorer(page, 'checkout-certificate.whys.yaml');
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const text = await assertEventually(
    async () => (await rows.allInnerTexts()).join('\n'),
    (t) => /semantic pass/.test(t) && /\[Ln 15,/.test(t),
    'a Problems row of the semantic pass on line 15',
    170_000,
  );
  assert.match(text, /closer to the question of step 1 of root `detection`/);
  await shot('semantic');
});
