/** Smoke test in the real extension host: the extension is there and owns `.whys.yaml`. */
import * as assert from 'assert';
import * as vscode from 'vscode';

suite('smoke', () => {
  test('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension('whys.whys');
    assert.ok(ext, 'extension whys.whys is not loaded');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  test('examples/crowdstrike.whys.yaml opens with the language id "whys"', async () => {
    const found = await vscode.workspace.findFiles('**/crowdstrike.whys.yaml', '**/node_modules/**', 1);
    assert.strictEqual(found.length, 1, 'crowdstrike.whys.yaml is not in the test workspace');
    const doc = await vscode.workspace.openTextDocument(found[0]);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'whys');
  });
});
