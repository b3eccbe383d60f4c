/**
 * A large analysis (over 20,000 characters) in the real editor: the hover, quick fixes, outline,
 * CodeLens and the preview all answer from the background worker's check, the same content a
 * check on this thread would give, and no check of the file runs on the extension host's thread
 * (issue 12). The path is asserted through the count of large checks the extension ran on the
 * host's thread (`largeChecksOnThread` in its API), not by timing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkText, fixesFor, foldingBlocksOf, outlineOf, PART_CHARS, ruleFor, rootSummaries, type OutlineEntry } from '../../src/core';
import { generateAnalysis } from '../bench/generate';
import { singleChain } from '../bench/hugeRoot';
import { SYMBOL_KINDS } from '../../src/extension/language/symbols';
import { codeActionsAt, codeOf, waitForDiagnostics } from './whysHelpers';

const BLAME = 'Human error by the on-call engineer.';

/** 140 generated steps after a root whose answer blames a person: about 27,000 characters, under the preview's 500 nodes. */
function largeAnalysis(steps = 140): string {
  const generated = generateAnalysis(steps, 11);
  const roots = generated.slice(generated.indexOf('roots:\n') + 'roots:\n'.length);
  return `version: 1
title: Checkout outage, large
problem: Checkout returned errors for 40 minutes.
roots:
  - id: detect
    question: Why did it take so long to detect?
    whys:
      - why: Why did nobody notice the errors for 30 minutes?
        because: ${BLAME}
      - why: Why did the on-call engineer miss the alert?
        because: It was routed to a channel with hundreds of other alerts a day.
    actions:
      - do: Route checkout alerts to the paging service.
        owner: payments
        due: 2026-12-31
${roots}`;
}


interface WhysApi {
  largeChecksOnThread(): number;
  modelMessages?(uri: string): number | undefined;
}

async function api(): Promise<WhysApi> {
  const ext = vscode.extensions.getExtension<WhysApi>('whys.whys');
  assert.ok(ext, 'whys is installed');
  const exports = await ext.activate();
  assert.strictEqual(typeof exports.largeChecksOnThread, 'function', 'the extension counts checks of large analyses on the host’s thread');
  return exports;
}

/** A symbol tree as lines of text: kind, name, range and selection lines, indented by depth. */
function flatSymbols(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${' '.repeat(depth)}${s.kind} ${s.name} ${s.range.start.line}-${s.range.end.line} @${s.selectionRange.start.line}`, ...flatSymbols(s.children, depth + 1)]);
}

/** The same lines from the core's outline of the text, checked here (in the test) for comparison. */
function flatOutline(document: vscode.TextDocument, entries: readonly OutlineEntry[], kinds: Record<string, vscode.SymbolKind>, depth = 0): string[] {
  return entries.flatMap((e) => [
    `${' '.repeat(depth)}${kinds[e.kind]} ${e.name} ${document.positionAt(e.span.start).line}-${document.positionAt(e.span.end).line} @${document.positionAt(e.selection.start).line}`,
    ...flatOutline(document, e.children, kinds, depth + 1),
  ]);
}

suite('a large analysis: every feature answers from the background check, none checks on the host’s thread', () => {
  test('hover, outline, CodeLens, quick fix and preview give the content of a check, and no large check runs on the host’s thread', async function () {
    this.timeout(120_000);
    const whys = await api();
    const before = whys.largeChecksOnThread();
    const text = largeAnalysis();
    assert.ok(text.length > 20_000, `${text.length} characters`);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const expected = checkText(text);

    // Asked at once, before any diagnostics are in: the hover waits for the worker's check.
    const at = document.positionAt(text.indexOf(BLAME) + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const hover = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(hover.includes('**Answer** of step 1 of root `detect`'), hover);
    assert.ok(hover.includes(ruleFor('blame')!.title), hover);

    // The outline: every root, step and action, where the core's outline of the text puts them.
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const outline = flatOutline(document, outlineOf(expected.parsed.analysis), SYMBOL_KINDS);
    assert.ok(outline.length > 150, `${outline.length} outline entries`);
    assert.deepStrictEqual(flatSymbols(symbols), outline);

    // The CodeLens of every root, with the summaries of the check.
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [];
    const summaries = rootSummaries(expected.parsed.analysis.roots, expected.findings);
    assert.strictEqual(summaries.length, 15);
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      summaries.map((s) => [document.positionAt(s.root.headSpan.start).line, s.title]),
    );

    // The quick fixes of the blame diagnostic: the core's fixes for its finding.
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the blame diagnostic from the worker', 60_000);
    const blame = diagnostics.find((d) => codeOf(d) === 'blame')!;
    assert.strictEqual(document.getText(blame.range), BLAME);
    const finding = expected.findings.find((f) => f.rule === 'blame')!;
    const fixTitles = fixesFor(expected.parsed, finding).map((f) => f.title);
    assert.ok(fixTitles.length > 0, 'the core has fixes for a blame finding');
    const actions = await codeActionsAt(document, blame.range);
    assert.deepStrictEqual(
      actions.map((a) => a.title).filter((t) => fixTitles.includes(t)),
      fixTitles,
    );

    // The preview draws the tree from the same check: the blamed answer's step is marked weak.
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'large-tree.svg');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('whys.exportSvg', document.uri, target);
      assert.strictEqual(written?.toString(), target.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok((svg.match(/<g class="node [^"]*\bweak\b/g)?.length ?? 0) >= 1, 'a weak node in the tree');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    }

    assert.strictEqual(whys.largeChecksOnThread() - before, 0, 'no check of the large analysis ran on the extension host’s thread');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('after an edit, the hover and the preview answer for the new text (the worker’s check of the new version), still off the host’s thread', async function () {
    this.timeout(120_000);
    const whys = await api();
    const before = whys.largeChecksOnThread();
    const text = largeAnalysis();
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    const editor = await vscode.window.showTextDocument(document);
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'large-tree-edited.svg');
    const exportSvg = async (): Promise<string> => {
      const written = await vscode.commands.executeCommand<vscode.Uri>('whys.exportSvg', document.uri, target);
      assert.strictEqual(written?.toString(), target.toString());
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    };
    try {
      // The preview opened at once: its first tree waits for the worker's check.
      assert.ok(!(await exportSvg()).includes('unmonitored'));
      await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the blame diagnostic', 60_000);
      // The blamed answer becomes a sound one: asked at once, the hover waits for the new check.
      const start = document.positionAt(text.indexOf(BLAME));
      await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, BLAME.length)), 'The error alert went to an unmonitored mailbox.'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, start.translate(0, 3));
      const hover = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      assert.ok(hover.includes('**Answer** of step 1 of root `detect`'), hover);
      assert.ok(!hover.includes(ruleFor('blame')!.title), hover);
      // The preview redraws the edited tree from the new version's check.
      assert.ok((await exportSvg()).includes('unmonitored'), 'the preview shows the edited answer');
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'blame'), 'the blame diagnostic gone', 60_000);
      assert.strictEqual(whys.largeChecksOnThread() - before, 0, 'no check of the large analysis ran on the extension host’s thread');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    }
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a hover asked while the settings change mid-check waits for the check that replaced it', async function () {
    this.timeout(120_000);
    // Large enough that the worker's check is still under way when the settings change.
    const text = largeAnalysis(4000);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const config = vscode.workspace.getConfiguration('whys');
    try {
      // Asked at once: the hover joins the worker's check of this version...
      const asked = vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(text.indexOf(BLAME) + 3));
      // ...which a change of settings overtakes before it is in (the cache keeps no check made with the old ones).
      await config.update('minDepth', 4, vscode.ConfigurationTarget.Global);
      const hover = ((await asked) ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      assert.ok(hover.includes('**Answer** of step 1 of root `detect`'), `the hover came back without the verdict: ${JSON.stringify(hover)}`);
      assert.ok(hover.includes(ruleFor('blame')!.title), hover);
    } finally {
      await config.update('minDepth', undefined, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the outline and folding of an analysis of 121 roots, built a slice of roots at a time, are the core’s of the whole file; the key hover reads one root', async function () {
    this.timeout(90_000);
    const whys = await api();
    const before = whys.largeChecksOnThread();
    const text = generateAnalysis(1205, 12);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const outline = flatOutline(document, outlineOf(checkText(text).parsed.analysis), SYMBOL_KINDS);
    assert.strictEqual(symbols.find((s) => s.name === 'roots')?.children.length, 121);
    assert.deepStrictEqual(flatSymbols(symbols), outline);
    // Folding, read a root at a time: the blocks of the whole tree's reading.
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri)) ?? [];
    const expected = foldingBlocksOf(text, checkText(text).parsed.comments).map((b) => `${b.startLine}-${b.endLine}`);
    assert.ok(expected.length > 1000, `${expected.length} folding blocks`);
    assert.deepStrictEqual(ranges.map((r) => `${r.start}-${r.end}`), expected);
    // The key hover reads only the root under the cursor: the schema's text for `because` in a step.
    const key = document.positionAt(text.indexOf('because:', text.length / 2) + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, key);
    const hover = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(hover.includes('**`because`** (required) — in a step'), hover);
    assert.strictEqual(whys.largeChecksOnThread() - before, 0, 'no check of the large analysis ran on the extension host’s thread');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('one root of one 4,000-step chain comes from the worker in several messages, and its outline and folding, built in parts of steps, are complete and the core’s of the whole file', async function () {
    this.timeout(120_000);
    const whys = await api();
    assert.strictEqual(typeof whys.modelMessages, 'function', 'the extension tells how many messages a model came in');
    const before = whys.largeChecksOnThread();
    const text = singleChain(4000);
    assert.ok(text.length > 20 * PART_CHARS, `${text.length} characters`);
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    const expected = checkText(text);
    assert.strictEqual(expected.parsed.analysis.roots.length, 1);

    // The outline: the one root, its 4,000 steps from the first to the last, and its actions.
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const roots = symbols.find((s) => s.name === 'roots');
    assert.strictEqual(roots?.children.length, 1);
    const steps = roots.children[0].children.filter((s) => s.kind === SYMBOL_KINDS.step);
    assert.strictEqual(steps.length, 4000);
    assert.strictEqual(steps[0].name, 'Why 0?');
    assert.strictEqual(steps[3999].name, 'Why 3999?');
    assert.strictEqual(steps[3999].range.start.line, document.positionAt(text.indexOf('- why: Why 3999?')).line);
    assert.deepStrictEqual(flatSymbols(symbols), flatOutline(document, outlineOf(expected.parsed.analysis), SYMBOL_KINDS));
    // The model came in more than one message: the root was split.
    const messages = whys.modelMessages!(document.uri.toString()) ?? 0;
    assert.ok(messages > 1, `the model came in ${messages} message(s)`);

    // Folding, read a run of steps at a time: a block per step, the root's and the chain's, as the whole tree's reading gives them.
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri)) ?? [];
    const blocks = foldingBlocksOf(text, expected.parsed.comments).map((b) => `${b.startLine}-${b.endLine}`);
    assert.ok(blocks.length > 4000, `${blocks.length} folding blocks`);
    assert.deepStrictEqual(ranges.map((r) => `${r.start}-${r.end}`), blocks);
    const lastStep = document.positionAt(text.indexOf('- why: Why 3999?')).line;
    assert.ok(ranges.some((r) => r.start === lastStep && r.end === lastStep + 1), 'the last step folds');

    // The key hover on the last step's `because` reads that step only.
    const key = document.positionAt(text.indexOf('because:', text.indexOf('Why 3999?')) + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, key);
    const hover = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(hover.includes('**`because`** (required) — in a step'), hover);
    assert.strictEqual(whys.largeChecksOnThread() - before, 0, 'no check of the large analysis ran on the extension host’s thread');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
