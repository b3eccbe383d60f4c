/**
 * The verdict hover on a question or answer (a `why`, `because` or `cause` value): sound, or what
 * each rule found there, why it matters and a better question or answer. Keys get their own
 * documentation hover elsewhere; this one answers on values only.
 */
import * as vscode from 'vscode';
import { modelReviewNote, verdictAt } from '../core';
import { rangeOf, type AnalysisCache } from './analyses';
import { ruleDocUri } from './diagnostics';

/** Which model judged a step of a document, when the model review did (see `ModelReview.judgedBy`). */
export type JudgedBy = (document: vscode.TextDocument, stepPath: string) => string | undefined;

/** Provides the verdict hover from the shared analysis cache. */
export class VerdictHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly judgedBy?: JudgedBy,
  ) {}

  /** Waits for a large document's check from the background worker; never checks it here. */
  async provideHover(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const result = await this.cache.settled(document, token);
    if (!result) return undefined;
    const verdict = verdictAt(result, document.offsetAt(position), {
      ruleLink: (rule) => ruleDocUri(rule).toString(),
      // VS Code shows the diagnostic's message in the same hover, just above this one.
      withMessages: false,
    });
    if (!verdict) return undefined;
    // The model review's verdict beside the offline tier's (agrees / disagrees, its suggestion).
    const stepPath = verdict.node.kind === 'cause' ? verdict.node.step.path : verdict.node.path;
    const note = modelReviewNote(verdict, this.judgedBy?.(document, stepPath));
    const markdown = new vscode.MarkdownString(note ? `${verdict.markdown}\n\n---\n\n${note}` : verdict.markdown);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, rangeOf(document, verdict.span));
  }
}
