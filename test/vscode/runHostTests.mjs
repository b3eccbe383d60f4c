// @ts-check
/**
 * Runs the extension-host mocha suite (out/test/suite/index.js) inside a real VS Code:
 * code-server from npm, opened in headless Chromium with the `payload` that VS Code's own
 * browser integration tests use (extensionDevelopmentPath + extensionTestsPath). Prints
 * mocha's output and exits with the suite's code. A scripted stand-in for a language model
 * (test/vscode/scripted-chat-model/, a chat model provider) is installed beside whys.
 *
 *   node test/vscode/runHostTests.mjs [--no-build] [--timeout SECONDS] [--verbose] [--extension-path DIR]
 *
 * On a machine with internet, test/vscode/runElectron.mjs runs the same suite in a
 * downloaded VS Code through @vscode/test-electron.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { REPO_ROOT, copyDir, launchChromium, runStep, startCodeServer, tail, workbenchUrl } from './codeServer.mjs';

const argv = process.argv.slice(2);
const noBuild = argv.includes('--no-build');
const verbose = argv.includes('--verbose');
const tIdx = argv.indexOf('--timeout');
/** Workbench start-up messages that say nothing about the suite. */
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Updating additional builtin extensions cache|Timed out waiting for authentication provider 'github')/;
const TIMEOUT_MS = (tIdx >= 0 ? Number(argv[tIdx + 1]) : 300) * 1000;

/** The extension under test: the repo itself, or another folder (only to try the harness). */
const eIdx = argv.indexOf('--extension-path');
const EXTENSION_PATH = eIdx >= 0 ? path.resolve(argv[eIdx + 1]) : REPO_ROOT;
const EXTENSION_MAIN = path.join(EXTENSION_PATH, JSON.parse(fs.readFileSync(path.join(EXTENSION_PATH, 'package.json'), 'utf8')).main ?? 'dist/extension.js');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'suite', 'index.js');
/**
 * A scripted stand-in for a language model (a chat model provider extension, test-only), loaded
 * beside whys so the model review is tested through the real `vscode.lm` API.
 */
export const SCRIPTED_CHAT_MODEL = path.join(REPO_ROOT, 'test', 'vscode', 'scripted-chat-model');

/**
 * A throw-away extensions folder holding the scripted stand-in, installed as VS Code lays an
 * extension out (`publisher.name-version/`). The workbench keeps the test `payload` in a map, so
 * a second `extensionDevelopmentPath` would replace whys's rather than join it.
 */
export function extensionsWithScriptedModel() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-extensions-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(SCRIPTED_CHAT_MODEL, 'package.json'), 'utf8'));
  copyDir(SCRIPTED_CHAT_MODEL, path.join(dir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
  return dir;
}

/** A throw-away workspace: the tests' own copy of the examples (test/examples/, so files a user adds to examples/ change nothing) and, when present, test/fixtures/. */
export function makeWorkspace() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-workspace-'));
  copyDir(path.join(REPO_ROOT, 'test', 'examples'), path.join(ws, 'examples'));
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  if (fs.existsSync(fixtures)) copyDir(fixtures, path.join(ws, 'fixtures'));
  return ws;
}

async function main() {
  if (!noBuild) {
    runStep(process.execPath, ['esbuild.mjs']);
    runStep(process.execPath, ['esbuild.mjs', '--tests']);
  }
  for (const [file, what] of [[EXTENSION_MAIN, 'the extension bundle (node esbuild.mjs)'], [TESTS_ENTRY, 'the test bundle (node esbuild.mjs --tests)']]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: ${what} did not produce it`);
  }

  const workspace = makeWorkspace();
  const extensionsDir = extensionsWithScriptedModel();
  const server = await startCodeServer({ workspace, extensionsDir });
  const browser = await launchChromium();
  let code = 1;
  try {
    const page = await browser.newPage();
    /** @type {(code: number) => void} */
    let onExit = () => {};
    const exited = new Promise((resolve) => (onExit = resolve));
    /** Console lines of the page, shown only when the run never reports back. */
    const pageLog = /** @type {string[]} */ ([]);
    page.on('console', (m) => pageLog.push(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => pageLog.push(`[page error] ${e.message}`));

    // The extension host's console (mocha's reporter) arrives here.
    // The workbench's own chatter comes through the same channel; --verbose shows it all.
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && NOISE.test(line)) return;
      if (type === 'error' || type === 'warn') process.stderr.write(`${line}\n`);
      else process.stdout.write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ c) => onExit(c));

    const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    /** @type {[string, string][]} */
    const payload = [
      ['extensionDevelopmentPath', remote(EXTENSION_PATH)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
      ['skipWelcome', 'true'],
    ];
    console.log(`[host-tests] code-server ${server.url} (log: ${server.logFile}); workspace ${workspace}`);
    await page.goto(workbenchUrl(server, workspace, payload));

    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      console.error(`[host-tests] no result after ${TIMEOUT_MS / 1000} s. Page console:\n${pageLog.slice(-60).join('\n')}\n${tail(server.logFile)}`);
      await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'host-tests-timeout.png') }).catch(() => {});
      code = 1;
    } else {
      code = Number(result);
      console.log(`[host-tests] extension host exited with code ${code}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
  return code;
}

fs.mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[host-tests] ${err instanceof Error ? err.stack ?? err.message : err}`);
    process.exit(1);
  },
);
