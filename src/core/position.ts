/**
 * Where an offset stands in the tree of a `.whys.yaml` file: on a key or a value, in which kind
 * of block (the analysis, the incident, a root, a step, a cause, an action…), which keys that
 * block already has, and what the schema says about them. The editor's completions and key
 * hovers are built on this; it reads the YAML with `yaml`'s parser, never with patterns.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { allCauses, allSteps, describe, type Analysis, type Cause, type Root, type Span, type Step } from './model';
import type { ParsedAnalysis } from './parse';
import { MAX_FINDINGS_PER_RULE } from './limits';
import { resolveSchema, whysSchema, type SchemaNode } from './schema';
import { lineFeeds, lineFeedsIn } from './text';

/** The kinds of block (YAML map) a `.whys.yaml` file is made of. */
export type BlockKind = 'analysis' | 'incident' | 'timeline' | 'root' | 'step' | 'cause' | 'action';

/** One step of the way from the top of the file down to a node: a key or a list index. */
export type TreePath = ReadonlyArray<string | number>;

/** An offset on a key, or where a key is being typed. */
export interface KeyPosition {
  readonly kind: 'key';
  /** The block the key belongs (or will belong) to. */
  readonly block: BlockKind;
  /** The schema of that block. */
  readonly schema: SchemaNode;
  /** The key as written so far ('' on an empty line). */
  readonly key: string;
  /** What the key's text occupies in the original text (empty where nothing is typed yet). */
  readonly span: Span;
  /** The keys the block already has, other than the one at the offset. */
  readonly present: readonly string[];
  /** The path of the block from the top of the file. */
  readonly path: TreePath;
}

/** An offset in the value of a key. */
export interface ValuePosition {
  readonly kind: 'value';
  readonly block: BlockKind;
  readonly schema: SchemaNode;
  /** The key whose value it is. */
  readonly key: string;
  /** The schema of the value, when the key is known. */
  readonly valueSchema?: SchemaNode;
  /** The scalar value's text so far and its span ('' and an empty span after `key: `). */
  readonly value: string;
  readonly span: Span;
  readonly path: TreePath;
}

/** What an offset stands on; `undefined` from {@link positionAt} means nothing useful (a comment, a flow collection, junk). */
export type TreePosition = KeyPosition | ValuePosition;

const BLOCKS: ReadonlyArray<[BlockKind, SchemaNode | undefined]> = [
  ['analysis', whysSchema],
  ['incident', whysSchema.properties?.incident],
  ['timeline', whysSchema.properties?.incident?.properties?.timeline],
  ['root', whysSchema.definitions?.root],
  ['step', whysSchema.definitions?.step],
  ['cause', whysSchema.definitions?.cause],
  ['action', whysSchema.definitions?.action],
];

/** The kind of block a schema node describes. */
function blockOf(schema: SchemaNode): BlockKind | undefined {
  return BLOCKS.find(([, node]) => node === schema)?.[0];
}

/** The schema of the block at a path, choosing the list or text branch of `oneOf` by the path. */
export function schemaAt(path: TreePath): SchemaNode | undefined {
  let node: SchemaNode | undefined = whysSchema;
  for (const segment of path) {
    if (!node) return undefined;
    node = resolveSchema(node);
    if (node.oneOf) {
      const wanted = typeof segment === 'number' ? 'array' : 'object';
      node = node.oneOf.find((variant) => resolveSchema(variant).type === wanted);
      if (!node) return undefined;
      node = resolveSchema(node);
    }
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node && resolveSchema(node);
}

/** The block kind and schema at a path, when the path leads to one of the format's blocks. */
export function blockAt(path: TreePath): { block: BlockKind; schema: SchemaNode } | undefined {
  const schema = schemaAt(path);
  const block = schema && blockOf(schema);
  return block && schema ? { block, schema } : undefined;
}

/** The schema of a key's value, following `$ref`. */
export function propertySchema(block: SchemaNode, key: string): SchemaNode | undefined {
  const node = block.properties?.[key];
  return node && resolveSchema(node);
}

/** The documentation of a key: its schema description. */
export function describeKey(block: SchemaNode, key: string): string | undefined {
  const node = block.properties?.[key];
  return node?.markdownDescription ?? node?.description ?? (node && resolveSchema(node).description);
}

/** A key name as it may stand in a block: letters, digits, `_` and `-`. */
const KEY_CHAR = /[A-Za-z0-9_-]/;

/** Parses a text the same way the checker does (comments kept, errors collected, never throws). */
function parse(text: string): Document | undefined {
  try {
    return parseDocument(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  } catch {
    return undefined;
  }
}

interface Found {
  readonly pair: Pair;
  readonly map: YamlNode;
  readonly path: (string | number)[];
}

/** Finds the map pair whose key satisfies `test`, with the path of its map, depth first. */
function findPair(document: Document, test: (pair: Pair) => boolean): Found | undefined {
  const visit = (node: unknown, path: (string | number)[]): Found | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (test(pair)) return { pair, map: node, path };
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) {
          const found = visit(pair.value, [...path, key]);
          if (found) return found;
        }
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = visit(node.items[i], [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(document.contents, []);
}

function keysOf(map: YamlNode, except?: Pair): string[] {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => (pair !== except && isPair(pair) && isScalar(pair.key) ? [String(pair.key.value)] : []));
}

/** The placeholder key written where a key is being typed, so the parser places it in the tree. */
const PLACEHOLDER = 'whys-position-placeholder';

/**
 * A part of the text that {@link positionAt} can read alone: from a line start to `end`, holding
 * the node at `path` (a root's list item, `['roots', 3]`, read from its `- `; or the lines
 * before the roots, path `[]`). In a large analysis only that part is parsed, not the whole file;
 * on a line of a root's part indented no deeper than its `-` (a new root or top-level key being
 * typed), nothing is answered.
 */
export interface TextScope {
  readonly start: number;
  readonly end: number;
  readonly path: TreePath;
  /**
   * A run of the scope's lines left out of the reading: the rest of a long item's list (after
   * its first line), so that the item's own keys before and after the list are read together,
   * without the list between them.
   */
  readonly gap?: { readonly start: number; readonly end: number };
  /**
   * The scope holds a run of the items of a flow sequence (the list at `path`), the first being
   * its item `first`: they are read inside brackets of their own ({@link flowItemsText}).
   * `keyColumn`: the column of the list's key; a line indented no deeper is outside the list.
   */
  readonly items?: { readonly first: number; readonly keyColumn: number };
}

/**
 * What stands at an offset: a key (also a key being typed, or an empty line where one could
 * go) or a key's value, with the block around it. Undefined in comments, in flow collections,
 * inside block scalars, and where the text does not say. With a `scope` that holds the offset,
 * only its lines are read.
 */
export function positionAt(text: string, offset: number, scope?: TextScope): TreePosition | undefined {
  // A lone CR (old Mac line endings) is a line break, as the checker and the editor read it.
  return scope ? positionIn(text, offset, scope) : positionFrom(lineFeeds(text), offset, []);
}

/** {@link positionAt} in a text that holds the node at `base` (the whole file: `[]`). */
function positionFrom(text: string, offset: number, base: TreePath): TreePosition | undefined {
  offset = Math.max(0, Math.min(offset, text.length));
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  const column = offset - lineStart;

  // Where the line's content starts: after the indentation and any `- ` item markers.
  let head = 0;
  for (;;) {
    while (head < line.length && line[head] === ' ') head++;
    if (line[head] === '-' && (head + 1 === line.length || line[head + 1] === ' ')) head++;
    else break;
  }
  if (column < head) return undefined;
  if (line[head] === '#') return undefined;

  let wordEnd = head;
  while (wordEnd < line.length && KEY_CHAR.test(line[wordEnd])) wordEnd++;
  let afterWord = wordEnd;
  while (afterWord < line.length && line[afterWord] === ' ') afterWord++;
  const hasColon = line[afterWord] === ':' && (afterWord + 1 === line.length || /\s/.test(line[afterWord + 1]));

  // Within the first word of the line (or at its end, or on an empty line): a key.
  if (column <= wordEnd && (hasColon || afterWord === line.length)) {
    const key = line.slice(head, wordEnd);
    const rest = hasColon ? line.slice(afterWord) : ':';
    const patched = text.slice(0, lineStart) + line.slice(0, head) + PLACEHOLDER + rest + text.slice(lineEnd);
    const document = parse(patched);
    const keyStart = lineStart + head;
    const found = document && findPair(document, (pair) => isScalar(pair.key) && pair.key.value === PLACEHOLDER && pair.key.range?.[0] === keyStart);
    if (!found) return undefined;
    const path = [...base, ...found.path];
    const block = blockAt(path);
    if (!block) return undefined;
    return {
      kind: 'key',
      ...block,
      key,
      span: { start: keyStart, end: lineStart + wordEnd },
      present: keysOf(found.map, found.pair).filter((k) => k !== PLACEHOLDER),
      path,
    };
  }

  // After `key:` on the same line: the key's value.
  if (hasColon && column > afterWord) {
    const document = parse(text);
    const keyStart = lineStart + head;
    const found = document && findPair(document, (pair) => isScalar(pair.key) && pair.key.range?.[0] === keyStart);
    if (!found || !isScalar(found.pair.key)) return undefined;
    const path = [...base, ...found.path];
    const block = blockAt(path);
    if (!block) return undefined;
    const key = String(found.pair.key.value);
    const value = found.pair.value as YamlNode | null;
    let span: Span;
    let written: string;
    if (value == null || (isScalar(value) && value.value == null && (value.range?.[0] ?? 0) >= lineEnd)) {
      span = { start: offset, end: offset };
      written = '';
    } else if (isScalar(value) && value.range && value.range[0] < lineEnd) {
      if (value.type === 'BLOCK_FOLDED' || value.type === 'BLOCK_LITERAL') return undefined;
      span = { start: value.range[0], end: value.range[1] };
      if (offset < span.start || offset > span.end) {
        if (text.slice(span.end, offset).includes('#')) return undefined;
      }
      written = text.slice(span.start, span.end);
    } else {
      return undefined;
    }
    return { kind: 'value', ...block, key, valueSchema: propertySchema(block.schema, key), value: written, span, path };
  }
  return undefined;
}

/** A key the block at a position may take. */
export interface KeySuggestion {
  readonly key: string;
  readonly description: string;
  readonly required: boolean;
  /** What to insert, as a VS Code snippet (`$0` marks where the cursor lands). */
  readonly snippet: string;
}

/** The keys that can be added at a key position: those of the block's schema not present yet. */
export function keySuggestions(position: KeyPosition): KeySuggestion[] {
  const properties = position.schema.properties ?? {};
  const required = new Set(position.schema.required ?? []);
  const present = new Set(position.present);
  return Object.keys(properties)
    .filter((key) => !present.has(key))
    .map((key) => ({
      key,
      description: describeKey(position.schema, key) ?? '',
      required: required.has(key),
      snippet: snippetFor(key, propertySchema(position.schema, key)),
    }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

function snippetFor(key: string, schema: SchemaNode | undefined): string {
  if (!schema) return `${key}: $0`;
  if (schema.type === 'array') {
    const item = schema.items && resolveSchema(schema.items);
    const first = item?.required?.[0];
    return first ? `${key}:\n  - ${first}: $0` : `${key}:\n  - $0`;
  }
  if (schema.type === 'object') return `${key}:\n  $0`;
  if (schema.enum) return `${key}: \${1|${schema.enum.join(',')}|}$0`;
  if (schema.const !== undefined) return `${key}: ${String(schema.const)}$0`;
  return `${key}: $0`;
}

/** A value that can be written at a value position. */
export interface ValueSuggestion {
  readonly value: string;
  readonly description: string;
}

/**
 * The values a key takes: the schema's enum (`severity`, `kind`, `status`), the constant of
 * `version`, and for `for:` the ids of the file's roots, steps and causes.
 */
export function valueSuggestions(position: ValuePosition, analysis?: Analysis): ValueSuggestion[] {
  const schema = position.valueSchema;
  if (position.key === 'for' && position.block === 'action') {
    if (!analysis) return [];
    const named = [...analysis.roots, ...allSteps(analysis), ...allCauses(analysis)].flatMap((node) => {
      if (!node.id) return [];
      const text = node.kind === 'root' ? node.question?.text : node.kind === 'step' ? node.why?.text : node.cause?.text;
      return [{ value: node.id.text, description: text ? `${describe(node)}: ${text}` : describe(node), start: node.id.span.start }];
    });
    const seen = new Set<string>();
    return named
      .sort((a, b) => a.start - b.start)
      .filter((n) => !seen.has(n.value) && seen.add(n.value))
      .map(({ value, description }) => ({ value, description }));
  }
  if (!schema) return [];
  if (schema.enum) return schema.enum.map((value) => ({ value: String(value), description: schema.description ?? '' }));
  if (schema.const !== undefined) return [{ value: String(schema.const), description: schema.description ?? '' }];
  return [];
}

/** Where the line holding `at` starts. */
export function lineStartOf(text: string, at: number): number {
  // Back to the line break (not `lastIndexOf('\r')`, which would scan the whole file before it when it has none).
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The start of the first line of the list item whose map starts at `at`: its `-`'s line. */
function itemLineStart(text: string, at: number): number {
  return lineStartOf(text, dashOf(text, at) ?? at);
}

/**
 * Every scope of a parsed analysis, in file order: the lines before the first root, then each
 * root's (as {@link scopeAt} gives them). A file without roots is one scope.
 */
export function scopesOf(parsed: ParsedAnalysis): TextScope[] {
  const { text, analysis } = parsed;
  const starts = analysis.roots.map((root) => itemLineStart(text, root.span.start));
  const scopes: TextScope[] = [{ start: 0, end: starts[0] ?? text.length, path: [] }];
  analysis.roots.forEach((root, i) => scopes.push({ start: starts[i], end: starts[i + 1] ?? text.length, path: ['roots', root.index] }));
  return scopes;
}

/**
 * The scope that holds an offset of a parsed analysis, for {@link positionAt}: the lines of the
 * root that holds it (up to the next root's, so the empty lines a key is typed on are in), or
 * the lines before the first root.
 */
export function scopeAt(parsed: ParsedAnalysis, offset: number): TextScope {
  const { text, analysis } = parsed;
  const roots = analysis.roots;
  const lineStart = (at: number): number => itemLineStart(text, at);
  // The last root whose first line starts at or before the offset (roots are in file order).
  const found = lastAtOrBefore(roots, offset, (root) => lineStart(root.span.start));
  if (found < 0) return { start: 0, end: roots.length > 0 ? lineStart(roots[0].span.start) : text.length, path: [] };
  const end = found + 1 < roots.length ? lineStart(roots[found + 1].span.start) : text.length;
  return narrowed(parsed, roots[found], { start: lineStart(roots[found].span.start), end, path: ['roots', roots[found].index] }, offset);
}

/**
 * A root (or step, cause) longer than this many characters is read a part at a time: the
 * scope at an offset is then its own lines before its list, the item of the list there, or its
 * lines after the list (and folding reads it in such parts).
 */
export const PART_CHARS = 8_000;

/**
 * The `-` of a list item whose map starts at `at`, when that `-` is the first thing on its line:
 * on the map's first line (`- why: …`), or alone on the line before it (`-` then the map's keys
 * on the lines below).
 */
export function dashOf(text: string, at: number): number | undefined {
  let dash = at;
  while (dash > 0 && text[dash - 1] === ' ') dash--;
  if (text[dash - 1] !== '-') return dash === lineStartOf(text, at) ? dashAbove(text, dash) : undefined;
  dash--;
  for (let i = lineStartOf(text, dash); i < dash; i++) if (text[i] !== ' ') return undefined;
  return dash;
}

/** The `-` alone on the line before the line starting at `lineStart` (spaces around it only). */
function dashAbove(text: string, lineStart: number): number | undefined {
  let at = lineStart - 1;
  if (text[at] === '\n' && text[at - 1] === '\r') at--;
  if (at < 0 || (text[at] !== '\n' && text[at] !== '\r')) return undefined;
  while (at > 0 && text[at - 1] === ' ') at--;
  if (text[at - 1] !== '-') return undefined;
  const dash = at - 1;
  for (let i = lineStartOf(text, dash); i < dash; i++) if (text[i] !== ' ') return undefined;
  return dash;
}

/**
 * Within the scope of a long item (over {@link PART_CHARS}), the narrower scope holding the
 * offset: the list's item there (narrowed in turn), or, on the item's own lines before or after
 * its list (a chain's steps, a step's causes), the item without the rest of its list: its lines
 * before the list and the list's first line, then its lines after the list (the scope's `gap`
 * leaves the list out), so the keys it has on either side are all known. A list written as a flow
 * sequence ({@link flowListOf}) is narrowed the same way: the item's lines with the sequence's
 * inside left out, or the run of its items at the offset (`items`); a long item of such a run is
 * not narrowed further. Any other list is not narrowed.
 */
function narrowed(parsed: ParsedAnalysis, node: Root | Step | Cause, scope: TextScope, offset: number): TextScope {
  const { text } = parsed;
  if (scope.end - scope.start <= PART_CHARS) return scope;
  const children: readonly (Step | Cause)[] = node.kind === 'step' ? (node.causes ?? []) : node.chain.steps;
  if (children.length === 0) return scope;
  if (dashOf(text, children[0].span.start) === undefined) {
    // A flow sequence: the item's own lines with the sequence emptied, or the run of its items at the offset.
    const dash = dashOf(text, node.span.start);
    const flow = dash !== undefined && lineStartOf(text, dash) === scope.start ? flowListOf(parsed, node) : undefined;
    if (!flow) return scope;
    if (offset <= flow.open || offset >= flow.close) return { ...scope, gap: { start: flow.open + 1, end: flow.close } };
    const run = flowRunAt(text, flow, offset);
    return { start: run.start, end: run.end, path: [...scope.path, node.kind === 'step' ? 'because' : 'whys'], items: { first: run.first, keyColumn: flow.key - lineStartOf(text, flow.key) } };
  }
  // An item's lines start at its `-` (which may stand alone on the line before its map).
  const startOf = (i: number): number => itemLineStart(text, children[i].span.start);
  let listEnd = children[children.length - 1].span.end;
  while (listEnd < scope.end && text[listEnd] !== '\n' && text[listEnd] !== '\r') listEnd++;
  if (listEnd < scope.end) listEnd += text[listEnd] === '\r' && text[listEnd + 1] === '\n' ? 2 : 1;
  if (offset < startOf(0) || offset >= listEnd) {
    // The item's own lines: those before its list with the list's first line (so that the
    // list's key reads as holding a list), then those after the list; the rest of the list is left out.
    let firstEnd = startOf(0);
    while (firstEnd < scope.end && text[firstEnd] !== '\n' && text[firstEnd] !== '\r') firstEnd++;
    if (text[firstEnd] === '\r' && text[firstEnd + 1] === '\n') firstEnd++;
    firstEnd = Math.min(scope.end, firstEnd + 1);
    return firstEnd < listEnd ? { ...scope, gap: { start: firstEnd, end: listEnd } } : scope;
  }
  // (The offset is at or after the first item's line here.)
  const low = lastAtOrBefore(children, offset, (item) => itemLineStart(text, item.span.start));
  const child = children[low];
  if (dashOf(text, child.span.start) === undefined) return scope;
  const end = low + 1 < children.length ? startOf(low + 1) : listEnd;
  return narrowed(parsed, child, { start: startOf(low), end, path: [...scope.path, node.kind === 'step' ? 'because' : 'whys', low] }, offset);
}

/**
 * A long item's list written as a flow sequence (`whys: [ {…}, {…} ]`, as JSON written as YAML
 * has it): `key`, where its key (`whys` or `because`) starts; `open`, its `[`; `close`, its `]`;
 * `items`, its items (each a `{…}` map), in order. It is read a run of items at a time: a run
 * starts just after the `[` or at the line start of an item that is first on its line, and ends
 * where the next begins (the last at the `]`).
 */
export interface FlowList {
  readonly key: number;
  readonly open: number;
  readonly close: number;
  readonly items: readonly (Step | Cause)[];
}

/** Space, tab, line feed or carriage return. */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Skips white space and comments (`#` after white space or at a line start, to the line's end) from `at`; where something else starts. */
function skipBlank(text: string, at: number, end: number): number {
  while (at < end) {
    const c = text.charCodeAt(at);
    if (isBlankCode(c)) at++;
    else if (c === 35 && (at === 0 || isBlankCode(text.charCodeAt(at - 1)))) {
      while (at < end && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    } else break;
  }
  return at;
}

/** Where the line of `at` starts, when only spaces and tabs stand before `at` on it; else -1. */
function ownLineStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if (c !== 32 && c !== 9) return -1;
  }
  return 0;
}

/** The last of `items` (in file order) whose start (`startOf`) is at or before `offset`, or -1: a binary search. */
function lastAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The flow sequence of a root's, a step's or a cause's list, when the item is a block list's
 * item (its `-` first on its line), its list's key first on its line (after the item's `-`), and
 * the list a flow sequence of maps only, so that its items' indices are the list's; undefined
 * otherwise. Found without a scan of the list: the file parsed without a syntax error, and no
 * schema problem stands in the list outside its items (where a list item that is not a map is
 * reported), the problems not past the count the checker stops at.
 */
export function flowListOf(parsed: ParsedAnalysis, node: Root | Step | Cause): FlowList | undefined {
  const { text } = parsed;
  const items: readonly (Step | Cause)[] = node.kind === 'step' ? (node.causes ?? []) : node.chain.steps;
  if (items.length === 0 || !parsed.wellFormed) return undefined;
  if (dashOf(text, node.span.start) === undefined || dashOf(text, items[0].span.start) !== undefined) return undefined;
  const listKey = listKeyOf(text, node, items[0].span.start);
  if (!listKey) return undefined;
  const key = listKey.start;
  const open = skipBlank(text, listKey.end, items[0].span.start);
  if (text[open] !== '[' || skipBlank(text, open + 1, items[0].span.start) !== items[0].span.start) return undefined;
  const last = items[items.length - 1];
  let close = skipBlank(text, last.span.end, text.length);
  if (text[close] === ',') close = skipBlank(text, close + 1, text.length);
  if (text[close] !== ']' || text[items[0].span.start] !== '{' || text[last.span.end - 1] !== '}') return undefined;
  let schema = 0;
  for (const problem of parsed.problems) {
    if (problem.rule === 'schema') schema++;
    const at = problem.span.start;
    if (at <= open || at >= close) continue;
    const i = lastAtOrBefore(items, at, (item) => item.span.start);
    if (i < 0 || at >= items[i].span.end) return undefined;
  }
  if (schema >= MAX_FINDINGS_PER_RULE) return undefined;
  return { key, open, close, items };
}

/**
 * The key of an item's list (`because:` of a step, `whys:` of a root or cause: the last before
 * its first item at `before`), first on its line (after the item's `-`): where it starts, and
 * where its `:` ends. Undefined when it is not written so.
 */
export function listKeyOf(text: string, node: Root | Step | Cause, before: number): { readonly start: number; readonly end: number } | undefined {
  const start = node.kind === 'step' ? node.becauseKeySpan?.start : text.lastIndexOf('whys', before);
  if (start === undefined || start < node.span.start || start > before) return undefined;
  const written = /^(whys|because)[^\S\r\n]*:/.exec(text.slice(start, start + 20));
  if (!written || !/^ *(- +)?$/.test(text.slice(lineStartOf(text, start), start))) return undefined;
  return { start, end: start + written[0].length };
}

/** Where the run of a flow list's items starting with item `i` (0, or an item first on its line) starts. */
function flowRunStart(text: string, list: FlowList, i: number): number {
  return i === 0 ? list.open + 1 : ownLineStart(text, list.items[i].span.start);
}

/** The first item after `i` that is first on its line (it starts the next run), or the count of items. */
export function nextFlowRun(text: string, list: FlowList, i: number): number {
  let next = i + 1;
  while (next < list.items.length && ownLineStart(text, list.items[next].span.start) < 0) next++;
  return next;
}

/**
 * The run of a flow list's items holding an offset inside its brackets: its span, and the index
 * of its first item.
 */
export function flowRunAt(text: string, list: FlowList, offset: number): { readonly start: number; readonly end: number; readonly first: number } {
  // An item's line start when it is first on its line, else its start: in file order.
  const found = lastAtOrBefore(list.items, offset, (item) => {
    const line = ownLineStart(text, item.span.start);
    return line >= 0 ? line : item.span.start;
  });
  let first = Math.max(0, found);
  while (first > 0 && ownLineStart(text, list.items[first].span.start) < 0) first--;
  const next = nextFlowRun(text, list, first);
  return { start: flowRunStart(text, list, first), end: next < list.items.length ? flowRunStart(text, list, next) : list.close, first };
}

/**
 * The text of some items of a flow list read alone, `[start, end)` of the file: inside brackets,
 * as a flow sequence of its own, on their own lines (after a `[` line) when `start` is a line
 * start. `prefix`: the characters put before the file's text.
 */
export function flowItemsText(text: string, start: number, end: number): { readonly part: string; readonly prefix: number } {
  const lineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const open = lineStart ? '[\n' : '[';
  return { part: `${open}${text.slice(start, end)}\n]`, prefix: open.length };
}

/** {@link positionAt} in the lines of a scope, as if the whole file had been read. */
function positionIn(text: string, offset: number, scope: TextScope): TreePosition | undefined {
  if (offset < scope.start || offset > scope.end) return undefined;
  if (scope.items) return positionInItems(text, offset, scope, scope.items);
  const { gap } = scope;
  if (gap && offset >= gap.start && offset < gap.end) return undefined;
  // Where the part's text stands in the file: offsets after the gap are shifted by its length.
  const shift = gap && offset >= gap.end ? gap.end - gap.start : 0;
  let part = gap ? lineFeedsIn(text, scope.start, gap.start) + lineFeedsIn(text, gap.end, scope.end) : lineFeedsIn(text, scope.start, scope.end);
  if (scope.path.length > 0) {
    // The item's `-` read as a space: its map then stands alone at its own indentation.
    const dash = part.search(/\S/);
    if (dash >= 0 && part[dash] === '-') part = `${part.slice(0, dash)} ${part.slice(dash + 1)}`;
    // A later line indented no deeper than the `-` is outside the item (a new root, a top-level key).
    const local = offset - scope.start - shift;
    const lineStart = Math.max(part.lastIndexOf('\n', local - 1), part.lastIndexOf('\r', local - 1)) + 1;
    let indent = 0;
    while (part[lineStart + indent] === ' ') indent++;
    if (lineStart > 0 && indent <= dash) return undefined;
    // Right after a `-` that ends its line (its map's keys below), the whole file's reading answers nothing.
    if (lineStart === 0 && dash >= 0 && (dash + 1 === part.length || part[dash + 1] === '\n' || part[dash + 1] === '\r')) return undefined;
  }
  const inner = positionFrom(part, offset - scope.start - shift, scope.path);
  // The lines before the roots end at `roots:`; its value, the roots, is not in them.
  if (inner?.kind === 'value' && inner.path.length === 0 && inner.key === 'roots' && scope.end < text.length) return undefined;
  // The span is on the offset's line, on the same side of the gap.
  const from = scope.start + shift;
  return inner && { ...inner, span: { start: inner.span.start + from, end: inner.span.end + from } };
}

/** {@link positionIn} a run of a flow sequence's items, read inside brackets of their own. */
function positionInItems(text: string, offset: number, scope: TextScope, items: { readonly first: number; readonly keyColumn: number }): TreePosition | undefined {
  const { first, keyColumn } = items;
  const { part, prefix } = flowItemsText(text, scope.start, scope.end);
  // On the line of the `[` (after it), the whole file's reading answers nothing: that line's key holds a sequence, or it starts with the `[`.
  if (prefix === 1 && !/[\r\n]/.test(text.slice(scope.start, offset))) return undefined;
  // A line indented no deeper than the list's key is outside the list (as a line at the margin of a
  // block list's item): nothing is answered there, where the whole file's reading (its sequence
  // broken by the key typed) reads a key of a new root or of the analysis.
  const lineStart = lineStartOf(text, offset);
  let indent = 0;
  while (text[lineStart + indent] === ' ') indent++;
  if (indent <= keyColumn) return undefined;
  const inner = positionFrom(part, offset - scope.start + prefix, scope.path);
  if (!inner) return undefined;
  const at = scope.path.length;
  const index = inner.path[at];
  const path = typeof index === 'number' ? [...inner.path.slice(0, at), index + first, ...inner.path.slice(at + 1)] : inner.path;
  const from = scope.start - prefix;
  return { ...inner, path, span: { start: inner.span.start + from, end: inner.span.end + from } };
}

/** The key under an offset, only when the offset is on the key itself (not its value). */
export function keyAt(text: string, offset: number, scope?: TextScope): KeyPosition | undefined {
  const position = positionAt(text, offset, scope);
  if (!position || position.kind !== 'key' || position.key === '') return undefined;
  if (offset < position.span.start || offset > position.span.end) return undefined;
  return position;
}

/** The block kinds, for callers that want to name them. */
export const BLOCK_KINDS: readonly BlockKind[] = BLOCKS.map(([kind]) => kind);
