/**
 * The outline of an analysis (title, incident, problem, roots → steps → causes → steps, actions)
 * and the blocks a reader can fold. Plain data with offsets; the extension turns it into
 * document symbols and folding ranges.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Action, Analysis, Cause, Root, Span, Step, TextValue } from './model';
import type { ParsedAnalysis } from './parse';
import { scopesOf } from './position';
import { LineIndex, type Comment } from './text';

/** What an outline entry stands for; the extension picks an icon per kind. */
export type OutlineKind = 'title' | 'incident' | 'problem' | 'roots' | 'root' | 'step' | 'cause' | 'actions' | 'action';

/** One entry of the outline. */
export interface OutlineEntry {
  readonly kind: OutlineKind;
  /** The name shown: the why of a step, the text of a cause, the id or question of a root. */
  readonly name: string;
  /** A short second text: the answer of a step, the owner of an action… */
  readonly detail: string;
  /** The whole block. */
  readonly span: Span;
  /** What to select when the entry is chosen: its key or its main value. Inside `span`. */
  readonly selection: Span;
  readonly children: OutlineEntry[];
}

/** A name fit for one line of an outline. */
function oneLine(text: string | undefined, max = 100): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Keeps the selection inside the range, as VS Code requires of document symbols. */
function within(outer: Span, inner: Span | undefined): Span {
  if (!inner || inner.start < outer.start || inner.end > outer.end) return { start: outer.start, end: outer.start };
  return inner;
}

function entry(kind: OutlineKind, name: string, detail: string, span: Span, selection: Span | undefined, children: OutlineEntry[] = []): OutlineEntry {
  const outer = { start: Math.min(span.start, selection?.start ?? span.start), end: Math.max(span.end, selection?.end ?? span.end) };
  return { kind, name: name || '(empty)', detail, span: outer, selection: within(outer, selection), children };
}

/** Joins the span of a key with the span of its value. */
function keyed(value: TextValue): Span {
  return { start: value.keySpan?.start ?? value.span.start, end: value.span.end };
}

function stepEntry(step: Step): OutlineEntry {
  const children = (step.causes ?? []).map(causeEntry);
  const detail = step.because ? oneLine(step.because.text, 80) : step.causes ? `${step.causes.length} causes` : '';
  return entry('step', oneLine(step.why?.text) || `step ${step.index + 1}`, detail, step.span, step.why?.span ?? step.span, children);
}

function causeEntry(cause: Cause): OutlineEntry {
  const detail = cause.id ? cause.id.text : '';
  return entry('cause', oneLine(cause.cause?.text) || `cause ${cause.index + 1}`, detail, cause.span, cause.cause?.span, cause.chain.steps.map(stepEntry));
}

function actionEntry(action: Action): OutlineEntry {
  const detail = [action.owner?.text, action.due?.text, action.status?.text].filter(Boolean).join(' · ');
  return entry('action', oneLine(action.do?.text) || `action ${action.index + 1}`, detail, action.span, action.do?.span);
}

function rootEntry(root: Root): OutlineEntry {
  const firstWhy = root.chain.steps[0]?.why;
  const name = root.id?.text ?? oneLine(root.question?.text);
  const label = name || oneLine(firstWhy?.text) || `root ${root.index + 1}`;
  const detail = root.id ? oneLine(root.question?.text ?? firstWhy?.text, 80) : '';
  const children = root.chain.steps.map(stepEntry);
  if (root.actions.length > 0) {
    const first = root.actions[0].span;
    const last = root.actions[root.actions.length - 1].span;
    children.push(entry('actions', 'actions', `${root.actions.length}`, { start: first.start, end: last.end }, undefined, root.actions.map(actionEntry)));
  }
  return entry('root', label, detail, root.span, root.id?.span ?? root.question?.span ?? root.headSpan, children);
}

/**
 * The outline entries of some roots: what {@link outlineOf} lists under `roots`. An editor builds
 * a large analysis's outline a slice of roots at a time with it, then passes them all to
 * `outlineOf`.
 */
export function rootOutlines(roots: readonly Root[]): OutlineEntry[] {
  return roots.map(rootEntry);
}

/**
 * The outline of an analysis: the top-level entries in file order. `rootEntries`: the roots'
 * entries when already built ({@link rootOutlines}), else they are built here.
 */
export function outlineOf(analysis: Analysis, rootEntries?: readonly OutlineEntry[]): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  if (analysis.title) top.push(entry('title', oneLine(analysis.title.text), 'title', keyed(analysis.title), analysis.title.span));
  if (analysis.incident) {
    const incident = analysis.incident;
    const detail = [incident.date?.text, incident.severity?.text].filter(Boolean).join(' · ');
    top.push(entry('incident', 'incident', detail, incident.span, undefined));
  }
  if (analysis.problem) top.push(entry('problem', oneLine(analysis.problem.text), 'problem', keyed(analysis.problem), analysis.problem.span));
  if (analysis.rootsKeySpan || analysis.roots.length > 0) {
    const roots = rootEntries ? [...rootEntries] : analysis.roots.map(rootEntry);
    const start = analysis.rootsKeySpan?.start ?? roots[0]?.span.start ?? 0;
    // A reduce, not Math.max(...spread): a file may hold more roots than a call takes arguments.
    const end = roots.reduce((max, r) => Math.max(max, r.span.end), analysis.rootsKeySpan?.end ?? 0);
    top.push(entry('roots', 'roots', `${roots.length}`, { start, end }, analysis.rootsKeySpan, roots));
  }
  return top.sort((a, b) => a.span.start - b.span.start);
}

/** A range of lines that can be folded (0-based, inclusive). */
export interface FoldingBlock {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

/** The last line holding something of a span (a span that ends at a line start ends on the line before). */
function lastLine(lines: LineIndex, text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return lines.position(Math.max(span.start, end - 1)).line;
}

/** Collects folding blocks, one per start line (the longest wins). */
class FoldingBlocks {
  private readonly byStart = new Map<number, FoldingBlock>();

  add(startLine: number, endLine: number, kind?: FoldingBlock['kind']): void {
    if (endLine <= startLine) return;
    const existing = this.byStart.get(startLine);
    if (!existing || existing.endLine < endLine) this.byStart.set(startLine, { startLine, endLine, kind });
  }

  addAll(blocks: Iterable<FoldingBlock>): void {
    for (const block of blocks) this.add(block.startLine, block.endLine, block.kind);
  }

  sorted(): FoldingBlock[] {
    return [...this.byStart.values()].sort((a, b) => a.startLine - b.startLine);
  }
}

/** The root node of a YAML text, or undefined when it cannot be read. */
function yamlContents(text: string): YamlNode | null | undefined {
  try {
    return parseDocument(text, { prettyErrors: false, uniqueKeys: false }).contents;
  } catch {
    return undefined;
  }
}

/** Adds the blocks of a YAML tree: each key and list item whose value spans several lines. */
function addTreeBlocks(blocks: FoldingBlocks, text: string, lines: LineIndex, contents: unknown, lineShift = 0): void {
  const visit = (node: unknown, from?: number): void => {
    const yamlNode = node as YamlNode | null | undefined;
    const range = yamlNode?.range;
    if (range && from !== undefined) {
      blocks.add(lineShift + lines.position(from).line, lineShift + lastLine(lines, text, { start: from, end: range[1] }));
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyStart = (pair.key as YamlNode | null)?.range?.[0];
        visit(pair.value, keyStart);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const start = (item as YamlNode | null)?.range?.[0];
        if (start === undefined) continue;
        // From the item's `-`, so a step folds from its `- why:` line.
        let dash = start;
        while (dash > 0 && text[dash - 1] === ' ') dash--;
        visit(item, text[dash - 1] === '-' ? dash - 1 : start);
      }
    } else if (isScalar(node)) {
      // Block scalars and long plain values fold like any block; nothing inside.
    }
  };
  visit(contents);
}

/**
 * The comment blocks that fold: runs of own-line comments on consecutive lines, and
 * `# region` … `# endregion` markers. `lineOf`: the 0-based line of an offset.
 */
export function commentFoldingBlocks(comments: readonly Comment[], lineOf: (offset: number) => number): FoldingBlock[] {
  const blocks = new FoldingBlocks();
  const regions: number[] = [];
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run) blocks.add(run.start, run.end, 'comment');
    run = undefined;
  };
  for (const comment of comments) {
    const line = lineOf(comment.span.start);
    if (/^region\b/.test(comment.text) && comment.ownLine) {
      flush();
      regions.push(line);
      continue;
    }
    if (/^endregion\b/.test(comment.text) && comment.ownLine) {
      flush();
      const start = regions.pop();
      if (start !== undefined) blocks.add(start, line, 'region');
      continue;
    }
    if (!comment.ownLine) {
      flush();
      continue;
    }
    if (run && run.end === line - 1) run.end = line;
    else {
      flush();
      run = { start: line, end: line };
    }
  }
  flush();
  return blocks.sorted();
}

/**
 * The blocks that fold: every key or list item whose value spans several lines (which covers
 * each root, step, cause, chain and actions block), runs of two or more comment lines, and
 * `# region` … `# endregion` markers. Reads the YAML tree, so it follows the file's structure
 * even where indentation alone would mislead (block scalars, comments).
 */
export function foldingBlocksOf(text: string, comments: readonly Comment[]): FoldingBlock[] {
  const lines = new LineIndex(text);
  const blocks = new FoldingBlocks();
  addTreeBlocks(blocks, text, lines, yamlContents(text));
  blocks.addAll(commentFoldingBlocks(comments, (offset) => lines.position(offset).line));
  return blocks.sorted();
}

/**
 * The tree's folding blocks in one part of the text (`scopeAt`'s: a root's lines, or those before
 * the roots), reading only that part: what {@link foldingBlocksOf} finds there, the part's first
 * line being `firstLine` of the file. A root's part includes the root's own block; the `roots:`
 * block and the comments' blocks are the caller's ({@link mergeFoldingBlocks} joins them all).
 */
export function foldingBlocksIn(text: string, scope: { readonly start: number; readonly end: number; readonly path: readonly (string | number)[] }, firstLine: number): FoldingBlock[] {
  let part = text.slice(scope.start, scope.end);
  const blocks = new FoldingBlocks();
  const dash = scope.path.length > 0 ? part.search(/\S/) : -1;
  // The item's `-` read as a space: its map then stands alone at its own indentation.
  if (dash >= 0 && part[dash] === '-') part = `${part.slice(0, dash)} ${part.slice(dash + 1)}`;
  const lines = new LineIndex(part);
  const contents = yamlContents(part);
  addTreeBlocks(blocks, part, lines, contents, firstLine);
  if (dash >= 0 && contents?.range) blocks.add(firstLine + lines.position(dash).line, firstLine + lastLine(lines, part, { start: dash, end: contents.range[1] }));
  return blocks.sorted();
}

/** Joins lists of folding blocks: one per start line, the longest, in line order. */
export function mergeFoldingBlocks(lists: Iterable<readonly FoldingBlock[]>): FoldingBlock[] {
  const blocks = new FoldingBlocks();
  for (const list of lists) blocks.addAll(list);
  return blocks.sorted();
}

/**
 * {@link foldingBlocksOf} of a parsed analysis, read a part at a time ({@link scopesOf}: the
 * lines before the roots, then each root's) so that an editor can let its thread run between
 * slices of `partsPerSlice` parts: the generator yields between slices and returns the blocks.
 * `lineOf`: the 0-based line of an offset (the editor's own document knows it without a scan).
 */
export function* foldingBlocksInSlices(parsed: ParsedAnalysis, lineOf: (offset: number) => number, partsPerSlice = 25): Generator<void, FoldingBlock[], void> {
  const { text, analysis } = parsed;
  const lists: FoldingBlock[][] = [];
  const scopes = scopesOf(parsed);
  for (let i = 0; i < scopes.length; i++) {
    if (i > 0 && i % partsPerSlice === 0) yield;
    lists.push(foldingBlocksIn(text, scopes[i], lineOf(scopes[i].start)));
  }
  const last = analysis.roots[analysis.roots.length - 1];
  if (analysis.rootsKeySpan && last) {
    // `roots:` folds to the last line of its last root, as the whole tree's reading gives it.
    let end = last.span.end;
    while (end > last.span.start && /\s/.test(text[end - 1])) end--;
    lists.push([{ startLine: lineOf(analysis.rootsKeySpan.start), endLine: lineOf(Math.max(last.span.start, end - 1)) }]);
  }
  lists.push(commentFoldingBlocks(parsed.comments, lineOf));
  return mergeFoldingBlocks(lists);
}
