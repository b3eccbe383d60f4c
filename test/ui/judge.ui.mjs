// @ts-check
/**
 * UI test of the model review's status bar item, as a person sees it: the PACKAGED whys.vsix and
 * a scripted stand-in for a language model (test/vscode/scripted-chat-model, a chat model
 * provider extension whose replies are scripted) installed in a real VS Code (code-server),
 * driven in Debian's Chromium. Clicking the item runs the review; its text follows the state.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openWorkbenchWithStandIn } from './standIn.mjs';
import { EDITOR, assertEventually, openFromExplorer } from './workbench.mjs';

const FILE = 'judge.whys.yaml';
/** The scripted model's reply: off-topic where the rules see nothing, blame where they agree. */
const REPLY = JSON.stringify({
  verdicts: [
    { id: 'r1.s2', field: 'because', rule: 'off-topic', confidence: 0.9, explanation: 'Asked why the payment service timed out, the answer turns to the S3 billing system.', suggestion: 'The payment service waited on a slow database query.' },
    { id: 'r2.s1', field: 'because', rule: 'blame', confidence: 0.85, explanation: 'It stops at a person.', suggestion: '' },
  ],
});

/** @type {Awaited<ReturnType<typeof openWorkbenchWithStandIn>>} */
let workbench;

before(async () => {
  workbench = await openWorkbenchWithStandIn({
    label: 'judge',
    file: FILE,
    replies: [{ when: 'Checkout returned errors for 40 minutes.', text: REPLY, delayMs: 1500 }],
    userSettings: { 'whys.judge.enabled': true },
  });
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
