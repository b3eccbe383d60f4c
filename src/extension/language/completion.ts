/** Completion of keys (those the block at the cursor may still take) and of values (enums, ids for `for:`). */
import * as vscode from 'vscode';
import { keySuggestions, positionAt, scopeAt, valueSuggestions, type CheckResult, type TextScope } from '../../core';
import { rangeOf, type AnalysisCache } from '../analyses';

/** Suggests keys and values from the format's JSON Schema. */
export class WhysCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    context: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const offset = document.offsetAt(position);
    // A large analysis: only the lines of the root at the cursor are read (their place from the background check).
    let checked: CheckResult | undefined;
    let scope: TextScope | undefined;
    if (this.cache.inBackground(document)) {
      // While typing, each keystroke asks: this waits for typing to pause and joins the
      // diagnostics' check rather than start one in the worker per keystroke.
      checked = await this.cache.settled(document, token);
      if (!checked) return undefined;
      scope = scopeAt(checked.parsed, offset);
    }
    const text = checked?.parsed.text ?? document.getText();
    const at = positionAt(text, offset, scope);
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
    const result = checked ?? (await this.cache.result(document));
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
