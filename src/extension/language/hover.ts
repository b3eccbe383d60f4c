/**
 * Hover documentation on KEYS, from the schema's descriptions. Values (the whys and becauses)
 * have their own hover, which explains the findings on them; this one stays silent there.
 */
import * as vscode from 'vscode';
import { describeKey, keyAt, scopeAt, type TextScope } from '../../core';
import { rangeOf, type AnalysisCache } from '../analyses';

/** Shows what a key means, and whether its block requires it. */
export class WhysKeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /** On a large analysis, only the lines of the root under the cursor are read (their place from the background check). */
  async provideHover(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const offset = document.offsetAt(position);
    let text: string;
    let scope: TextScope | undefined;
    if (this.cache.inBackground(document)) {
      const result = await this.cache.settled(document, token);
      if (!result) return undefined;
      text = result.parsed.text;
      scope = scopeAt(result.parsed, offset);
    } else {
      text = document.getText();
    }
    const at = keyAt(text, offset, scope);
    if (!at) return undefined;
    const description = describeKey(at.schema, at.key);
    if (!description) return undefined;
    const required = at.schema.required?.includes(at.key) ? ' (required)' : '';
    const noun = at.schema['x-noun'] ?? at.block;
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**\`${at.key}\`**${required} — in ${noun}\n\n`);
    markdown.appendMarkdown(description);
    return new vscode.Hover(markdown, rangeOf(document, at.span));
  }
}
