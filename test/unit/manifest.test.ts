/**
 * The manifest (package.json) against the files it names and the product's promises: the
 * language and its files, activation only on whys files, commands and the preview, and a host
 * bundle without Mermaid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface Manifest {
  main: string;
  icon?: string;
  engines: { vscode: string };
  activationEvents?: string[];
  contributes: {
    languages: { id: string; aliases?: string[]; extensions?: string[]; configuration?: string; icon?: { light: string; dark: string } }[];
    grammars: { language?: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    yamlValidation: { fileMatch: string | string[]; url: string }[];
    commands?: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** Builds dist/ once when a test runs without the build stage before it. */
function ensureBuilt(): void {
  if (existsSync(join(ROOT, manifest.main)) && existsSync(join(ROOT, 'dist', 'whys.schema.json'))) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `node esbuild.mjs failed:\n${result.stderr}`);
}

test('the whys language: id, aliases, extensions, configuration and icon', () => {
  const languages = manifest.contributes.languages.filter((l) => l.id === 'whys');
  assert.equal(languages.length, 1);
  const [whys] = languages;
  assert.ok(whys.aliases?.includes('5 Whys'));
  assert.deepEqual([...(whys.extensions ?? [])].sort(), ['.whys.yaml', '.whys.yml']);
  assert.equal(whys.configuration, './language-configuration.json');
  assert.ok(whys.icon && existsSync(join(ROOT, whys.icon.light)) && existsSync(join(ROOT, whys.icon.dark)));
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'whys');
  assert.equal(grammar?.scopeName, 'source.whys');
  const grammarFile = JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')) as { scopeName: string };
  assert.equal(grammarFile.scopeName, 'source.whys');
  assert.ok(manifest.contributes.snippets.some((s) => s.language === 'whys'));
});

test('every file the manifest names exists', () => {
  ensureBuilt();
  const paths: string[] = [manifest.main];
  if (manifest.icon) paths.push(manifest.icon);
  for (const l of manifest.contributes.languages) {
    if (l.configuration) paths.push(l.configuration);
    if (l.icon) paths.push(l.icon.light, l.icon.dark);
  }
  for (const g of manifest.contributes.grammars) paths.push(g.path);
  for (const s of manifest.contributes.snippets) paths.push(s.path);
  for (const y of manifest.contributes.yamlValidation) paths.push(y.url);
  for (const p of paths) {
    assert.ok(existsSync(join(ROOT, p)), `${p} is named in package.json but does not exist`);
    if (p.endsWith('.json') || p.endsWith('.code-snippets')) assert.doesNotThrow(() => JSON.parse(readFileSync(join(ROOT, p), 'utf8')), p);
  }
  assert.equal(manifest.main, './dist/extension.js');
});

test('the extension icon is a 128×128 PNG', () => {
  assert.equal(manifest.icon, 'media/icon.png');
  const png = readFileSync(join(ROOT, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('yamlValidation hands the built schema to the YAML extension for .whys.yaml and .whys.yml', () => {
  const [entry] = manifest.contributes.yamlValidation;
  assert.deepEqual([entry.fileMatch].flat().sort(), ['*.whys.yaml', '*.whys.yml']);
  assert.equal(entry.url, './dist/whys.schema.json');
});

test('activation: only whys files, the extension’s commands and the preview panel', () => {
  const commands = new Set((manifest.contributes.commands ?? []).map((c) => c.command));
  const events = manifest.activationEvents ?? [];
  for (const event of events) {
    const ok = event === 'onLanguage:whys' || event === 'onWebviewPanel:whys.preview' || (event.startsWith('onCommand:') && commands.has(event.slice('onCommand:'.length)));
    assert.ok(ok, `unexpected activation event ${event}`);
  }
  assert.ok(events.includes('onWebviewPanel:whys.preview'), 'the preview must be restored after a reload');
  // VS Code ≥ 1.74 activates on contributed languages and commands without listing them.
  assert.match(manifest.engines.vscode, /^\^1\.(7[4-9]|[89]\d|1\d\d)\./);
});

test('commands are named whys.*, have titles, and every menu entry names a contributed command', () => {
  const commands = manifest.contributes.commands ?? [];
  assert.ok(commands.length > 0);
  for (const c of commands) {
    assert.match(c.command, /^whys\./);
    assert.ok(c.title.length > 0, c.command);
  }
  const known = new Set(commands.map((c) => c.command));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
    for (const e of entries) assert.ok(known.has(e.command), `${menu} names ${e.command}, which is not contributed`);
  }
});

test('Mermaid is not bundled into the extension host (it loads in the webview only)', () => {
  ensureBuilt();
  const bundle = readFileSync(join(ROOT, manifest.main), 'utf8');
  assert.ok(bundle.length < 1_500_000, `dist/extension.js is ${bundle.length} bytes`);
  for (const marker of ['mermaidAPI', 'node_modules/mermaid/', 'cytoscape', 'dagre-d3-es']) {
    assert.ok(!bundle.includes(marker), `dist/extension.js contains ${marker}`);
  }
  const mapPath = join(ROOT, manifest.main + '.map');
  if (existsSync(mapPath)) {
    const sources = (JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[] }).sources;
    const heavy = sources.filter((s) => /node_modules\/(mermaid|d3|dagre|cytoscape|katex)/.test(s));
    assert.deepEqual(heavy, []);
    assert.ok(sources.some((s) => s.includes('src/extension/extension.ts')), 'the source map is of the extension bundle');
  }
});

test('the web bundle (VS Code for the Web) exists and requires nothing but vscode', () => {
  const web = (manifest as { browser?: string }).browser;
  assert.equal(web, './dist/web/extension.js');
  const bundle = readFileSync(join(ROOT, web!), 'utf8');
  const required = [...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(required)], ['vscode']);
  for (const marker of ['mermaid.initialize', 'flowchart-v2']) assert.ok(!bundle.includes(marker), `dist/web/extension.js contains ${marker}`);
});
