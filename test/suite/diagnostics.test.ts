/**
 * What VS Code itself reports for whys files: diagnostics with exact ranges, codes and links,
 * live updates on edits, cleared on close, and settings (`whys.rules`, `whys.minDepth`, `whys.synonyms`) applied
 * without a reload.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFixture, restore, waitForDiagnostics } from './whysHelpers';

const rangeText = (document: vscode.TextDocument, d: vscode.Diagnostic) => document.getText(d.range);
const summary = (document: vscode.TextDocument, ds: vscode.Diagnostic[]) =>
  ds.map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${rangeText(document, d)}`).sort();

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('whys').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('diagnostics', () => {
  teardown(async () => {
    await setSetting('rules', undefined);
    await setSetting('minDepth', undefined);
    await setSetting('synonyms', undefined);
  });

  test('structural problems are reported at their exact ranges with code, source and link', async () => {
    const document = await openFixture('structure.whys.yaml');
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'unknown-ref'), 'structural diagnostics');
    assert.deepStrictEqual(summary(document, diagnostics), [
      'action-incomplete 16:13 Delete temporary files when a run ends.',
      'coverage 7:1 roots',
      'duplicate-id 12:13 export',
      'schema 10:9 why',
      'schema 11:9 becuase',
      'schema 5:13 severe',
      'shallow 14:18 Temporary files of earlier runs were never deleted.',
      'unknown-ref 17:14 exprt',
    ]);
    const typo = diagnostics.find((d) => rangeText(document, d) === 'becuase')!;
    assert.strictEqual(typo.source, 'whys');
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.match(typo.message, /Did you mean `because`\?/);
    const code = typo.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'schema');
    assert.match(code.target.toString(), /README\.md#rule-schema$/);
  });

  test('diagnostics follow edits and are cleared when the document closes', async () => {
    const document = await openFixture('structure.whys.yaml');
    const original = document.getText();
    try {
      await waitForDiagnostics(document, (ds) => ds.some((d) => rangeText(document, d) === 'becuase'), 'the typo');
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('becuase');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 7)), 'because');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'schema' && /becuase|missing/.test(d.message)) && ds.some((d) => codeOf(d) === 'unknown-ref'), 'the typo to go');
    } finally {
      await restore(document, original);
    }
  });

  test('whys.rules changes a severity or switches a rule off, live', async () => {
    const document = await openFixture('structure.whys.yaml');
    await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'duplicate-id'), 'duplicate-id');
    await setSetting('rules', { 'duplicate-id': 'off', 'action-incomplete': 'error' });
    const changed = await waitForDiagnostics(
      document,
      (ds) => !ds.some((d) => codeOf(d) === 'duplicate-id') && ds.some((d) => codeOf(d) === 'action-incomplete' && d.severity === vscode.DiagnosticSeverity.Error),
      'settings to apply',
    );
    assert.ok(changed.some((d) => codeOf(d) === 'unknown-ref'));
    await setSetting('rules', undefined);
    await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'duplicate-id'), 'duplicate-id to come back');
  });

  test('whys.minDepth changes what shallow flags', async () => {
    const document = await openFixture('structure.whys.yaml');
    await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'shallow' && /the minimum is 3/.test(d.message)), 'shallow at the default depth');
    await setSetting('minDepth', 2);
    await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'unknown-ref') && !ds.some((d) => codeOf(d) === 'shallow'), 'no shallow at minDepth 2');
    await setSetting('minDepth', 5);
    const deep = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'shallow'), 'shallow at minDepth 5');
    const shallow = deep.find((d) => codeOf(d) === 'shallow')!;
    assert.strictEqual(rangeText(document, shallow), 'Temporary files of earlier runs were never deleted.');
    assert.strictEqual(shallow.severity, vscode.DiagnosticSeverity.Information);
    assert.match(shallow.message, /stops after 2 steps \(the minimum is 5\)/);
  });

  test('whys.synonyms teaches the reasoning rules a team\'s own terms, live', async () => {
    const document = await openFixture('synonyms.whys.yaml');
    const before = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'chain-break'), 'chain-break without the synonym');
    assert.strictEqual(rangeText(document, before.find((d) => codeOf(d) === 'chain-break')!), 'Why did the MES lock the recipe?');
    await setSetting('synonyms', [['MES', 'shop-floor system']]);
    await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'chain-break'), 'no chain-break once MES means the shop-floor system');
    await setSetting('synonyms', undefined);
    await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'chain-break'), 'chain-break back without the synonym');
    // A malformed entry is left out (with a warning); the well-formed group beside it still applies.
    await setSetting('synonyms', [['MES'], 'WS=widget service', ['MES', 'shop-floor system']]);
    await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'chain-break'), 'no chain-break: the good group applies beside malformed ones');
  });

  test('the canonical weak chain is flagged in the editor', async () => {
    const [uri] = await vscode.workspace.findFiles('**/crowdstrike-as-written.whys.yaml', undefined, 1);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'off-topic'), 'off-topic on step 4');
    const offTopic = diagnostics.filter((d) => codeOf(d) === 'off-topic');
    assert.strictEqual(offTopic.length, 1);
    assert.strictEqual(offTopic[0].range.start.line + 1, 16);
    assert.strictEqual(offTopic[0].severity, vscode.DiagnosticSeverity.Warning);
  });
});
