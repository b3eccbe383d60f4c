/**
 * A large analysis is checked in the background worker, not on the extension host's thread:
 * its diagnostics arrive and follow edits, and a check an edit overtook is never published
 * (issue 12).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { generateAnalysis } from '../bench/generate';
import { codeOf, waitForDiagnostics } from './whysHelpers';

suite('background checks of large analyses', () => {
  test('a 2,000-step analysis gets its diagnostics from the worker, and they follow the latest edit', async function () {
    this.timeout(60_000);
    const text = generateAnalysis(2000).replace('    actions:\n', '    actoins:\n');
    assert.ok(text.length > 200_000);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const typo = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'schema'), 'the misspelt key reported', 30_000);
    const typoLine = typo.find((d) => codeOf(d) === 'schema')!.range.start.line;
    assert.strictEqual(document.lineAt(typoLine).text.trim(), 'actoins:');
    // Two edits in a row: the check of the first is overtaken; only the last text is published.
    const editor = vscode.window.activeTextEditor!;
    const at = document.positionAt(document.getText().indexOf('actoins:'));
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 'actoins'.length)), 'actons'));
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 'actons'.length)), 'actions'));
    const fixed = await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'schema'), 'the typo gone after the last edit', 30_000);
    assert.ok(fixed.every((d) => codeOf(d) !== 'schema'));
    // And a finding the last version has appears at its line.
    const lastTitle = document.positionAt(document.getText().indexOf('title:'));
    await editor.edit((edit) => edit.replace(new vscode.Range(lastTitle, lastTitle.translate(0, 'title'.length)), 'titel'));
    const again = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'schema' && d.range.start.line === lastTitle.line), 'the new typo reported', 30_000);
    assert.ok(again.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the worker runs the learned detectors on by default too, as the host does on a small file', async function () {
    this.timeout(90_000);
    // A large analysis whose last root ends on an answer the learned vague detector flags (the
    // CLI and the host flag it in test/examples/database-memory.whys.yaml).
    const text = `${generateAnalysis(2000, 3)}  - id: learned-root
    whys:
      - why: Why did the application crash?
        because: Because the database became unresponsive.
    actions:
      - do: Add a memory limit to the reporting queries.
        owner: platform
        due: 2030-01-31
`;
    assert.ok(text.length > 200_000);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const line = document.positionAt(text.indexOf('Because the database became unresponsive.')).line;
    const found = await waitForDiagnostics(
      document,
      (ds) => ds.some((d) => codeOf(d) === 'vague' && d.range.start.line === line && /learned detector/.test(d.message)),
      'the learned vague finding from the worker',
      60_000,
    );
    assert.ok(found.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
