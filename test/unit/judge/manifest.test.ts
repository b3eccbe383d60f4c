/**
 * The model review in the manifest: its settings and their defaults (off, on command, 0.7), its
 * commands, and every one of its settings restricted in untrusted workspaces; `engines.vscode`
 * stays at 1.90 (the Language Model API), and the scripted stand-in model is never packaged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('manifest: the model review’s settings, off by default and run on command', () => {
  const props = manifest.contributes.configuration.properties;
  assert.equal(props['whys.judge.enabled'].default, false);
  assert.equal(props['whys.judge.model'].default, '');
  assert.equal(props['whys.judge.run'].default, 'onCommand');
  assert.deepEqual(props['whys.judge.run'].enum, ['onCommand', 'onSave']);
  assert.equal(props['whys.judge.minConfidence'].default, 0.7);
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.ok(commands.includes('whys.judge.review') && commands.includes('whys.judge.cancel'));
  const review = manifest.contributes.commands.find((c: { command: string }) => c.command === 'whys.judge.review');
  assert.equal(`${review.category}: ${review.title}`, 'Whys: Review Reasoning with a Language Model');
});

test('manifest: every whys.judge setting is restricted in untrusted workspaces; engines.vscode stays ^1.90', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(untrusted && untrusted.supported !== true, 'untrusted workspaces are declared as limited');
  const judgeSettings = Object.keys(manifest.contributes.configuration.properties).filter((k) => k.startsWith('whys.judge.'));
  assert.ok(judgeSettings.length >= 4);
  for (const key of judgeSettings) assert.ok(untrusted.restrictedConfigurations?.includes(key), `${key} is not restricted`);
  assert.equal(manifest.engines.vscode, '^1.90.0');
});

test('manifest: the scripted stand-in model (test/vscode/scripted-chat-model) is left out of the package', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
  assert.equal(ignore.find((l) => l.trim() && !l.startsWith('#')), '**', 'everything is left out unless listed');
  assert.ok(!ignore.some((l) => l.startsWith('!test')), 'nothing under test/ is let back in');
});
