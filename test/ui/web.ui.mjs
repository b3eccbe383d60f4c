// @ts-check
/**
 * UI test of the web build (`browser` in package.json, dist/web/extension.js): the PACKAGED
 * extension in a real VS Code (code-server) in Debian's Chromium, with the user setting
 * `remote.extensionKind` set to `ui` for whys, so the workbench runs it in the browser's
 * web-worker extension host, as VS Code for the Web does, instead of on the server in Node.
 * The same checks a person would make there: it runs in the web worker, the canonical finding
 * is in the Problems panel, the hover explains it, the preview draws the tree, and the semantic
 * passes of two open files take turns at the sentence model: a small file's finding comes while
 * a large file's pass is still running, and closing the large file stops its pass.
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
const SMALL = 'checkout-certificate.whys.yaml';
const LARGE = 'large-semantic.whys.yaml';
/** Large enough that its semantic pass runs for minutes in the web worker (4,000+ texts with every detector on). */
const LARGE_STEPS = 2_000;

/**
 * An analysis of `steps` steps in roots of ten, every question and answer distinct (so none is
 * in the model's cache) and clean for the rules (one `coverage` note), as in background.ui.mjs.
 */
function largeAnalysis(/** @type {number} */ steps) {
  const subjects = ['the checkout service', 'the payment gateway', 'the primary database', 'the cache cluster', 'the deploy pipeline', 'the load balancer', 'the search index', 'the message queue'];
  const lines = ['version: 1', `title: A large analysis of ${steps} steps`, 'problem: Customers saw errors at checkout for 40 minutes.', 'roots:'];
  for (let made = 0, root = 0; made < steps; root++) {
    lines.push(`  - id: root-${root}`, `    question: Why did failure ${root} reach customers?`, '    whys:');
    for (let i = 0; i < 10 && made < steps; i++, made++) {
      const subject = subjects[made % subjects.length];
      lines.push(`      - why: Why did ${subject} ${i === 0 ? 'fail' : 'do that'} in case ${made}?`, `        because: A retry storm opened ${100 + made} connections to ${subject}.`);
    }
    lines.push('    actions:', `      - do: Add a limit for case ${root}.`, '        owner: platform', '        due: 2025-01-31');
  }
  return lines.join('\n') + '\n';
}

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
    extraFiles: {
      [SMALL]: fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'semantic', SMALL), 'utf8'),
      [LARGE]: largeAnalysis(LARGE_STEPS),
    },
  });
  page = workbench.page;
  // Record every text the status bar shows for the semantic pass, in order, from the start:
  // progress that comes and goes between two readings is still seen.
  await page.evaluate(() => {
    const seen = /** @type {string[]} */ ([]);
    Object.assign(window, { whysPassSeen: seen });
    const look = () => {
      for (const item of document.querySelectorAll('.statusbar-item')) {
        const text = (item.textContent ?? '').trim();
        if (/whys: semantic pass/.test(text) && seen[seen.length - 1] !== text) seen.push(text);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
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

/** The semantic pass's progress in the status bar as `[done, total]` ("whys: semantic pass (FILE): N of M texts"), or undefined when it shows none. */
async function passProgress() {
  for (const text of await page.locator('.statusbar-item', { hasText: /whys: semantic pass/ }).allInnerTexts()) {
    const m = /(\d+) of (\d+) texts/.exec(text);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return undefined;
}

// Put a queue back in src/extension/semantic/inProcessEngine.ts (each pass awaiting the one
// before) and this test fails: the small file's finding comes only after the large file's pass
// ended, with no progress left in the status bar (checked when it was written).
test('two files\' semantic passes take turns at the model in the web worker: the small file\'s finding comes while the large file\'s pass runs, and closing the large file stops it', { timeout: 480_000 }, async (t) => {
  await openFromExplorer(page, LARGE);
  const started = await assertEventually(passProgress, (p) => p !== undefined && p[0] < p[1], 'the large file\'s semantic pass in progress in the status bar ("whys: semantic pass (FILE): N of M texts")', 240_000).catch(async (error) => {
    await shot('turns-no-progress');
    throw error;
  });
  assert.ok(started && started[1] > 4_000, `the large file's pass embeds thousands of texts: ${JSON.stringify(started)}`);
  await shot('turns-large-running');

  await openFromExplorer(page, SMALL);
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  // Read together: the small file's semantic finding in Problems and the large file's pass still
  // in progress. Were passes queued one after another, the small file's would start only once
  // the large one's had ended (minutes), and by then its progress would be gone.
  const smallFinding = /closer to the question of step 1 of root `detection`/;
  const { running } = await assertEventually(
    async () => ({ found: smallFinding.test((await rows.allInnerTexts()).join('\n')), running: await passProgress() }),
    ({ found, running }) => found && running !== undefined && running[0] < running[1],
    'the small file\'s semantic finding (Problems, Ln 15) while the status bar shows the large file\'s pass in progress',
    240_000,
  ).catch(async (error) => {
    await shot('turns-small-not-first');
    throw error;
  });
  assert.ok(running);
  t.diagnostic(`the small file's semantic finding came at ${running[0]} of ${running[1]} texts of the large file's pass`);
  await shot('turns-small-first');
  // The large file's pass goes on after the small one's.
  await assertEventually(passProgress, (p) => p !== undefined && p[0] > running[0], `the large file's pass going on past ${running[0]} of ${running[1]} texts`, 120_000);

  // Closing the large file cancels its pass: the progress goes, before the pass came to its end.
  await page.locator(`${EDITOR} .tab`, { hasText: LARGE }).first().click();
  await page.keyboard.press('Control+W');
  await page.locator(`${EDITOR} .tab`, { hasText: LARGE }).first().waitFor({ state: 'detached', timeout: 30_000 });
  const item = page.locator('.statusbar-item', { hasText: /whys: semantic pass/ });
  await assertEventually(async () => await item.count(), (n) => n === 0, 'the semantic pass gone from the status bar once the large file is closed', 120_000).catch(async (error) => {
    await shot('turns-not-cancelled');
    throw error;
  });
  const seen = await page.evaluate(() => /** @type {{ whysPassSeen: string[] }} */ (/** @type {unknown} */ (window)).whysPassSeen);
  const counts = seen.map((text) => /(\d+) of (\d+) texts/.exec(text)).filter((m) => m !== null).map((m) => [Number(m[1]), Number(m[2])]);
  const last = counts[counts.length - 1];
  assert.ok(last && last[0] < last[1], `the large file's pass stopped before its end; status bar texts seen: ${JSON.stringify(seen.slice(-5))}`);
  // The progress is the large file's, by name, all along: the small file's pass (a few texts)
  // never takes the status bar from it.
  assert.ok(seen.length > 0 && seen.every((text) => text.includes(LARGE)), `every semantic pass progress in the status bar names ${LARGE}: ${JSON.stringify(seen.filter((text) => !text.includes(LARGE)).slice(0, 3))}`);
  t.diagnostic(`the large file's pass was cancelled at ${last[0]} of ${last[1]} texts`);
  await shot('turns-cancelled');
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
