/** Completion of keys (those the block at the cursor may still take) and of values (enums, ids for `for:`). */
import * as vscode from 'vscode';
import { keySuggestions, positionAt, valueSuggestions } from '../../core';
import { rangeOf, type AnalysisCache } from '../analyses';

/** Suggests keys and values from the format's JSON Schema. */
export class WhysCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _token: vscode.CancellationToken,
    context: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const at = positionAt(text, offset);
    if (!at) return undefined;
    if (at.kind === 'key') {
      // A space typed while indenting is no request for keys; after `key: ` it asks for values.
      if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter && context.triggerCharacter === ' ' && !/-\s$/.test(document.lineAt(position).text.slice(0, position.character))) {
        return undefined;
      }
      const range = rangeOf(document, at.span);
      return keySuggestions(at).map((suggestion, index) => {
        const item = new vscode.CompletionItem(suggestion.key, vscode.CompletionItemKind.Property);
        item.detail = suggestion.required ? `${at.block}: required` : at.block;
        item.documentation = new vscode.MarkdownString(suggestion.description);
        item.insertText = new vscode.SnippetString(suggestion.snippet);
        item.range = range;
        item.sortText = String(index).padStart(3, '0');
        if (suggestion.snippet.includes('\n') || suggestion.snippet.includes('${1|')) {
          item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
        }
        return item;
      });
    }
    const result = await this.cache.result(document);
    if (!result) return undefined;
    const suggestions = valueSuggestions(at, result.parsed.analysis);
    if (suggestions.length === 0) return undefined;
    // Right after the colon, the value needs its separating space.
    const glued = text[offset - 1] === ':' && at.span.start === offset;
    const range = rangeOf(document, at.span);
    return suggestions.map((suggestion, index) => {
      const kind = at.key === 'for' ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.EnumMember;
      const item = new vscode.CompletionItem(suggestion.value, kind);
      item.documentation = new vscode.MarkdownString(suggestion.description);
      item.detail = at.key === 'for' ? 'id' : `${at.key}`;
      item.insertText = glued ? ` ${suggestion.value}` : suggestion.value;
      item.filterText = suggestion.value;
      item.range = range;
      item.sortText = String(index).padStart(3, '0');
      return item;
    });
  }
}
