/** Helpers for the extension-host suites: open a fixture, wait for diagnostics, run code actions. */
import * as assert from 'assert';
import * as vscode from 'vscode';

/** Opens a file of the test workspace's `fixtures/` folder in an editor. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const ext = vscode.extensions.getExtension('whys.whys');
  await ext?.activate();
  const [uri] = await vscode.workspace.findFiles(`fixtures/${name}`, undefined, 1);
  assert.ok(uri, `fixtures/${name} is not in the test workspace`);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  assert.strictEqual(document.languageId, 'whys');
  return document;
}

/** The rule code of a diagnostic published by whys. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'whys') return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Waits until the document's whys diagnostics satisfy a condition (they are debounced). */
export async function waitForDiagnostics(
  document: vscode.TextDocument,
  until: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'whys');
    if (until(diagnostics)) return diagnostics;
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}; diagnostics: ${JSON.stringify(diagnostics.map((d) => [codeOf(d), d.range.start.line, d.message]))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The diagnostic of a rule on the line holding a piece of text. */
export function diagnosticAt(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], rule: string, text: string): vscode.Diagnostic | undefined {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is not in ${document.uri.path}`);
  const line = document.positionAt(offset).line;
  return diagnostics.find((d) => codeOf(d) === rule && d.range.start.line === line);
}

/** The quick fixes VS Code offers on a range. */
export async function codeActionsAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Puts a document's text back as it was (the fixture on disk is never saved). */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
}
