/**
 * The semantic pass in the Node extension host with the real, shipped sentence model (no
 * stand-in: it is in the package): its finding joins the diagnostics in the background, an
 * edit drops it, and a file of thousands of steps keeps the host answering while its pass runs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFixture, restore, waitForDiagnostics } from './whysHelpers';

const ANSWER = 'The checkout failures went on for forty minutes because the alert only watched 500s.';
const semanticOf = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'off-topic' && /semantic pass/.test(d.message));

async function setSemantic(value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('whys').update('semantic', value, vscode.ConfigurationTarget.Global);
}

suite('semantic pass (real sentence model)', () => {
  suiteSetup(() => setSemantic('all'));
  suiteTeardown(() => setSemantic(undefined));

  test('flags the answer that answers another root\'s question, marked as the semantic pass\'s', async function () {
    this.timeout(120_000);
    const document = await openFixture('semantic/checkout-certificate.whys.yaml');
    const diagnostics = await waitForDiagnostics(document, (ds) => semanticOf(ds).length > 0, 'the semantic off-topic finding', 110_000);
    const found = semanticOf(diagnostics);
    assert.deepStrictEqual(found.map((d) => document.getText(d.range)), [ANSWER]);
    assert.match(found[0].message, /closer to the question of step 1 of root `detection`/);
    assert.match(found[0].message, /similarity \d\.\d\d/);
    assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('an edit drops the pass\'s findings of the old version; the new version gets its own', async function () {
    this.timeout(120_000);
    const document = await openFixture('semantic/checkout-certificate.whys.yaml');
    const original = document.getText();
    try {
      await waitForDiagnostics(document, (ds) => semanticOf(ds).length > 0, 'the semantic finding', 110_000);
      const edit = new vscode.WorkspaceEdit();
      const at = document.positionAt(original.indexOf(ANSWER));
      edit.insert(document.uri, at, 'Sadly, ');
      await vscode.workspace.applyEdit(edit);
      // The instant check of the new version replaces the old findings at once...
      await waitForDiagnostics(document, (ds) => semanticOf(ds).length === 0 && ds.length > 0, 'the old semantic finding dropped', 10_000);
      // ...and the new version's pass adds its own, on the edited text.
      const again = await waitForDiagnostics(document, (ds) => semanticOf(ds).length > 0, 'the new semantic finding', 110_000);
      assert.strictEqual(document.getText(semanticOf(again)[0].range), `Sadly, ${ANSWER}`);
    } finally {
      await restore(document, original);
    }
  });

  test('a file of 2,000 steps: the host answers requests while its pass runs in the background', async function () {
    this.timeout(120_000);
    const chain = (i: number) => `  - id: r${i}
    whys:
      - why: Why did service ${i} crash?
        because: Its worker ${i} read past the end of a buffer.
      - why: Why did worker ${i} read past the end?
        because: The message ${i} declared more fields than it carried.
      - why: Why did the message declare more fields?
        because: Team ${i} did not review the on-call rota.
      - why: Why was the rota not reviewed?
        because: The review meeting ${i} was cancelled.
`;
    const text = `version: 1\nproblem: Many services crashed.\nroots:\n${Array.from({ length: 500 }, (_, i) => chain(i)).join('')}`;
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document, (ds) => ds.length > 0, 'the instant diagnostics of the long file', 60_000);
    // While the pass embeds thousands of texts, the host still answers a symbol request.
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'no outline while the pass runs');
    assert.strictEqual(semanticOf(vscode.languages.getDiagnostics(document.uri)).length, 0, 'the pass of 2,000 steps finished before the host answered');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
