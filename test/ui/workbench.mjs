// @ts-check
/**
 * What the UI tests share: the PACKAGED extension (whys.vsix) installed in a real VS Code
 * (code-server) on the tests' own copy of the examples (`test/examples/`), opened in Debian's Chromium through playwright-core;
 * opening a file from the explorer; waiting for what the screen shows; screenshots.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../vscode/codeServer.mjs';

export const VSIX = path.join(REPO_ROOT, 'whys.vsix');
export const RESULTS = path.join(REPO_ROOT, 'test-results');
/** Editor selectors are scoped to the editor part: the chat input is a Monaco editor too. */
export const EDITOR = '.part.editor';

/**
 * Builds whys.vsix (unless WHYS_SKIP_PACKAGE=1 and it exists), installs it in a private
 * extensions folder, starts code-server on the tests' own copy of the examples (test/examples/) (with `userSettings` added to the
 * user's settings) and opens the workbench.
 * `close()` stops everything and removes the temporary folders.
 */
export async function openWorkbench(/** @type {{ label: string, viewport: { width: number, height: number }, userSettings?: Record<string, unknown>, workspaceTrust?: boolean, extraFiles?: Record<string, string> }} */ { label, viewport, userSettings = {}, workspaceTrust = false, extraFiles = {} }) {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (process.env.WHYS_SKIP_PACKAGE !== '1' || !fs.existsSync(VSIX)) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    assert.equal(r.status, 0, '`npm run package` failed: cannot build whys.vsix');
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `whys-ui-${label}-`));
  // The tests' own copy (test/examples/), never examples/ itself, where a user trying
  // `npm start` may have added files; its analyses only (not its README).
  fs.mkdirSync(path.join(workspace, 'examples'));
  const examples = path.join(REPO_ROOT, 'test', 'examples');
  for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.whys.yaml'))) fs.copyFileSync(path.join(examples, name), path.join(workspace, 'examples', name));
  for (const [name, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(workspace, 'examples', name), text);
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), `whys-ui-${label}-extensions-`));
  installVsix(VSIX, extensionsDir);
  const server = await startCodeServer({ workspace, extensionsDir, userSettings, workspaceTrust });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    /** Saves a screenshot as test-results/ui-LABEL-NAME.png and returns its path. */
    async shot(/** @type {string} */ name) {
      const file = path.join(RESULTS, `ui-${label}-${name}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      return file;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      for (const dir of [workspace, extensionsDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a file of examples/ from the explorer and waits until it shows as a 5 Whys file. */
export async function openFromExplorer(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ file) {
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const row = rows.filter({ hasText: file });
  if (!(await row.isVisible().catch(() => false))) {
    await rows.filter({ hasText: /^examples$/ }).first().click({ timeout: 60_000 });
  }
  await row.first().dblclick({ timeout: 30_000 });
  await page.locator(`${EDITOR} .tab`, { hasText: file }).first().waitFor({ timeout: 30_000 });
  await page.locator(`${EDITOR} .view-lines`).first().click();
  // The status bar shows "Plain Text" for a moment before the language id settles.
  const mode = page.locator('[id="status.editor.mode"]');
  await assertEventually(async () => (await mode.innerText()).trim(), (t) => /5 Whys|whys/i.test(t), 'the language id whys');
}

/**
 * Reads until `ok` accepts what it read, or fails with the last reading after `timeoutMs`.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} ok
 * @param {string} what
 */
export async function assertEventually(read, ok, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  /** @type {T | undefined} */
  let last;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // not on the screen yet
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Brings the first lines of the active editor into view. The editor draws only the lines in
 * view, so a squiggle on a line scrolled away has no element: a click on the editor's empty
 * space below a short file moves the cursor to its last line and can scroll the top away.
 */
export async function showTopOfFile(/** @type {import('playwright-core').Page} */ page) {
  await page.locator(`${EDITOR} .view-line`).first().click();
  await page.keyboard.press('Control+Home');
}

/**
 * Hovers the first warning underline of the editor and returns the text of the whys hover it
 * opens, once it shows `wanted`: the hover's parts come from several providers, and whys's
 * verdict on a large file comes after the background check, later than the diagnostic's part.
 */
export async function hoverFirstWarning(/** @type {import('playwright-core').Page} */ page, wanted = /whys/) {
  const squiggle = page.locator(`${EDITOR} .squiggly-warning`).first();
  await showTopOfFile(page);
  await squiggle.waitFor({ timeout: 20_000 });
  await squiggle.scrollIntoViewIfNeeded();
  const box = await squiggle.boundingBox();
  assert.ok(box, 'the underline has no box on screen');
  await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
  const hover = page.locator('.monaco-hover').filter({ hasText: /whys/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  return assertEventually(() => hover.innerText(), (text) => wanted.test(text), `a whys hover showing ${wanted}`, 20_000);
}

/**
 * Copies a screenshot over the README's `media/NAME`, only on request (WHYS_UPDATE_SCREENSHOTS=1):
 * `npm test` never rewrites tracked files.
 */
export function updateReadmeScreenshot(/** @type {string} */ file, /** @type {string} */ name) {
  if (process.env.WHYS_UPDATE_SCREENSHOTS !== '1') return;
  fs.copyFileSync(file, path.join(REPO_ROOT, 'media', name));
}
