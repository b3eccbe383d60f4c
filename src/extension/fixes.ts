/**
 * Quick fixes in the editor: for each whys diagnostic in the light bulb's range, the core's
 * fixes for its finding (src/core/fixes) as code actions, plus "ignore here" for every rule.
 * Registered together with the verdict hover by `registerFixesAndHover`.
 */
import * as vscode from 'vscode';
import { fixesFor, type Finding, type TextEdit } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import { LANGUAGE_ID } from './config';
import { ruleOf } from './diagnostics';
import { VerdictHoverProvider, type JudgedBy } from './verdictHover';

/** Provides the quick fixes of whys diagnostics. */
export class WhysFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: AnalysisCache) {}

  /** Waits for a large document's check from the background worker; never checks it here. */
  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const diagnostics = context.diagnostics.filter((d) => ruleOf(d) !== undefined);
    if (diagnostics.length === 0) return [];
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const finding = findingFor(document, result.findings, diagnostic);
      if (!finding) continue;
      for (const fix of fixesFor(result.parsed, finding)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = workspaceEditOf(document, fix.edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

/**
 * A fix's edits as a workspace edit. Where the fix leaves placeholders (an answer to write, an
 * action's owner and date), they become the tab stops of snippet edits: the editor selects the
 * first, and typing replaces it. A VS Code without `SnippetTextEdit` (or a file not in the active
 * editor) gets the same text as plain edits, the placeholders left as `""` for the `schema` rule
 * to flag until they are written.
 */
export function workspaceEditOf(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const snippets = typeof vscode.SnippetTextEdit === 'function' && edits.some((e) => e.placeholders?.length);
  if (!snippets) {
    for (const e of edits) edit.replace(document.uri, rangeOf(document, e.span), e.newText);
    return edit;
  }
  // One snippet session for the file: tab stops numbered in document order across the edits.
  let stop = 0;
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start);
  edit.set(
    document.uri,
    ordered.map((e) => {
      const snippet = new vscode.SnippetString();
      let at = 0;
      for (const p of e.placeholders ?? []) {
        snippet.appendText(e.newText.slice(at, p.start));
        snippet.appendPlaceholder(e.newText.slice(p.start, p.end), ++stop);
        at = p.end;
      }
      snippet.appendText(e.newText.slice(at));
      return new vscode.SnippetTextEdit(rangeOf(document, e.span), snippet);
    }),
  );
  return edit;
}

/**
 * The finding a diagnostic shows: same rule, same range, same message. A diagnostic published
 * for an older version of the document matches nothing, and gets no fix until it is refreshed.
 */
function findingFor(document: vscode.TextDocument, findings: readonly Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  const rule = ruleOf(diagnostic);
  return findings.find((f) => f.rule === rule && f.message === diagnostic.message && rangeOf(document, f.span).isEqual(diagnostic.range));
}

/** Registers the quick fixes and the verdict hover on values for `whys` documents. */
export function registerFixesAndHover(context: vscode.ExtensionContext, cache: AnalysisCache, judgedBy?: JudgedBy): void {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(selector, new WhysFixProvider(cache), WhysFixProvider.metadata),
    vscode.languages.registerHoverProvider(selector, new VerdictHoverProvider(cache, judgedBy)),
  );
}
