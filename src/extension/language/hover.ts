/**
 * Hover documentation on KEYS, from the schema's descriptions. Values (the whys and becauses)
 * have their own hover, which explains the findings on them; this one stays silent there.
 */
import * as vscode from 'vscode';
import { describeKey, keyAt } from '../../core';
import { rangeOf } from '../analyses';

/** Shows what a key means, and whether its block requires it. */
export class WhysKeyHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const at = keyAt(document.getText(), document.offsetAt(position));
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
