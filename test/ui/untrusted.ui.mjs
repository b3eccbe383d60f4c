// @ts-check
/**
 * Restricted Mode: a folder opened WITHOUT `--disable-workspace-trust` (every other run passes
 * it) and never trusted. whys declares `untrustedWorkspaces: limited`, so it still checks the
 * file: the squiggles and the Problems panel appear (issue 12). Packaged whys.vsix, as in the
 * smoke test.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EDITOR, assertEventually, openFromExplorer, openWorkbench } from './workbench.mjs';

/** @type {Awaited<ReturnType<typeof openWorkbench>>} */
let workbench;
/** @type {import('playwright-core').Page} */
let page;

before(async () => {
  workbench = await openWorkbench({
    label: 'untrusted',
    viewport: { width: 1400, height: 900 },
    workspaceTrust: true,
    // No trust prompt: the folder simply stays untrusted (Restricted Mode).
    userSettings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' },
  });
  page = workbench.page;
});

after(async () => {
  await workbench?.close();
});

test('the folder opens in Restricted Mode', { timeout: 60_000 }, async () => {
  const restricted = page.locator('.statusbar-item', { hasText: /Restricted Mode/ });
  await restricted.first().waitFor({ timeout: 45_000 });
  await workbench.shot('restricted');
});

test('a whys file from the untrusted folder is checked: squiggles and the Problems panel', { timeout: 90_000 }, async () => {
  await openFromExplorer(page, 'crowdstrike-as-written.whys.yaml');
  await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor({ timeout: 45_000 });
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const text = await assertEventually(
    async () => (await rows.allInnerTexts()).join('\n'),
    (t) => /off-topic/.test(t),
    'a Problems row for off-topic from whys',
  );
  assert.match(text, /\bwhys\b/);
  await workbench.shot('untrusted-problems');
});
