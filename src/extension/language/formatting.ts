/**
 * Formatting that keeps every comment. The file is written back by `yaml` with the editor's
 * indent size; a file with syntax errors, or one that would change in meaning, gets no edits.
 */
import * as vscode from 'vscode';
import { formatEdits, type FormatEdit } from '../../core';
import { rangeOf } from '../analyses';

/** Whole-document and range formatting. */
export class WhysFormattingProvider implements vscode.DocumentFormattingEditProvider, vscode.DocumentRangeFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return this.edits(document, options);
  }

  provideDocumentRangeFormattingEdits(document: vscode.TextDocument, range: vscode.Range, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return this.edits(document, options, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
  }

  private edits(document: vscode.TextDocument, options: vscode.FormattingOptions, range?: { start: number; end: number }): vscode.TextEdit[] {
    const edits: FormatEdit[] | undefined = formatEdits(document.getText(), { indent: options.tabSize }, range);
    return (edits ?? []).map((edit) => vscode.TextEdit.replace(rangeOf(document, edit.span), edit.newText));
  }
}
