/**
 * "Whys: New Analysis from Text" in the real editor: the essay's list (seed 000) becomes a new,
 * unsaved whys document, checked at once: the canonical off-topic answer of step 4 is flagged.
 * The selection is read when the command is given no text.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics } from './whysHelpers';

const ESSAY = [
  'Let’s take a closer look at how the "5 Whys" could have been applied to the Crowdstrike incident:',
  'Why did the system crash?',
  'Because the content interpreter attempted to access an out-of-bounds memory location.',
  'Why did it access an out-of-bounds memory location?',
  'Because it expected 21 input parameters, but only 20 were provided.',
  'Why were only 20 input parameters provided?',
  'Because the integration code that invoked the content interpreter was only set up to handle 20 inputs.',
  'Why was the integration code only set up for 20 inputs?',
  'Because the new IPC Template Type, introduced in February 2024, defined 21 input fields, but the testing processes did not include a scenario where the 21st input field was required.',
  'Why did the testing processes not include this scenario?',
  'Because the test cases were based on previous template instances that used wildcard matching criteria, which did not trigger the out-of-bounds issue.',
].join('\n');

suite('New Analysis from Text', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the essay’s list becomes a checked analysis in a new editor', async () => {
    const ext = vscode.extensions.getExtension('whys.whys');
    await ext?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('whys.newAnalysisFromText'));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('whys.newAnalysisFromText', ESSAY);
    assert.ok(document, 'the command returns the new document');
    assert.strictEqual(document.languageId, 'whys');
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.match(text, /^ {6}- why: Why did the system crash\?\n {8}because: Because the content interpreter attempted/m);
    assert.match(text, /^ {2}# Let’s take a closer look at how the "5 Whys"/m, 'the prose line is kept as a comment');
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'off-topic'), 'the off-topic diagnostic');
    const offTopic = diagnostics.find((d) => codeOf(d) === 'off-topic')!;
    assert.match(document.getText(offTopic.range), /^Because the new IPC Template Type/);
    assert.deepStrictEqual(diagnostics.filter((d) => codeOf(d) === 'schema' || codeOf(d) === 'syntax'), []);
  });

  test('with no text given, the selection of the active editor is imported', async () => {
    const source = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `Notes\n1. Why did the job fail? The disk was full.\n2. Why was the disk full? Logs were never rotated.\nEnd of notes\n` });
    const editor = await vscode.window.showTextDocument(source);
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('whys.newAnalysisFromText');
    assert.ok(document);
    const text = document.getText();
    assert.match(text, /- why: Why did the job fail\?\n {8}because: The disk was full\./);
    assert.match(text, /- why: Why was the disk full\?\n {8}because: Logs were never rotated\./);
    assert.doesNotMatch(text, /Notes|End of notes/, 'only the selection');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(source);
  });
});
