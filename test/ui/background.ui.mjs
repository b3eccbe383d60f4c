// @ts-check
/**
 * A large analysis is checked in the background, on the server's Node extension host
 * (worker_threads) and in the browser's web-worker extension host (a Web Worker): the status
 * bar says `whys: checking …` while it is, then the squiggles appear and the item goes, and the
 * hover of a flagged answer is whys's verdict, from that check (issue 12). Packaged whys.vsix, as
 * in the smoke and web tests.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EDITOR, assertEventually, hoverFirstWarning, openFromExplorer, openWorkbench } from './workbench.mjs';

const FILE = 'large.whys.yaml';

/** An analysis of `steps` steps in roots of ten, every text distinct (about 190 characters a step). */
function largeAnalysis(/** @type {number} */ steps) {
  const subjects = ['the checkout service', 'the payment gateway', 'the primary database', 'the cache cluster', 'the deploy pipeline'];
  const lines = ['version: 1', 'title: A large analysis', 'problem: Customers saw errors at checkout for 40 minutes.', 'roots:'];
  for (let made = 0, root = 0; made < steps; root++) {
    lines.push(`  - id: root-${root}`, `    question: Why did it take so long to detect failure ${root}?`, '    whys:');
    for (let i = 0; i < 10 && made < steps; i++, made++) {
      const subject = subjects[made % subjects.length];
      lines.push(`      - why: Why did ${subject} ${i === 0 ? 'fail' : 'do that'} in case ${made}?`, `        because: A retry storm opened ${100 + made} connections to ${subject}.`);
    }
    lines.push('    actions:', `      - do: Add a limit for case ${root}.`, '        owner: platform', '        due: 2025-01-31');
  }
  // One misspelt key near the top, so the check has an error to underline where the editor shows
  // it, and one answer that blames a person, for a warning and its hover.
  return lines.join('\n').replace('        owner: platform', '        ownr: platform').replace(/because: A retry storm opened 100 connections[^\n]*/, 'because: Human error by the on-call engineer.') + '\n';
}

/** @type {Awaited<ReturnType<typeof openWorkbench>>[]} */
const opened = [];
after(async () => {
  for (const w of opened.splice(0)) await w.close();
});

for (const host of ['node', 'web']) {
  test(`${host} extension host: a large analysis shows "whys: checking" in the status bar, then its squiggles and the verdict hover of a flagged answer`, { timeout: 180_000 }, async () => {
    const workbench = await openWorkbench({
      label: `background-${host}`,
      viewport: { width: 1400, height: 900 },
      userSettings: host === 'web' ? { 'remote.extensionKind': { 'whys.whys': ['ui'] } } : {},
      // Large enough that its check takes seconds, so the status bar item is there to be seen.
      extraFiles: { [FILE]: largeAnalysis(12_000) },
    });
    opened.push(workbench);
    const page = workbench.page;
    // Record every "whys: checking" the status bar shows, from before the file opens: however
    // fast the check, the item cannot come and go unseen.
    await page.evaluate(() => {
      const seen = /** @type {string[]} */ ([]);
      Object.assign(window, { whysStatusSeen: seen });
      const look = () => {
        for (const item of document.querySelectorAll('.statusbar-item')) {
          const text = item.textContent ?? '';
          if (/whys: checking/.test(text) && !seen.includes(text)) seen.push(text);
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await openFromExplorer(page, FILE).catch(async (error) => {
      await workbench.shot('open-failed');
      throw error;
    });
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ timeout: 120_000 }).catch(async (error) => {
      await workbench.shot('no-squiggles');
      throw error;
    });
    const seen = await page.evaluate(() => /** @type {{ whysStatusSeen: string[] }} */ (/** @type {unknown} */ (window)).whysStatusSeen);
    assert.ok(seen.some((text) => /whys: checking large\.whys\.yaml/.test(text)), `status bar texts seen: ${JSON.stringify(seen)}`);
    // Checked: the item is gone.
    const progress = page.locator('.statusbar-item', { hasText: /whys: checking/ });
    await assertEventually(async () => String(await progress.count()), (n) => n === '0' || n === '', 'the status bar item gone', 30_000).catch(async () => {
      assert.equal(await progress.first().isVisible(), false, 'the status bar item is hidden');
    });
    // The hover on the blamed answer is whys's verdict, from the background check of the file.
    const hover = await hoverFirstWarning(page, /An answer that stops at a person/).catch(async (error) => {
      await workbench.shot('no-hover');
      throw error;
    });
    assert.match(hover, /An answer that stops at a person/, hover);
    await workbench.shot('checked');
    await workbench.close();
    opened.splice(opened.indexOf(workbench), 1);
  });
}
