// @ts-check
/**
 * UI test of the model review's status bar item, as a person sees it: the PACKAGED whys.vsix and
 * a scripted stand-in for a language model (test/vscode/scripted-chat-model, a chat model
 * provider extension whose replies are scripted) installed in a real VS Code (code-server),
 * driven in Debian's Chromium. Clicking the item runs the review; its text follows the state.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, copyDir, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../vscode/codeServer.mjs';
import { EDITOR, RESULTS, VSIX, assertEventually, openFromExplorer } from './workbench.mjs';

const FILE = 'judge.whys.yaml';
const STAND_IN = path.join(REPO_ROOT, 'test', 'vscode', 'scripted-chat-model');
/** The scripted model's reply: off-topic where the rules see nothing, blame where they agree. */
const REPLY = JSON.stringify({
  verdicts: [
    { id: 'r1.s2', field: 'because', rule: 'off-topic', confidence: 0.9, explanation: 'Asked why the payment service timed out, the answer turns to the S3 billing system.', suggestion: 'The payment service waited on a slow database query.' },
    { id: 'r2.s1', field: 'because', rule: 'blame', confidence: 0.85, explanation: 'It stops at a person.', suggestion: '' },
  ],
});

/** @type {{ close(): Promise<void>, page: import('playwright-core').Page, shot(name: string): Promise<string> }} */
let workbench;

before(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (process.env.WHYS_SKIP_PACKAGE !== '1' || !fs.existsSync(VSIX)) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    assert.equal(r.status, 0, '`npm run package` failed: cannot build whys.vsix');
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-ui-judge-'));
  // In an examples/ folder, where the shared helper opens files from.
  fs.mkdirSync(path.join(workspace, 'examples'));
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', FILE), path.join(workspace, 'examples', FILE));
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-ui-judge-extensions-'));
  installVsix(VSIX, extensionsDir);
  const standIn = path.join(extensionsDir, 'whys-test.scripted-chat-model-0.0.1');
  copyDir(STAND_IN, standIn);
  // The installed-extensions list (written by the .vsix install) names every extension VS Code
  // loads from this folder: the stand-in joins it as an unpacked copy.
  const list = path.join(extensionsDir, 'extensions.json');
  const installed = JSON.parse(fs.readFileSync(list, 'utf8'));
  installed.push({
    identifier: { id: 'whys-test.scripted-chat-model' },
    version: '0.0.1',
    location: { $mid: 1, path: standIn, scheme: 'file' },
    relativeLocation: path.basename(standIn),
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  });
  fs.writeFileSync(list, JSON.stringify(installed));
  fs.writeFileSync(path.join(standIn, 'scripted-replies.json'), JSON.stringify({ replies: [{ when: 'Checkout returned errors for 40 minutes.', text: REPLY, delayMs: 1500 }] }));
  const server = await startCodeServer({ workspace, extensionsDir, userSettings: { 'whys.judge.enabled': true, 'whys.judge.model': 'whys-scripted' } });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  workbench = {
    page,
    async shot(name) {
      const file = path.join(RESULTS, `ui-judge-${name}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      return file;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      for (const dir of [workspace, extensionsDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

after(async () => {
  await workbench?.close();
});

/** The model review's status bar item. */
const statusItem = () => workbench.page.locator('.statusbar-item').filter({ hasText: /Scripted Judge|Model review/ }).first();

test('the status bar item names the model and says the analysis is not reviewed yet', { timeout: 120_000 }, async () => {
  await openFromExplorer(workbench.page, FILE);
  // The model's name shows once its provider has registered (VS Code activates it on demand).
  const text = await assertEventually(() => statusItem().innerText(), (t) => /Scripted Judge/.test(t), 'the model review’s status bar item to name the model', 60_000);
  assert.match(text, /Scripted Judge \(test stand-in\): not reviewed/);
  await workbench.shot('status-not-reviewed');
});

test('clicking it runs the review: reviewing…, then the number of findings; Problems lists the (model) ones', { timeout: 120_000 }, async () => {
  const page = workbench.page;
  await statusItem().click();
  await assertEventually(() => statusItem().innerText(), (t) => /reviewing/.test(t), 'the item to say reviewing', 10_000);
  await assertEventually(() => statusItem().innerText(), (t) => /2 findings/.test(t), 'the item to count the findings', 30_000);
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await assertEventually(async () => (await rows.allInnerTexts()).join('\n'), (t) => /\(model\) Asked why the payment service timed out/.test(t), 'the (model) finding in Problems');
  await workbench.shot('status-bar');
});
