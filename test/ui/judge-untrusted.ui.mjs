// @ts-check
/**
 * The model review in Restricted Mode, as a person sees it: whys.judge.enabled is on in the user
 * settings and a scripted stand-in for a language model is installed
 * (test/vscode/scripted-chat-model), but the folder is never trusted. The offline checks run;
 * the model review's status bar item says it is off and why; clicking it sends nothing (the
 * stand-in logs every request it receives) and no (model) finding appears (issues 10 and 12).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openWorkbenchWithStandIn } from './standIn.mjs';
import { EDITOR, assertEventually, openFromExplorer } from './workbench.mjs';

const FILE = 'judge.whys.yaml';
/** What the stand-in would answer, were it asked: one off-topic verdict. */
const REPLY = JSON.stringify({
  verdicts: [{ id: 'r1.s2', field: 'because', rule: 'off-topic', confidence: 0.9, explanation: 'Scripted: should never be shown in Restricted Mode.', suggestion: '' }],
});

/** @type {Awaited<ReturnType<typeof openWorkbenchWithStandIn>>} */
let workbench;

before(async () => {
  workbench = await openWorkbenchWithStandIn({
    label: 'judge-untrusted',
    file: FILE,
    replies: [{ text: REPLY }],
    workspaceTrust: true,
    // No trust prompt: the folder simply stays untrusted (Restricted Mode).
    userSettings: {
      'whys.judge.enabled': true,
      'whys.judge.run': 'onSave',
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
    },
  });
});

after(async () => {
  await workbench?.close();
});

/** The model review's status bar item (it names the model when one is in use). */
const statusItem = () => workbench.page.locator('.statusbar-item').filter({ hasText: /Scripted Judge|Model review/ }).first();

test('in Restricted Mode the rules check the file and the model review says it is off', { timeout: 120_000 }, async () => {
  const page = workbench.page;
  await page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).first().waitFor({ timeout: 45_000 });
  await openFromExplorer(page, FILE);
  await page.locator(`${EDITOR} .squiggly-warning, ${EDITOR} .squiggly-info`).first().waitFor({ timeout: 45_000 });
  const text = await assertEventually(() => statusItem().innerText(), (t) => /Model review: off/.test(t), 'the model review’s item to say off', 30_000);
  assert.doesNotMatch(text, /Scripted Judge/, 'no model is named: none is used here');
  await workbench.shot('status-off');
});

test('clicking it, or saving, sends nothing to the model and adds no (model) finding', { timeout: 120_000 }, async () => {
  const page = workbench.page;
  await statusItem().click();
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+S');
  // Long enough for a review to have started and answered (the stand-in replies at once).
  await page.waitForTimeout(4000);
  assert.deepEqual(workbench.requests(), [], 'the stand-in model received no request');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const all = (await rows.allInnerTexts()).join('\n');
  assert.match(all, /\bwhys\b/, 'the rules’ findings are listed');
  assert.doesNotMatch(all, /\(model\)/, 'no finding of the model review');
  await workbench.shot('untrusted-nothing-sent');
});
