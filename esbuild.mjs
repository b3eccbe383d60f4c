// One build script, one esbuild context per bundle:
//   dist/extension.js  the extension host (node, cjs, `vscode` external)
//   dist/web/extension.js  the same for VS Code for the Web (browser, cjs, `vscode` external)
//   dist/cli.js        the `whys` command (node, cjs, with a shebang)
//   dist/webview.js    the preview's front end (browser, iife, with mermaid)
//   dist/whys.schema.json  the JSON Schema of the format, written from src/core/schema.ts
//   dist/learned/      the learned detectors' asset (weights.json, word-vectors.bin), loaded lazily
//   dist/semantic/     the semantic pass's asset (model.onnx, tokenizer.json, ONNX Runtime's .wasm,
//                      weights.json), loaded lazily; dist/semantic/worker.js, the pass's worker
// Flags: --watch, --production (minify, no source maps), --tests (bundle test entries to out/).
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, copyFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** Reports build errors in the problem-matcher format that VS Code's esbuild watchers expect. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemReporter],
  absWorkingDir: root,
};

/** Writes the JSON Schema from its single source of truth, src/core/schema.ts. */
async function writeSchema() {
  const out = await esbuild.build({
    ...common,
    entryPoints: ['src/core/schema.ts'],
    format: 'cjs',
    platform: 'node',
    write: false,
    sourcemap: false,
    plugins: [],
  });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/whys.schema.json'), JSON.stringify(mod.exports.whysSchema, null, 2) + '\n');
}

/**
 * The learned detectors' asset for the hosts to load lazily: every detector's weights and the
 * thresholds in one `weights.json`, and the word vectors as they are committed.
 */
function writeLearned() {
  const from = join(root, 'src/core/learned/weights');
  const to = join(root, 'dist/learned');
  mkdirSync(to, { recursive: true });
  const settings = JSON.parse(readFileSync(join(from, 'thresholds.json'), 'utf8'));
  const weights = Object.keys(settings).map((name) => JSON.parse(readFileSync(join(from, `${name}.json`), 'utf8')));
  writeFileSync(join(to, 'weights.json'), JSON.stringify({ weights, settings }));
  copyFileSync(join(from, 'word-vectors.bin'), join(to, 'word-vectors.bin'));
}

/**
 * The semantic pass's asset: the committed sentence model and tokenizer, ONNX Runtime's
 * single-threaded WebAssembly module (the one `.wasm` the wasm backend needs), and the semantic
 * detectors' weights and thresholds in one `weights.json`.
 */
function writeSemantic() {
  const to = join(root, 'dist/semantic');
  mkdirSync(to, { recursive: true });
  for (const name of ['model.onnx', 'tokenizer.json', 'LICENSE']) copyFileSync(join(root, 'models/all-MiniLM-L6-v2', name), join(to, name));
  copyFileSync(join(root, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'), join(to, 'ort-wasm-simd-threaded.wasm'));
  const from = join(root, 'src/core/semantic/weights');
  const settings = JSON.parse(readFileSync(join(from, 'thresholds.json'), 'utf8'));
  const weights = Object.keys(settings).map((name) => JSON.parse(readFileSync(join(from, `${name}.json`), 'utf8')));
  writeFileSync(join(to, 'weights.json'), JSON.stringify({ weights, settings }));
}

/** For the web build: a Node-only module `X.ts` is replaced by its `X.web.ts` (the semantic worker thread). */
const nodeOnlyToWeb = {
  name: 'node-only-to-web',
  setup(build) {
    build.onResolve({ filter: /\/workerEngine$/ }, (args) => ({ path: join(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

const productBuilds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
  },
  {
    // The same extension for VS Code for the Web (a web worker): no Node API is used.
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    plugins: [problemReporter, nodeOnlyToWeb],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Bundled ES modules (tinyglobby's fdir) read import.meta.url, which cjs lacks.
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': 'importMetaUrl', WHYS_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  },
  {
    // The semantic pass's worker thread for the Node extension host (it reads dist/semantic/).
    ...common,
    entryPoints: ['src/semantic/worker.ts'],
    outfile: 'dist/semantic/worker.js',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
  },
  {
    // The check, off the host's main thread (src/extension/background.ts starts it).
    ...common,
    entryPoints: ['src/extension/checkWorker.ts'],
    outfile: 'dist/checkWorker.js',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
  },
  {
    ...common,
    entryPoints: ['src/extension/checkWorker.ts'],
    outfile: 'dist/web/checkWorker.js',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  },
];

/** Every *.test.ts, *.ui.ts and bench entry under test/, bundled one file per entry. */
function testEntries() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'corpus' || name === 'fixtures') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(test|bench)\.ts$/.test(name) || /^(index|bench)\.ts$/.test(name)) found.push(relative(root, path));
    }
  };
  walk(join(root, 'test'));
  return found;
}

const testBuild = () => ({
  ...common,
  minify: false,
  entryPoints: testEntries(),
  outdir: 'out/test',
  outbase: 'test',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha', 'playwright-core', 'mermaid'],
});

async function main() {
  await writeSchema();
  writeLearned();
  writeSemantic();
  const builds = tests ? [testBuild()] : productBuilds;
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    console.log('[watch] build started');
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (!tests) chmodSync(join(root, 'dist/cli.js'), 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
