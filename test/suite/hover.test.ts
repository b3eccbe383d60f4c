/**
 * The verdict hover in the real editor: on a flagged answer it explains the rule, on a sound one
 * it says so, on keys it stays out of the way (the key documentation hover answers there).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NOTHING_FOUND, ruleFor } from '../../src/core';
import { codeOf, openFixture, restore, waitForDiagnostics } from './whysHelpers';

/** The Markdown of every hover at a position, joined. */
async function hoverText(document: vscode.TextDocument, text: string, into = 3): Promise<string> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is not in the fixture`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + into));
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

suite('verdict hover', () => {
  test('an answer no rule flags says the offline rules found nothing, never that it is sound', async () => {
    const document = await openFixture('hover.whys.yaml');
    await waitForDiagnostics(document, (ds) => ds.length > 0, 'the fixture’s diagnostics');
    const text = await hoverText(document, 'Build logs were never rotated.');
    assert.ok(text.includes(NOTHING_FOUND), text);
    assert.ok(!/sound:/i.test(text), text);
    assert.ok(text.includes('**Answer** of step 2 of root `sound`'), text);
  });

  test('a flagged answer shows the finding and its rule’s explanation', async () => {
    const document = await openFixture('hover.whys.yaml');
    await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.includes('stops after 1 step')), 'the shallow diagnostic');
    const text = await hoverText(document, 'The artifact store rejected the upload.');
    const shallow = ruleFor('shallow')!;
    assert.ok(text.includes(shallow.title), text);
    assert.ok(text.includes(shallow.explanation), text);
    // The message itself is in VS Code's own diagnostic hover, not repeated by ours.
    assert.ok(!text.includes('stops after 1 step'), text);
  });

  test('a remedy given as the answer shows the action-as-cause explanation', async function () {
    const rule = ruleFor('action-as-cause');
    assert.ok(rule, 'the action-as-cause rule is not registered');
    const document = await openFixture('hover.whys.yaml');
    await waitForDiagnostics(document, (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'action-as-cause'), 'the action-as-cause diagnostic');
    const text = await hoverText(document, 'We should add a check');
    assert.ok(text.includes(rule!.explanation), text);
    assert.ok(!text.includes(NOTHING_FOUND), text);
  });

  test('a question gets a verdict too; a key gets none from this hover', async () => {
    const document = await openFixture('hover.whys.yaml');
    const question = await hoverText(document, 'Why did the disk fill up?');
    assert.ok(question.includes('**Question** of step 2 of root `sound`'), question);
    const key = await hoverText(document, 'because: Its disk', 2);
    assert.ok(!key.includes(NOTHING_FOUND) && !key.includes('**Answer** of'), key);
  });

  test('a step whose finding `# whys-ignore` switched off says the rule is off here, not that it is sound', async () => {
    const document = await openFixture('hover.whys.yaml');
    const original = document.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('      - why: Why was the mismatch not caught');
      edit.insert(document.uri, document.positionAt(at), '      # whys-ignore action-as-cause\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'action-as-cause'), 'the action-as-cause diagnostic to go');
      const text = await hoverText(document, 'We should add a check');
      assert.ok(text.includes('`action-as-cause` is switched off here by a `# whys-ignore` comment'), text);
      assert.ok(text.includes(`${NOTHING_FOUND} still on here`), text);
      assert.ok(!/sound:/i.test(text), text);
    } finally {
      await restore(document, original);
    }
  });
});
