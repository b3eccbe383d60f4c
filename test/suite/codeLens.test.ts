/**
 * The CodeLens above each root in the real editor: what VS Code gets from our provider, that its
 * command opens the preview, and that `whys.codeLens.enabled` turns it off.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture } from './whysHelpers';

async function lenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('whys.preview'));
}

suite('CodeLens above each root', () => {
  test('depth of the longest chain, findings and actions, on the root’s first line', async () => {
    const document = await openFixture('lens.whys.yaml');
    const found = await lenses(document);
    const text = document.getText();
    assert.deepStrictEqual(
      found.map((l) => [l.range.start.line, l.command?.title]),
      [
        [document.positionAt(text.indexOf('id: export')).line, '4 whys deep · 1 suggestion · actions: 1 open, 1 done'],
        [document.positionAt(text.indexOf('id: detection')).line, '1 why deep · 2 suggestions · no actions'],
      ],
    );
  });

  test('clicking it opens the preview beside the file', async function () {
    this.timeout(60_000);
    const document = await openFixture('lens.whys.yaml');
    const [, second] = await lenses(document);
    assert.ok(second.command);
    assert.strictEqual(second.command.command, 'whys.showRootInPreview');
    await vscode.commands.executeCommand(second.command.command, ...(second.command.arguments ?? []));
    const deadline = Date.now() + 20_000;
    while (!previewTabs().some((t) => t.label === 'Why-tree: lens.whys.yaml')) {
      if (Date.now() > deadline) assert.fail(`no preview tab; tabs: ${JSON.stringify(vscode.window.tabGroups.all.map((g) => g.tabs.map((t) => t.label)))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await vscode.window.tabGroups.close(previewTabs());
  });

  test('whys.codeLens.enabled: false turns them off', async () => {
    const document = await openFixture('lens.whys.yaml');
    const config = vscode.workspace.getConfiguration('whys');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepStrictEqual(await lenses(document), []);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual((await lenses(document)).length, 2);
  });
});
