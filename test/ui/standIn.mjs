// @ts-check
/**
 * The PACKAGED whys.vsix beside a scripted stand-in for a language model
 * (test/vscode/scripted-chat-model, a chat model provider extension whose replies are scripted),
 * in a real VS Code (code-server) driven in Debian's Chromium: what the model review's UI tests
 * share. The stand-in writes each request it gets to `requestLog`, so a test outside the
 * extension host can tell whether anything was sent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, copyDir, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../vscode/codeServer.mjs';
import { RESULTS, VSIX } from './workbench.mjs';

const STAND_IN = path.join(REPO_ROOT, 'test', 'vscode', 'scripted-chat-model');

/**
 * Opens the workbench on a folder holding `examples/FILE` (copied from test/fixtures/), with
 * whys and the stand-in installed. `workspaceTrust: true` leaves workspace trust on, so the
 * folder opens in Restricted Mode.
 * @param {{ label: string, file: string, replies: unknown[], userSettings?: Record<string, unknown>, workspaceTrust?: boolean }} options
 */
export async function openWorkbenchWithStandIn({ label, file, replies, userSettings = {}, workspaceTrust = false }) {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (process.env.WHYS_SKIP_PACKAGE !== '1' || !fs.existsSync(VSIX)) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    assert.equal(r.status, 0, '`npm run package` failed: cannot build whys.vsix');
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `whys-ui-${label}-`));
  // In an examples/ folder, where the shared helper opens files from.
  fs.mkdirSync(path.join(workspace, 'examples'));
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', file), path.join(workspace, 'examples', file));
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), `whys-ui-${label}-extensions-`));
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
  const requestLog = path.join(extensionsDir, 'requests.jsonl');
  fs.writeFileSync(path.join(standIn, 'scripted-replies.json'), JSON.stringify({ replies, requestLog }));
  const server = await startCodeServer({ workspace, extensionsDir, userSettings: { 'whys.judge.model': 'whys-scripted', ...userSettings }, workspaceTrust });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    /** The requests the stand-in received, in order. */
    requests() {
      return fs.existsSync(requestLog) ? fs.readFileSync(requestLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
    },
    /** @param {string} name */
    async shot(name) {
      const shotFile = path.join(RESULTS, `ui-${label}-${name}.png`);
      await page.screenshot({ path: shotFile }).catch(() => {});
      return shotFile;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      for (const dir of [workspace, extensionsDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
