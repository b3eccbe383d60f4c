/**
 * package.json declares what whys can do in Restricted Mode and in virtual workspaces (issue 12):
 * without `capabilities`, VS Code disables the extension in an untrusted folder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] }; virtualWorkspaces?: boolean | { supported: boolean } };
};

test('untrusted workspaces: supported with limits, the model review settings restricted and the limit said', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), ['whys.judge.enabled', 'whys.judge.minConfidence', 'whys.judge.model', 'whys.judge.run', 'whys.judge.timeoutSeconds']);
  assert.match(untrusted.description ?? '', /model review/i);
  assert.match(untrusted.description ?? '', /off/);
});

test('virtual workspaces: supported (whys reads documents through VS Code, never from disk)', () => {
  assert.equal(manifest.capabilities?.virtualWorkspaces, true);
});
