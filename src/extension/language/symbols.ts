/** The outline: title, incident, problem, roots → steps → causes → steps, and each root's actions. */
import * as vscode from 'vscode';
import { outlineOf, rootOutlines, type OutlineEntry, type OutlineKind } from '../../core';
import { rangeOf, type AnalysisCache } from '../analyses';

/** The symbol kind of each outline entry kind. */
export const SYMBOL_KINDS: Readonly<Record<OutlineKind, vscode.SymbolKind>> = {
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

/**
 * Roots whose outline is built in one slice of the host's thread (about 10 ms): a large
 * analysis's outline is built a slice at a time, letting the host run between slices.
 */
const ROOTS_PER_SLICE = 100;

/** Lets the host's thread run other work (the same in the Node and the web extension host). */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Builds document symbols from the core outline of the cached analysis. */
export class WhysDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /** Waits for a large document's model from the background worker; never parses it here. */
  async provideDocumentSymbols(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    const toSymbol = (entry: OutlineEntry, children = true): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(
        entry.name,
        entry.detail,
        SYMBOL_KINDS[entry.kind],
        rangeOf(document, entry.span),
        rangeOf(document, entry.selection),
      );
      if (children) symbol.children = entry.children.map((child) => toSymbol(child));
      return symbol;
    };
    const { roots } = result.parsed.analysis;
    if (roots.length <= ROOTS_PER_SLICE) return outlineOf(result.parsed.analysis).map((entry) => toSymbol(entry));
    const entries: OutlineEntry[] = [];
    const symbols: vscode.DocumentSymbol[] = [];
    for (let from = 0; from < roots.length; from += ROOTS_PER_SLICE) {
      if (from > 0) await yieldToHost();
      if (token?.isCancellationRequested) return [];
      const slice = rootOutlines(roots.slice(from, from + ROOTS_PER_SLICE));
      entries.push(...slice);
      symbols.push(...slice.map((entry) => toSymbol(entry)));
    }
    // The top level (title, problem, the roots' entry) is small; the roots' symbols are built already.
    return outlineOf(result.parsed.analysis, entries).map((entry) => {
      const symbol = toSymbol(entry, entry.kind !== 'roots');
      if (entry.kind === 'roots') symbol.children = symbols;
      return symbol;
    });
  }
}
