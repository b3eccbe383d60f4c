/** The outline: title, incident, problem, roots → steps → causes → steps, and each root's actions. */
import * as vscode from 'vscode';
import { outlineOf, type OutlineEntry, type OutlineKind } from '../../core';
import { rangeOf, type AnalysisCache } from '../analyses';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  title: vscode.SymbolKind.String,
  incident: vscode.SymbolKind.Event,
  problem: vscode.SymbolKind.String,
  roots: vscode.SymbolKind.Array,
  root: vscode.SymbolKind.Namespace,
  step: vscode.SymbolKind.Field,
  cause: vscode.SymbolKind.EnumMember,
  actions: vscode.SymbolKind.Array,
  action: vscode.SymbolKind.Event,
};

/** Builds document symbols from the core outline of the cached analysis. */
export class WhysDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /** Waits for a large document's model from the background worker; never parses it here. */
  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const result = await this.cache.result(document);
    if (!result) return [];
    const toSymbol = (entry: OutlineEntry): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(
        entry.name,
        entry.detail,
        SYMBOL_KINDS[entry.kind],
        rangeOf(document, entry.span),
        rangeOf(document, entry.selection),
      );
      symbol.children = entry.children.map(toSymbol);
      return symbol;
    };
    return outlineOf(result.parsed.analysis).map(toSymbol);
  }
}
