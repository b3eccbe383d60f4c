/** The preview's commands in the real extension host: panels, reuse, exports, contributions. */
import * as assert from 'assert';
import * as vscode from 'vscode';

const VIEW_TYPE = 'whys.preview';

async function openExample(name: string): Promise<vscode.TextDocument> {
  const ext = vscode.extensions.getExtension('whys.whys');
  await ext?.activate();
  const [uri] = await vscode.workspace.findFiles(`**/examples/${name}`, '**/node_modules/**', 1);
  assert.ok(uri, `examples/${name} is not in the test workspace`);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

/** The preview tabs open in the window. */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function closePreviews(): Promise<void> {
  const tabs = previewTabs();
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

suite('preview', () => {
  suiteTeardown(closePreviews);

  test('the commands are registered and contributed with the editor title button', async () => {
    await openExample('crowdstrike.whys.yaml');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['whys.openPreview', 'whys.openPreviewToSide', 'whys.exportMarkdown', 'whys.exportSvg']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
    const manifest = vscode.extensions.getExtension('whys.whys')!.packageJSON as {
      activationEvents: string[];
      contributes: { menus: Record<string, { command: string; when?: string }[]>; configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
    const title = manifest.contributes.menus['editor/title'].find((m) => m.command === 'whys.openPreviewToSide');
    assert.strictEqual(title?.when, 'editorLangId == whys');
    assert.strictEqual(manifest.contributes.configuration.properties['whys.preview.maxNodes'].default, 500);
    assert.strictEqual(vscode.workspace.getConfiguration('whys').get('preview.maxNodes'), 500);
  });

  test('Open Preview to the Side opens one panel beside the editor, and reuses it', async () => {
    await closePreviews();
    const document = await openExample('crowdstrike.whys.yaml');
    await vscode.commands.executeCommand('whys.openPreviewToSide');
    const [tab] = await waitFor('a preview tab', () => previewTabs().length === 1 && previewTabs());
    assert.strictEqual(tab.label, 'Why-tree: crowdstrike.whys.yaml');
    assert.notStrictEqual(tab.group.viewColumn, vscode.ViewColumn.One);
    // Again, from the editor and through the URI (explorer): still one panel.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('whys.openPreviewToSide');
    await vscode.commands.executeCommand('whys.openPreview', document.uri);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(previewTabs().length, 1);
    // Another document gets its own panel.
    await openExample('database-memory.whys.yaml');
    await vscode.commands.executeCommand('whys.openPreviewToSide');
    const tabs = (): string =>
      'a second preview tab; tabs: ' +
      JSON.stringify(vscode.window.tabGroups.all.map((g) => [g.viewColumn, g.tabs.map((t) => t.label)])) +
      ` active editor: ${vscode.window.activeTextEditor?.document.uri.path}`;
    await waitFor(tabs, () => previewTabs().length === 2);
    await closePreviews();
  });

  test('Export as Markdown Report writes the CoE report with the mermaid tree', async () => {
    const document = await openExample('crowdstrike.whys.yaml');
    const target = vscode.Uri.joinPath(document.uri, '..', 'crowdstrike.report.md');
    const written = await vscode.commands.executeCommand<vscode.Uri>('whys.exportMarkdown', document.uri, target);
    assert.strictEqual(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Correction of Errors: Channel File 291 crashed Windows hosts\n/);
    assert.match(text, /^## Root 2: Why did it take so long to recover\?$/m);
    assert.match(text, /^\| 3 \| Let the sensor skip a channel file that crashed the previous boot\. \| slow-recovery \| sensor-platform \| 2024-09-30 \| mitigate \| open \| — \|$/m);
    assert.match(text, /```mermaid\nflowchart TD\n[\s\S]*\n```\n$/);
    await vscode.workspace.fs.delete(target);
  });

  test('Export as SVG draws the tree in the preview and writes the SVG', async function () {
    this.timeout(60_000);
    await closePreviews();
    const document = await openExample('database-memory.whys.yaml');
    const target = vscode.Uri.joinPath(document.uri, '..', 'database-memory.tree.svg');
    const written = await vscode.commands.executeCommand<vscode.Uri>('whys.exportSvg', document.uri, target);
    assert.strictEqual(written?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(svg, /Why did the database become unresponsive\?/);
    assert.strictEqual(svg.match(/<g class="node /g)?.length, 1 + 1 + 5);
    assert.strictEqual(previewTabs().length, 1, 'the preview was opened to draw the tree');
    await vscode.workspace.fs.delete(target);
    await closePreviews();
  });
});
