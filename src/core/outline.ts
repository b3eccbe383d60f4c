/**
 * The outline of an analysis (title, incident, problem, roots → steps → causes → steps, actions)
 * and the blocks a reader can fold. Plain data with offsets; the extension turns it into
 * document symbols and folding ranges.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Action, Analysis, Cause, Root, Span, Step, TextValue } from './model';
import type { ParsedAnalysis } from './parse';
import { dashOf, flowItemsText, flowListOf, lineStartOf as lineStart, listKeyOf, nextFlowRun, PART_CHARS, scopesOf, type FlowList } from './position';
import { LineIndex, lineFeeds, type Comment } from './text';

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
  return stepEntryWith(step, (step.causes ?? []).map(causeEntry));
}

function stepEntryWith(step: Step, children: OutlineEntry[]): OutlineEntry {
  const detail = step.because ? oneLine(step.because.text, 80) : step.causes ? `${step.causes.length} causes` : '';
  return entry('step', oneLine(step.why?.text) || `step ${step.index + 1}`, detail, step.span, step.why?.span ?? step.span, children);
}

function causeEntry(cause: Cause): OutlineEntry {
  return causeEntryWith(cause, cause.chain.steps.map(stepEntry));
}

function causeEntryWith(cause: Cause, children: OutlineEntry[]): OutlineEntry {
  const detail = cause.id ? cause.id.text : '';
  return entry('cause', oneLine(cause.cause?.text) || `cause ${cause.index + 1}`, detail, cause.span, cause.cause?.span, children);
}

function actionEntry(action: Action): OutlineEntry {
  const detail = [action.owner?.text, action.due?.text, action.status?.text].filter(Boolean).join(' · ');
  return entry('action', oneLine(action.do?.text) || `action ${action.index + 1}`, detail, action.span, action.do?.span);
}

function rootEntry(root: Root): OutlineEntry {
  return rootEntryWith(root, root.chain.steps.map(stepEntry), root.actions.map(actionEntry));
}

function rootEntryWith(root: Root, steps: OutlineEntry[], actions: OutlineEntry[]): OutlineEntry {
  const firstWhy = root.chain.steps[0]?.why;
  const name = root.id?.text ?? oneLine(root.question?.text);
  const label = name || oneLine(firstWhy?.text) || `root ${root.index + 1}`;
  const detail = root.id ? oneLine(root.question?.text ?? firstWhy?.text, 80) : '';
  const children = steps;
  if (root.actions.length > 0) {
    const first = root.actions[0].span;
    const last = root.actions[root.actions.length - 1].span;
    children.push(entry('actions', 'actions', `${root.actions.length}`, { start: first.start, end: last.end }, undefined, actions));
  }
  return entry('root', label, detail, root.span, root.id?.span ?? root.question?.span ?? root.headSpan, children);
}

/**
 * {@link outlineOf}, built a few entries at a time (issue 12): the generator yields after every
 * `entriesPerSlice` entries built, steps, causes and actions alike, so that an editor can let its
 * thread run between slices even inside one root of many thousands of steps; it returns what
 * `outlineOf(analysis)` gives.
 */
export function* outlineInSlices(analysis: Analysis, entriesPerSlice = 500): Generator<void, OutlineEntry[], void> {
  let built = 0;
  const counted = function* <T>(value: T): Generator<void, T, void> {
    if (++built % entriesPerSlice === 0) yield;
    return value;
  };
  // Nesting is bounded (MAX_NESTING_DEPTH), so the delegation is too.
  const step = function* (s: Step): Generator<void, OutlineEntry, void> {
    const children: OutlineEntry[] = [];
    for (const c of s.causes ?? []) children.push(yield* cause(c));
    return yield* counted(stepEntryWith(s, children));
  };
  const cause = function* (c: Cause): Generator<void, OutlineEntry, void> {
    const children: OutlineEntry[] = [];
    for (const s of c.chain.steps) children.push(yield* step(s));
    return yield* counted(causeEntryWith(c, children));
  };
  const roots: OutlineEntry[] = [];
  for (const root of analysis.roots) {
    const steps: OutlineEntry[] = [];
    for (const s of root.chain.steps) steps.push(yield* step(s));
    const actions: OutlineEntry[] = [];
    for (const a of root.actions) actions.push(yield* counted(actionEntry(a)));
    roots.push(yield* counted(rootEntryWith(root, steps, actions)));
  }
  return outlineOf(analysis, roots);
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
    return parseDocument(lineFeeds(text), { prettyErrors: false, uniqueKeys: false }).contents;
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
  // The item's block, from its map's first line (its `-` may stand alone on the line before).
  if (dash >= 0 && contents?.range) blocks.add(firstLine + lines.position(contents.range[0]).line, firstLine + lastLine(lines, part, { start: contents.range[0], end: contents.range[1] }));
  return blocks.sorted();
}

/** Joins lists of folding blocks: one per start line, the longest, in line order. */
export function mergeFoldingBlocks(lists: Iterable<readonly FoldingBlock[]>): FoldingBlock[] {
  const blocks = new FoldingBlocks();
  for (const list of lists) blocks.addAll(list);
  return blocks.sorted();
}

/** A root (or a step, a cause) longer than this many characters is read a part at a time: its own lines, groups of its steps or causes, its last lines. */
export const FOLDING_PART_CHARS = PART_CHARS;

/** One part of the text to read alone ({@link foldingBlocksIn}), or a block known without reading. */
type FoldingPart =
  | { readonly start: number; readonly end: number; readonly item: boolean }
  | { readonly block: FoldingBlock }
  /** An item's lines before its list joined to its lines from `rest` on (its list's last items and what follows), read as one text. */
  | { readonly start: number; readonly headEnd: number; readonly rest: number; readonly end: number }
  /** An item's lines with its flow sequence emptied ({@link flowHeadBlocks}). */
  | { readonly flowHead: true; readonly start: number; readonly open: number; readonly close: number; readonly end: number }
  /** A run of a flow sequence's items ({@link flowItemsBlocks}). */
  | { readonly items: true; readonly start: number; readonly end: number };

/** The block of `[from, to)`, known without reading it: from its first line to its last line that is not blank. */
function blockOf(text: string, from: number, to: number, lineOf: (offset: number) => number): FoldingPart {
  let stop = to;
  while (stop > from && /\s/.test(text[stop - 1])) stop--;
  return { block: { startLine: lineOf(from), endLine: lineOf(Math.max(from, stop - 1)) } };
}

/**
 * The parts of a list item (a root, a step or a cause) standing in `[start, end)`, in file order
 * (found one at a time, as they are read):
 * the item whole when it is short, else its own lines before its list (a chain's steps, a step's
 * causes), groups of short items of that list, each long item split the same way, its lines after
 * the list, and the two blocks no part holds whole: the item's and its list's. Each part reads
 * alone as it reads in the file: parts are cut only at the line of a `-` that directly follows
 * the previous item's last line (no comment or empty line between), in a block list whose dashes
 * each start their line (alone on it, or before the item's first key). A list written as a flow
 * sequence of maps ({@link flowListOf}) is read in runs of its items instead ({@link flowParts}),
 * a long item of it whole; any other list is read whole with its item.
 */
function* itemParts(parsed: ParsedAnalysis, node: Root | Step | Cause, start: number, end: number, lineOf: (offset: number) => number, partChars: number): Generator<FoldingPart, void, void> {
  const { text } = parsed;
  const whole: FoldingPart = { start, end, item: true };
  const children: readonly (Step | Cause)[] = node.kind === 'step' ? (node.causes ?? []) : node.chain.steps;
  if (end - start <= partChars || children.length === 0) return yield whole;
  const dash = dashOf(text, node.span.start);
  const first = dashOf(text, children[0].span.start);
  if (dash !== undefined && first === undefined && lineStart(text, dash) === start) {
    const flow = flowListOf(parsed, node);
    if (flow) return yield* flowParts(text, node, flow, start, end, lineOf, partChars);
  }
  if (dash === undefined || first === undefined || lineStart(text, dash) !== start) return yield whole;
  const headEnd = lineStart(text, first);
  // The list's key: `because:` of a step (known), `whys:` of a root or cause (the last key before the list).
  const key = listKeyOf(text, node, headEnd)?.start;
  if (key === undefined) return yield whole;
  const last = children[children.length - 1];
  // The list ends with its last item's last line; what follows it (more keys of the item) is the tail.
  let listEnd = last.span.end;
  while (listEnd < end && text[listEnd] !== '\n' && text[listEnd] !== '\r') listEnd++;
  if (text[listEnd] === '\r' && text[listEnd + 1] === '\n') listEnd++;
  if (listEnd < end) listEnd++;
  // A cut may fall before item i when only empty or comment lines stand between it and the previous item.
  // An item's lines start at its `-` (which may stand alone on the line before its map).
  const itemStart = (i: number): number => lineStart(text, dashOf(text, children[i].span.start) ?? children[i].span.start);
  const cutBefore = (i: number): boolean => i === 0 || i === children.length || (dashOf(text, children[i].span.start) !== undefined && /^[^\S\r\n]*(\r\n|\n|\r)([^\S\r\n]*(#[^\r\n]*)?(\r\n|\n|\r))*$/.test(text.slice(children[i - 1].span.end, itemStart(i))));
  // Comment lines right after the list may belong to it (YAML's reading decides where it ends):
  // then the item's first lines are read joined to its last item and what follows, so that the
  // item's and the list's blocks come from that reading.
  let commented = false;
  for (let at = listEnd; at < end; ) {
    let next = at;
    while (next < end && text[next] !== '\n' && text[next] !== '\r') next++;
    const line = text.slice(at, next).trim();
    if (line !== '') {
      commented = line.startsWith('#');
      break;
    }
    at = next + 1;
  }
  let upTo = children.length;
  let groupsEnd = listEnd;
  if (commented) {
    upTo = children.length - 1;
    while (upTo > 0 && !cutBefore(upTo)) upTo--;
    groupsEnd = upTo === 0 ? headEnd : itemStart(upTo);
    yield { start, headEnd, rest: groupsEnd, end };
  } else {
    yield blockOf(text, node.span.start, node.span.end, lineOf);
    yield blockOf(text, key, last.span.end, lineOf);
    yield { start, end: headEnd, item: true };
  }
  // Runs of short items are read together; a long item with a cut on each side is split in turn.
  let group = headEnd;
  for (let i = 0; i < upTo; i++) {
    if (!cutBefore(i)) continue;
    const from = i === 0 ? headEnd : itemStart(i);
    const to = i + 1 < upTo ? itemStart(i + 1) : groupsEnd;
    const long = to - from > partChars && cutBefore(i + 1);
    if (from > group && (long || from - group >= partChars)) {
      yield { start: group, end: from, item: false };
      group = from;
    }
    if (long) {
      yield* itemParts(parsed, children[i], from, to, lineOf, partChars);
      group = to;
    }
  }
  if (groupsEnd > group) yield { start: group, end: groupsEnd, item: false };
  if (!commented && end > listEnd) yield { start: listEnd, end, item: false };
}

/**
 * The parts of a list item whose list is a flow sequence ({@link flowListOf}): the item's and its
 * list key's blocks, the item's own lines with the sequence emptied (`[` joined to `]`), then
 * runs of the sequence's items (each run starting on a line of its own, or just after the `[`)
 * joined up to about `partChars` characters, each read inside brackets of its own.
 */
function* flowParts(text: string, node: Root | Step | Cause, flow: FlowList, start: number, end: number, lineOf: (offset: number) => number, partChars: number): Generator<FoldingPart, void, void> {
  yield blockOf(text, node.span.start, node.span.end, lineOf);
  yield blockOf(text, flow.key, flow.close + 1, lineOf);
  yield { flowHead: true, start, open: flow.open, close: flow.close, end };
  // The runs are found as they are read (each from its own items on), spread over the slices.
  let from = flow.open + 1;
  for (let i = 0; i < flow.items.length; ) {
    i = nextFlowRun(text, flow, i);
    const next = i < flow.items.length ? lineStart(text, flow.items[i].span.start) : flow.close;
    if (next - from >= partChars || i === flow.items.length) {
      yield { items: true, start: from, end: next };
      from = next;
    }
  }
}

/**
 * The blocks of a list item whose list is a flow sequence, read from its lines with the sequence
 * emptied: its text up to the `[` joined to its text from the `]` on. A block starting on the
 * joined line starts before the join (its lines before the list); one ending there ends after it.
 */
function flowHeadBlocks(text: string, part: { readonly start: number; readonly open: number; readonly close: number; readonly end: number }, lineOf: (offset: number) => number): FoldingBlock[] {
  const head = text.slice(part.start, part.open + 1);
  const joinedLine = new LineIndex(head).lineCount - 1;
  const firstLine = lineOf(part.start);
  const closeLine = lineOf(part.close);
  const joined = head + text.slice(part.close, part.end);
  const blocks = foldingBlocksIn(joined, { start: 0, end: joined.length, path: ['roots', 0] }, 0);
  return blocks.map((b) => ({
    ...b,
    startLine: b.startLine <= joinedLine ? firstLine + b.startLine : closeLine + b.startLine - joinedLine,
    endLine: b.endLine < joinedLine ? firstLine + b.endLine : closeLine + b.endLine - joinedLine,
  }));
}

/** The blocks of a run of a flow sequence's items, read inside brackets of their own. */
function flowItemsBlocks(text: string, start: number, end: number, lineOf: (offset: number) => number): FoldingBlock[] {
  const { part, prefix } = flowItemsText(text, start, end);
  return foldingBlocksIn(part, { start: 0, end: part.length, path: [] }, lineOf(start) - (prefix > 1 ? 1 : 0));
}

/**
 * The blocks of a list item read from its lines before its list joined to its lines from `rest`
 * on (the list's last items and what follows): the items between left out, the item reads as it
 * does in the file, so its own block and its list's end where the whole reading ends them.
 */
function joinedFoldingBlocks(text: string, part: { readonly start: number; readonly headEnd: number; readonly rest: number; readonly end: number }, lineOf: (offset: number) => number): FoldingBlock[] {
  const head = text.slice(part.start, part.headEnd);
  const headLines = new LineIndex(head).lineCount - 1;
  const firstLine = lineOf(part.start);
  const restLine = lineOf(part.rest);
  const blocks = foldingBlocksIn(head + text.slice(part.rest, part.end), { start: 0, end: head.length + part.end - part.rest, path: ['roots', 0] }, 0);
  // Lines of the head stand where they are; the rest's lines after the items left out.
  const line = (joined: number): number => (joined < headLines ? firstLine + joined : restLine + joined - headLines);
  return blocks.map((b) => ({ ...b, startLine: line(b.startLine), endLine: line(b.endLine) }));
}

/**
 * {@link foldingBlocksOf} of a parsed analysis, read a part at a time so that an editor can let
 * its thread run between slices of `partsPerSlice` parts: the lines before the roots, then each
 * root's ({@link scopesOf}), a root longer than {@link FOLDING_PART_CHARS} characters in parts of
 * its steps (and a long step in parts of its causes, and so on down), never much longer than
 * that (`partChars`). The generator yields between slices and returns the blocks. `lineOf`: the
 * 0-based line of an offset (the editor's own document knows it without a scan).
 */
export function* foldingBlocksInSlices(parsed: ParsedAnalysis, lineOf: (offset: number) => number, partsPerSlice = 25, partChars = FOLDING_PART_CHARS): Generator<void, FoldingBlock[], void> {
  const { text, analysis } = parsed;
  const lists: FoldingBlock[][] = [];
  let read = 0;
  for (const scope of scopesOf(parsed)) {
    const root = scope.path.length > 0 ? analysis.roots[scope.path[1] as number] : undefined;
    // The parts are found as they are read: a long root's plan is spread over its slices too.
    const parts: Iterable<FoldingPart> = root ? itemParts(parsed, root, scope.start, scope.end, lineOf, partChars) : [{ start: scope.start, end: scope.end, item: false }];
    for (const part of parts) {
      if ('block' in part) {
        lists.push([part.block]);
        continue;
      }
      if (read > 0 && read % partsPerSlice === 0) yield;
      read++;
      if ('flowHead' in part) lists.push(flowHeadBlocks(text, part, lineOf));
      else if ('items' in part) lists.push(flowItemsBlocks(text, part.start, part.end, lineOf));
      else if ('rest' in part) lists.push(joinedFoldingBlocks(text, part, lineOf));
      else lists.push(foldingBlocksIn(text, { start: part.start, end: part.end, path: part.item ? (scope.path.length > 0 ? scope.path : ['roots', 0]) : [] }, lineOf(part.start)));
    }
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
