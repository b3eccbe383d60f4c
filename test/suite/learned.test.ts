/**
 * The learned detectors in a real VS Code: their asset is read through `vscode.workspace.fs`
 * after the first check, and `whys.learned` switches them, live.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFixture, waitForDiagnostics } from './whysHelpers';

const VAGUE = 'There was a cultural problem around accountability in the organisation.';

async function setLearned(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('whys').update('learned', value, vscode.ConfigurationTarget.Global);
}

suite('learned detectors', () => {
  teardown(async () => {
    await setLearned(undefined);
  });

  test('whys.learned: off leaves a vague answer no phrase list knows; all flags it by the learned detector (asset read after the first check), with hover; off removes it again', async () => {
    const document = await openFixture('learned.whys.yaml');
    const line = document.positionAt(document.getText().indexOf(VAGUE)).line;
    const learnedAt = (ds: vscode.Diagnostic[]) => ds.find((d) => codeOf(d) === 'vague' && d.range.start.line === line);
    // Off: the rules alone, which pass this answer.
    await setLearned('off');
    const before = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'coverage'), 'the rules\' diagnostics');
    assert.strictEqual(learnedAt(before), undefined);
    await setLearned('all');
    const withLearned = await waitForDiagnostics(document, (ds) => learnedAt(ds) !== undefined, 'the learned vague finding', 15_000);
    const finding = learnedAt(withLearned)!;
    assert.strictEqual(document.getText(finding.range), VAGUE);
    assert.match(finding.message, /judged by the learned detector, mostly by “/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start.translate(0, 3));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(hoverText, /vague/i);
    await setLearned('off');
    await waitForDiagnostics(document, (ds) => learnedAt(ds) === undefined && ds.some((d) => codeOf(d) === 'coverage'), 'the learned finding to go');
  });
});
