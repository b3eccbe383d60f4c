// @ts-check
/**
 * Runs the extension-host suite in a VS Code that @vscode/test-electron downloads, for
 * machines with internet (a contributor's laptop, GitHub Actions). The same suite
 * (out/test/suite/index.js) runs here on this offline machine through
 * test/vscode/runHostTests.mjs, which `npm test` uses; this launcher is not part of `npm test`.
 *
 *   node test/vscode/runElectron.mjs [--no-build]      (VSCODE_VERSION=stable|insiders|1.x.y)
 *
 * On Linux without a display, run it under `xvfb-run -a`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT, copyDir, runStep } from './codeServer.mjs';

async function main() {
  if (!process.argv.includes('--no-build')) {
    runStep(process.execPath, ['esbuild.mjs']);
    runStep(process.execPath, ['esbuild.mjs', '--tests']);
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-workspace-'));
  copyDir(path.join(REPO_ROOT, 'test', 'examples'), path.join(workspace, 'examples'));
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  if (fs.existsSync(fixtures)) copyDir(fixtures, path.join(workspace, 'fixtures'));
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      // whys, and the scripted stand-in for a language model that the model review's tests use.
      extensionDevelopmentPath: [REPO_ROOT, path.join(REPO_ROOT, 'test', 'vscode', 'scripted-chat-model')],
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[electron-tests] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
