/** The outline: title, incident, problem, roots → steps → causes → steps, and each root's actions. */
import * as vscode from 'vscode';
import { outlineInSlices, outlineOf, type OutlineEntry, type OutlineKind } from '../../core';
import { BACKGROUND_FROM_CHARS, rangeOf, type AnalysisCache } from '../analyses';
import { inSlices } from '../slices';

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

/** Outline entries built, or symbols made, between two looks at the clock (see `inSlices`). */
const ENTRIES_PER_STEP = 200;

/**
 * The document symbols of outline entries, made a few at a time: the generator yields after every
 * {@link ENTRIES_PER_STEP} symbols, so a root of many thousands of steps is converted in slices.
 */
function* symbolsOf(document: vscode.TextDocument, entries: readonly OutlineEntry[]): Generator<void, vscode.DocumentSymbol[], void> {
  let made = 0;
  // Nesting is bounded (MAX_NESTING_DEPTH), so the delegation is too.
  const convert = function* (entry: OutlineEntry): Generator<void, vscode.DocumentSymbol, void> {
    const symbol = new vscode.DocumentSymbol(entry.name, entry.detail, SYMBOL_KINDS[entry.kind], rangeOf(document, entry.span), rangeOf(document, entry.selection));
    const children: vscode.DocumentSymbol[] = [];
    for (const child of entry.children) children.push(yield* convert(child));
    symbol.children = children;
    if (++made % ENTRIES_PER_STEP === 0) yield;
    return symbol;
  };
  const symbols: vscode.DocumentSymbol[] = [];
  for (const entry of entries) symbols.push(yield* convert(entry));
  return symbols;
}

/** Builds document symbols from the core outline of the cached analysis. */
export class WhysDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: AnalysisCache) {}

  /**
   * Waits for a large document's model from the background worker; never parses it here. A large
   * document's outline is built, and turned into symbols, in slices of the host's thread (by
   * entries, so one root of many thousands of steps is sliced too).
   */
  async provideDocumentSymbols(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const result = await this.cache.settled(document, token);
    if (!result) return [];
    const version = document.version;
    const overtaken = (): boolean => !!token?.isCancellationRequested || document.version !== version;
    if (result.parsed.text.length <= BACKGROUND_FROM_CHARS) return exhaust(symbolsOf(document, outlineOf(result.parsed.analysis)));
    const entries = await inSlices(outlineInSlices(result.parsed.analysis, ENTRIES_PER_STEP), overtaken);
    if (!entries) return [];
    return (await inSlices(symbolsOf(document, entries), overtaken)) ?? [];
  }
}

/** Runs a generator to its end at once (a small document's outline). */
function exhaust<T>(work: Generator<void, T[], void>): T[] {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
