// @ts-check
/**
 * `npm start`: builds the extension, installs it into a private code-server (a real VS Code
 * from npm) and serves the repo's examples/ folder on http://127.0.0.1:PORT/ (PORT defaults
 * to 8080). Open the printed URL in any browser; Ctrl+C stops everything.
 *
 *   npm start                  copy the freshly built extension folder (fast)
 *   npm start -- --vsix        package whys.vsix and install that (tests the package)
 *   PORT=9000 npm start
 *
 * After editing the code, stop and run `npm start` again (or run `npm run watch` beside it
 * and reload the browser window for dist/ changes: the copy is refreshed at each start only).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, ensureCodeServer, installVsix, runStep, startCodeServer } from '../test/vscode/codeServer.mjs';

const useVsix = process.argv.includes('--vsix');
const port = Number(process.env.PORT || 8080);

/** Files and folders of the repo that the extension needs at run time, besides dist/. */
const RUNTIME_PARTS = ['package.json', 'dist', 'syntaxes', 'media', 'snippets', 'schemas', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** Copies the built extension into an extensions folder as VS Code would lay it out. */
function copyExtension(/** @type {string} */ extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const target = path.join(extensionsDir, `${id}-${pkg.version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const part of RUNTIME_PARTS) {
    const from = path.join(REPO_ROOT, part);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, part), { recursive: true });
  }
  // Runtime dependencies that the bundles leave external, if any.
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const from = path.join(REPO_ROOT, 'node_modules', dep);
    const bundled = ['yaml', 'mermaid', '@vscode/webview-ui-toolkit']; // bundled by esbuild.mjs
    if (!bundled.includes(dep) && fs.existsSync(from)) fs.cpSync(from, path.join(target, 'node_modules', dep), { recursive: true });
  }
  return id;
}

async function main() {
  console.log('[start] checking for code-server in .vscode-test/ (the first run installs it: a few minutes, with progress below)');
  ensureCodeServer();
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-start-extensions-'));
  process.on('exit', () => fs.rmSync(extensionsDir, { recursive: true, force: true }));
  if (useVsix) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('`npm run package` failed');
    installVsix(path.join(REPO_ROOT, 'whys.vsix'), extensionsDir);
    console.log('[start] installed whys.vsix');
  } else {
    console.log('[start] building the extension');
    runStep(process.execPath, ['esbuild.mjs']);
    const id = copyExtension(extensionsDir);
    console.log(`[start] installed the built extension ${id} (copy)`);
  }
  const workspace = path.join(REPO_ROOT, 'examples');
  console.log(`[start] starting code-server on 127.0.0.1:${port}`);
  const server = await startCodeServer({ workspace, extensionsDir, port, quiet: true });
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n  whys is running in VS Code (code-server) at:\n\n    ${url}\n\n  code-server log: ${server.logFile}\n  Press Ctrl+C to stop.\n`);
}

main().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
