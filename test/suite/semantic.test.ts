/**
 * The semantic pass in the Node extension host with the real, shipped sentence model (no
 * stand-in: it is in the package): its finding joins the diagnostics in the background, an
 * edit drops it, and a file of thousands of steps keeps the host answering while its pass runs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { generateAnalysis } from '../bench/generate';
import { codeOf, openFixture, restore, waitForDiagnostics } from './whysHelpers';

const ANSWER = 'The checkout failures went on for forty minutes because the alert only watched 500s.';
const semanticOf = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'off-topic' && /semantic pass/.test(d.message));

async function setSemantic(value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('whys').update('semantic', value, vscode.ConfigurationTarget.Global);
}

suite('semantic pass with the default setting (real sentence model)', () => {
  suiteSetup(() => setSemantic(undefined));

  test('whys.semantic "default" runs the off-topic detector (on by default); "off" drops its finding', async function () {
    this.timeout(120_000);
    const document = await openFixture('semantic/checkout-certificate.whys.yaml');
    const found = semanticOf(await waitForDiagnostics(document, (ds) => semanticOf(ds).length > 0, 'the default semantic off-topic finding', 110_000));
    assert.deepStrictEqual(found.map((d) => document.getText(d.range)), [ANSWER]);
    try {
      await setSemantic('off');
      const after = await waitForDiagnostics(document, (ds) => semanticOf(ds).length === 0 && ds.length > 0, 'the semantic finding dropped under "off"', 20_000);
      assert.ok(after.every((d) => !/semantic pass/.test(d.message)));
    } finally {
      await setSemantic(undefined);
    }
  });
});

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
    // The hover's verdict counts the semantic finding: not "sound", and marked as the pass's.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, found[0].range.start.translate(0, 3));
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.doesNotMatch(hoverText, /Sound: no reasoning problem found/);
    assert.match(hoverText, /off-topic.*found by the semantic pass \(sentence model\)/);
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

  test('a large analysis, checked in the background worker, gets its semantic finding too', async function () {
    this.timeout(180_000);
    const fixture = await openFixture('semantic/checkout-certificate.whys.yaml');
    const small = fixture.getText();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Past 20,000 characters the instant check runs in the worker; the pass starts from its findings.
    const padding = generateAnalysis(200, 11).split('roots:\n')[1];
    const text = `${small.endsWith('\n') ? small : `${small}\n`}${padding}`;
    assert.ok(text.length > 20_000, `${text.length} characters`);
    const large = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(large);
    const found = await waitForDiagnostics(large, (ds) => semanticOf(ds).length > 0, 'the semantic finding on the large file', 170_000);
    assert.ok(semanticOf(found).some((d) => large.getText(d.range) === ANSWER));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a file of 2,000 steps: the host answers while its pass runs, and closing it cancels the pass', async function () {
    this.timeout(180_000);
    const chain = (i: number) => `  - id: r${i}
    whys:
      - why: Why did service ${i} crash?
        because: Its worker ${i} read past the end of a buffer.
      - why: Why did worker ${i} read past the end?
        because: The message ${i} declared more fields than it carried.
      - why: Why did the message declare more fields?
        because: Team ${i} skipped the schema review.
      - why: Why was the schema review skipped?
        because: The review meeting ${i} was cancelled.
`;
    const text = `version: 1\nproblem: Many services crashed.\nroots:\n${Array.from({ length: 500 }, (_, i) => chain(i)).join('')}`;
    const long = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(long);
    await waitForDiagnostics(long, (ds) => ds.length > 0, 'the instant diagnostics of the long file', 60_000);
    // Its pass (about 4,000 texts to embed) is under way in the worker thread.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', long.uri);
    assert.ok(symbols && symbols.length > 0, 'no outline while the pass runs');
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', long.uri, long.positionAt(text.indexOf('Its worker 250')));
    assert.ok(hover && hover.length > 0, 'no hover while the pass runs');
    assert.strictEqual(semanticOf(vscode.languages.getDiagnostics(long.uri)).length, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Closing cancels that pass (test/unit/semantic/worker.test.ts checks the worker's side), and a
    // pass on another file never waits behind minutes of a large one: passes take turns at the model.
    const document = await openFixture('semantic/checkout-certificate.whys.yaml');
    const original = document.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(original.indexOf(ANSWER)), 'So, ');
      await vscode.workspace.applyEdit(edit);
      await waitForDiagnostics(document, (ds) => semanticOf(ds).some((d) => document.getText(d.range).startsWith('So, ')), 'the next file\'s semantic finding', 60_000);
    } finally {
      await restore(document, original);
    }
  });

  test('the semantic circular detector (on under "all") flags the answer that says its question again; the hover shows it', async function () {
    this.timeout(120_000);
    const document = await openFixture('semantic/greenhouse-valve.whys.yaml');
    const circularOf = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'circular' && /semantic pass/.test(d.message));
    const diagnostics = await waitForDiagnostics(document, (ds) => circularOf(ds).length > 0, 'the semantic circular finding', 110_000);
    const found = circularOf(diagnostics);
    assert.deepStrictEqual(found.map((d) => document.getText(d.range)), ['The gearbox had seized up and stuck fast.']);
    assert.match(found[0].message, /said again, not as a cause: .*\(similarity \d\.\d\d\).*Found by the semantic pass \(sentence model, \d+% circular\)/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, found[0].range.start.translate(0, 3));
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.doesNotMatch(hoverText, /Sound: no reasoning problem found/);
    // VS Code shows the diagnostic's message, with its figures, in the same hover as this verdict.
    assert.match(hoverText, /circular.*found by the semantic pass \(sentence model\)/);
  });
});
