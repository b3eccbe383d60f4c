/**
 * The `whys` language features a YAML user expects, provided by the extension itself because
 * the files have their own language id: completion, key hovers, outline, folding, formatting.
 */
import * as vscode from 'vscode';
import type { AnalysisCache } from '../analyses';
import { WhysCompletionProvider } from './completion';
import { WhysFoldingRangeProvider } from './folding';
import { WhysFormattingProvider } from './formatting';
import { WhysKeyHoverProvider } from './hover';
import { WhysDocumentSymbolProvider } from './symbols';

/** The documents these features serve. */
export const WHYS_SELECTOR: vscode.DocumentSelector = [{ language: 'whys' }];

/** Registers every language feature; all of them are disposed with the extension. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const formatting = new WhysFormattingProvider();
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(WHYS_SELECTOR, new WhysCompletionProvider(cache), ':', ' '),
    vscode.languages.registerHoverProvider(WHYS_SELECTOR, new WhysKeyHoverProvider(cache)),
    vscode.languages.registerDocumentSymbolProvider(WHYS_SELECTOR, new WhysDocumentSymbolProvider(cache), { label: '5 Whys' }),
    vscode.languages.registerFoldingRangeProvider(WHYS_SELECTOR, new WhysFoldingRangeProvider(cache)),
    vscode.languages.registerDocumentFormattingEditProvider(WHYS_SELECTOR, formatting),
    vscode.languages.registerDocumentRangeFormattingEditProvider(WHYS_SELECTOR, formatting),
  );
}
