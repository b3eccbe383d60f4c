/**
 * The whys language features as VS Code itself reports them: completion, key hovers, outline,
 * formatting that keeps comments, folding, and the on-enter rule that continues a step.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { commentsOf, formatText } from '../../src/core';
import { openFixture } from './whysHelpers';

const STEP_FILE = `version: 1
title: t
problem: The site was down.
roots:
  - whys:
      - why: Why was the site down?
        because: The web server crashed.
      - 
`;

async function untitled(content: string): Promise<vscode.TextDocument> {
  await vscode.extensions.getExtension('whys.whys')?.activate();
  const document = await vscode.workspace.openTextDocument({ language: 'whys', content });
  assert.strictEqual(document.languageId, 'whys');
  return document;
}

function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is not in ${document.uri.toString()}`);
  return document.positionAt(offset + delta);
}

suite('language features', () => {
  test('completion on a new step lists the step keys with their documentation', async () => {
    const document = await untitled(STEP_FILE);
    const position = positionOf(document, '      - \n', 8);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const key of ['why', 'because', 'evidence', 'id', 'note']) assert.ok(labels.includes(key), `${key} missing from ${labels.join(', ')}`);
    const because = list.items.find((i) => i.label === 'because');
    const doc = because?.documentation;
    assert.ok(doc && (typeof doc === 'string' ? doc : doc.value).includes('The answer'), JSON.stringify(doc));
  });

  test('completion after severity: offers the enum values', async () => {
    const document = await untitled('version: 1\ntitle: t\nincident:\n  severity: \nproblem: p\nroots: []\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'severity: ', 10));
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map((i) => i.label);
    assert.deepStrictEqual(labels, ['critical', 'high', 'medium', 'low']);
  });

  test('hover on a key shows its schema description; on a value it adds no key documentation', async () => {
    const document = await openFixture('language.whys.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'because: The artifact', 2));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(text.includes('The answer: the cause of what the question asks about'), text);
    assert.ok(text.includes('`because`'), text);
    const onValue = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'The artifact upload', 4));
    const valueText = onValue.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(!valueText.includes('The answer: the cause of what the question asks about'), valueText);
  });

  test('the outline is the tree of roots, steps, causes and actions', async () => {
    const document = await openFixture('language.whys.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const tree = (list: vscode.DocumentSymbol[], depth = 0): string[] => list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...tree(s.children, depth + 1)]);
    assert.deepStrictEqual(tree(symbols), [
      'Nightly build failed',
      'incident',
      'The nightly build did not produce artifacts.',
      'roots',
      '  build',
      '    Why did the build fail?',
      '    Why did the upload time out?',
      '      The artifact store was at its connection limit.',
      '      The upload had no retry.',
      '    actions',
      '      Add a retry with backoff to the upload.',
    ]);
    const step = symbols[3].children[0].children[1];
    assert.strictEqual(document.getText(step.selectionRange), 'Why did the upload time out?');
    assert.strictEqual(step.range.start.line, positionOf(document, '-   id: slow-store').line);
  });

  test('formatting re-indents and keeps every comment', async () => {
    const document = await openFixture('language.whys.yaml');
    const original = document.getText();
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits && edits.length > 0, 'no edits');
    let text = original;
    for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
      text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
    }
    assert.strictEqual(text, formatText(original));
    assert.deepStrictEqual(
      commentsOf(text).map((c) => c.text),
      commentsOf(original).map((c) => c.text),
    );
    assert.ok(text.includes('  - id: build\n'), text);
    assert.ok(text.includes('        # whys-ignore shallow -- kept short on purpose\n'), text);
  });

  test('formatting a file with a syntax error changes nothing', async () => {
    const document = await untitled('version: 1\ntitle: [unclosed\n');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.deepStrictEqual(edits ?? [], []);
  });

  test('folding ranges cover each root, step, cause and the actions', async () => {
    const document = await openFixture('language.whys.yaml');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const starts = new Set(ranges.map((r) => r.start));
    for (const text of ['-   id: build', '-   why: Why did the build fail?', '-   id: slow-store', 'because:\n', 'actions:', '# Language features fixture']) {
      assert.ok(starts.has(positionOf(document, text).line), `no folding range starts at "${text.trim()}"`);
    }
    const comment = ranges.find((r) => r.start === 0);
    assert.strictEqual(comment?.kind, vscode.FoldingRangeKind.Comment);
    assert.strictEqual(comment?.end, 1);
  });

  test('Enter after a why continues with because:, at the key’s column', async () => {
    const document = await untitled('version: 1\ntitle: t\nproblem: p\nroots:\n  - whys:\n      - why: Why was the site down?\n');
    const editor = await vscode.window.showTextDocument(document);
    const end = positionOf(document, 'down?', 5);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    const line = document.lineAt(end.line + 1).text;
    assert.strictEqual(line, '        because: ');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
