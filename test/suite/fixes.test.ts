/**
 * Quick fixes in the real editor: VS Code asks our code action provider for the fixes of a whys
 * diagnostic, the edit is applied, the text is what we expect and the diagnostic goes away.
 * The reasoning fixes are skipped until their rules are registered.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleFor, type RuleCode } from '../../src/core';
import { codeActionsAt, codeOf, diagnosticAt, openFixture, restore, waitForDiagnostics } from './whysHelpers';

/**
 * Runs the fix with a title on a rule's diagnostic at a line. Diagnostics are debounced, so a
 * diagnostic published for an earlier text (before a previous test's restore) gets no fix: the
 * lookup is retried until the fresh one offers it.
 */
async function runFix(document: vscode.TextDocument, rule: string, lineText: string, title: (t: string) => boolean): Promise<{ diagnostic: vscode.Diagnostic; action: vscode.CodeAction }> {
  const deadline = Date.now() + 8000;
  let seen: string[] = [];
  for (;;) {
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === rule), `a ${rule} diagnostic`);
    const diagnostic = diagnosticAt(document, diagnostics, rule, lineText);
    if (diagnostic) {
      const actions = await codeActionsAt(document, diagnostic.range);
      seen = actions.map((a) => a.title);
      // (The actions VS Code hands back through the command may not carry their diagnostics.)
      const action = actions.find((a) => title(a.title));
      if (action) {
        assert.strictEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
        assert.ok(action.edit, 'the fix carries an edit');
        assert.ok(await vscode.workspace.applyEdit(action.edit));
        return { diagnostic, action };
      }
    }
    if (Date.now() > deadline) assert.fail(`no matching fix for ${rule} on the line of “${lineText}”; offered: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a rule's diagnostic is still on the line holding a text. */
function stillOn(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], rule: string, text: string): boolean {
  return document.getText().includes(text) && diagnosticAt(document, diagnostics, rule, text) !== undefined;
}

suite('quick fixes', () => {
  test('schema: rename a misspelt key', async () => {
    const document = await openFixture('fixes-structure.whys.yaml');
    const original = document.getText();
    try {
      const { action } = await runFix(document, 'schema', 'becuase:', (t) => t === 'Rename `becuase` to `because`');
      assert.strictEqual(action.isPreferred, true);
      assert.strictEqual(document.getText(), original.replace('becuase:', 'because:'));
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'schema'), 'the schema diagnostics to go');
    } finally {
      await restore(document, original);
    }
  });

  test('no-action: add an action skeleton', async () => {
    const document = await openFixture('fixes-structure.whys.yaml');
    const original = document.getText();
    try {
      await runFix(document, 'no-action', '- id: disk', (t) => t === 'Add an action to this root');
      const skeleton = ['    actions:', '      - do: ""', '        owner: ""', '        due: ""', '        kind: prevent', '        status: open'].join('\n');
      assert.strictEqual(document.getText(), original + skeleton + '\n');
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'no-action'), 'the no-action diagnostic to go');
    } finally {
      await restore(document, original);
    }
  });

  test('ignore here: a whys-ignore comment before the root switches no-action off', async () => {
    const document = await openFixture('fixes-structure.whys.yaml');
    const original = document.getText();
    try {
      const { action } = await runFix(document, 'no-action', '- id: disk', (t) => t === 'Ignore `no-action` here');
      assert.notStrictEqual(action.isPreferred, true);
      assert.strictEqual(document.getText(), original.replace('  - id: disk', '  # whys-ignore no-action\n  - id: disk'));
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'no-action'), 'the no-action diagnostic to go');
    } finally {
      await restore(document, original);
    }
  });

  test('every whys diagnostic offers "ignore here"', async () => {
    const document = await openFixture('fixes-structure.whys.yaml');
    // Diagnostics of the text as it is now (an earlier test's restore may still be debounced).
    const current = (ds: vscode.Diagnostic[]): boolean => ds.some((d) => codeOf(d) === 'schema' && document.getText(d.range) === 'becuase') && ds.some((d) => codeOf(d) === 'no-action' && document.getText(d.range) === 'id');
    const diagnostics = await waitForDiagnostics(document, current, 'the fixture’s diagnostics');
    for (const diagnostic of diagnostics) {
      const actions = await codeActionsAt(document, diagnostic.range);
      const rule = codeOf(diagnostic);
      assert.ok(
        actions.some((a) => a.title === `Ignore \`${rule}\` here`),
        `no ignore fix for ${rule} at line ${diagnostic.range.start.line + 1}: ${JSON.stringify(actions.map((a) => a.title))}`,
      );
    }
  });

  const reasoning: { rule: RuleCode; line: string; expect: (before: string, after: string) => void }[] = [
    {
      rule: 'compound',
      line: 'The query was not optimized, and no limit',
      expect: (_before, after) => assert.ok(after.includes('        because:\n          - cause: '), after),
    },
    {
      rule: 'action-as-cause',
      line: 'We should add a check for the field count.',
      expect: (_before, after) => {
        assert.ok(after.includes('        because: ""\n'), after);
        assert.ok(after.includes('      - do: Add a check for the field count.\n        status: open\n'), after);
      },
    },
    {
      rule: 'not-a-question',
      line: 'The disk filling up',
      expect: (_before, after) => assert.ok(/- why: "?Why [^\n]*\?"?\n        because: Logs were never rotated\./.test(after), after),
    },
    {
      rule: 'chain-break',
      line: 'Why was the office printer out of toner?',
      expect: (_before, after) => assert.ok(/- why: [^\n]+\n        because: ""\n      - why: Why was the office printer/.test(after), after),
    },
  ];
  for (const { rule, line, expect } of reasoning) {
    test(`${rule}: the fix applies and the diagnostic goes`, async function () {
      assert.ok(ruleFor(rule), `the ${rule} rule is not registered`);
      const document = await openFixture('fixes-reasoning.whys.yaml');
      const original = document.getText();
      try {
        const { action } = await runFix(document, rule, line, (t) => !t.startsWith('Ignore'));
        assert.strictEqual(action.isPreferred, true);
        expect(original, document.getText());
        await waitForDiagnostics(document, (ds) => !stillOn(document, ds, rule, line) || rule === 'chain-break', `the ${rule} diagnostic to go`);
        // The schema flags only the empty answers a fix leaves to write.
        const schema = vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) === 'schema' || codeOf(d) === 'syntax');
        assert.ok(schema.every((d) => document.getText(d.range) === '""'), JSON.stringify(schema.map((d) => d.message)));
      } finally {
        await restore(document, original);
      }
    });
  }

  test('a fix that leaves an answer to write selects it: typing replaces the placeholder, and the schema is clean', async () => {
    const document = await openFixture('fixes-reasoning.whys.yaml');
    const original = document.getText();
    try {
      await runFix(document, 'action-as-cause', 'We should add a check for the field count.', (t) => t.startsWith('Move this remedy'));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document === document, 'the fixed document is in the active editor');
      // The snippet's first tab stop: the empty answer, selected.
      assert.strictEqual(document.getText(editor.selection), '""', `selection ${JSON.stringify(editor.selection)} in:\n${document.getText()}`);
      assert.strictEqual(document.lineAt(editor.selection.start.line).text, '        because: ""');
      await vscode.commands.executeCommand('type', { text: 'No check compared the field count with the template.' });
      assert.ok(document.getText().includes('        because: No check compared the field count with the template.\n'), document.getText());
      assert.ok(document.getText().includes('      - do: Add a check for the field count.\n        status: open\n'), document.getText());
      await waitForDiagnostics(
        document,
        (ds) => !ds.some((d) => codeOf(d) === 'schema' || codeOf(d) === 'syntax') && !ds.some((d) => codeOf(d) === 'action-as-cause' && document.getText(d.range).startsWith('We should')),
        'no schema problem once the answer is written',
      );
    } finally {
      await vscode.commands.executeCommand('leaveSnippet');
      await restore(document, original);
    }
  });

  test('unknown-ref: “Did you mean” renames the `for:` value', async () => {
    const document = await openFixture('fixes-reasoning.whys.yaml');
    const original = document.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('        kind: mitigate');
      edit.insert(document.uri, document.positionAt(at), '        for: trigerr\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await runFix(document, 'unknown-ref', 'for: trigerr', (t) => t === 'Change `for: trigerr` to `trigger`');
      assert.ok(document.getText().includes('        for: trigger\n'), document.getText());
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'unknown-ref'), 'the unknown-ref diagnostic to go');
    } finally {
      await restore(document, original);
    }
  });
});
