/**
 * The verdict hover on a question or answer (a `why`, `because` or `cause` value): sound, or what
 * each rule found there, why it matters and a better question or answer. Keys get their own
 * documentation hover elsewhere; this one answers on values only.
 */
import * as vscode from 'vscode';
import { verdictAt } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import { ruleDocUri } from './diagnostics';

/** Provides the verdict hover from the shared analysis cache. */
export class VerdictHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const verdict = verdictAt(this.cache.get(document), document.offsetAt(position), {
      ruleLink: (rule) => ruleDocUri(rule).toString(),
      // VS Code shows the diagnostic's message in the same hover, just above this one.
      withMessages: false,
    });
    if (!verdict) return undefined;
    const markdown = new vscode.MarkdownString(verdict.markdown);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, rangeOf(document, verdict.span));
  }
}
