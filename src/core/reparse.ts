/**
 * Re-reading a file after an edit: when the edit lies inside some roots, only those roots are
 * parsed again (by `yaml`, alone, with the offsets they have in the file) and put in place of
 * the old ones; the rest of the parse is kept, moved by the length the edit added or removed.
 * The result equals a parse of the whole new text (model, spans, problems, comments); whenever
 * that cannot be known cheaply (an edit outside the roots, a root that no longer reads as one,
 * anchors or aliases, a file near the findings cap), the whole text is parsed.
 */
import { isMap, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { RuleFinding } from './findings';
import type { Analysis, Root, Span } from './model';
import { MAX_FINDINGS_PER_RULE, MAX_TEXT_LENGTH } from './limits';
import { layoutOf, ModelBuilder, parseAnalysis, readYaml, setLayout, type ParsedAnalysis, type RootsLayout } from './parse';
import type { Comment } from './text';
import { SchemaValidator } from './validate';

/**
 * Parses `text`, an edit of the text `previous` was parsed from, re-reading only the roots the
 * edit touched when it can. Never throws; equal to `parseAnalysis(text)`.
 */
export function reparseAnalysis(previous: ParsedAnalysis | undefined, text: string): ParsedAnalysis {
  if (previous && previous.text === text) return previous;
  const layout = previous && layoutOf(previous);
  if (previous && layout && text.length <= MAX_TEXT_LENGTH) {
    try {
      const again = reread(previous, layout, text);
      if (again) return again;
    } catch {
      // Anything unexpected: the whole text is parsed below.
    }
  }
  return parseAnalysis(text);
}

/** Where the root `index` ends in the text of a layout (-1: unknown). */
function endOf(layout: RootsLayout, index: number): number {
  return index + 1 < layout.starts.length ? layout.starts[index + 1] : layout.end;
}

function reread(previous: ParsedAnalysis, layout: RootsLayout, text: string): ParsedAnalysis | undefined {
  const old = previous.text;
  // The edit: old[first, oldEnd) became text[first, oldEnd + delta).
  const shorter = Math.min(old.length, text.length);
  let first = 0;
  while (first < shorter && old.charCodeAt(first) === text.charCodeAt(first)) first++;
  let same = 0;
  while (same < shorter - first && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  const oldEnd = old.length - same;
  const delta = text.length - old.length;

  // The roots the edit touched: from the one it starts in (the one before, when it starts at or
  // before a dash, which may have moved) to the one it ends in.
  const { starts } = layout;
  let from = lastAtOrBefore(starts, first);
  if (from >= 0 && first <= starts[from] + layout.column) from--;
  if (from < 0) return undefined;
  let to = from;
  while (to < starts.length && endOf(layout, to) >= 0 && endOf(layout, to) < oldEnd) to++;
  if (to >= starts.length) return undefined;
  const oldSliceEnd = endOf(layout, to);
  if (oldSliceEnd < 0) return undefined;
  const sliceStart = starts[from];
  const sliceEnd = oldSliceEnd + delta;
  // The part read again must end a line (or the file), or what follows would read otherwise.
  if (sliceEnd < text.length && text.charCodeAt(sliceEnd - 1) !== 10) return undefined;
  if (sliceEnd <= sliceStart || /\r(?!\n)/.test(text.slice(sliceStart, sliceEnd))) return undefined;

  const read = readYaml(text, sliceStart, sliceEnd);
  const seq = read.document.contents;
  const count = to - from + 1;
  const dashes = read.list;
  if (read.refs || read.document.errors.length > 0 || !isSeq(seq) || !dashes) return undefined;
  // A `---` or `...` read alone would not mean what it means between other roots.
  if (read.started || (sliceEnd < text.length && read.ended)) return undefined;
  if (seq.items.length !== count || dashes.starts.length !== count || !seq.items.every((item) => isMap(item))) return undefined;
  if (dashes.column !== layout.column || dashes.starts[0] !== sliceStart) return undefined;

  // The problems: those of the schema check (first) and of reading the model, each in three parts.
  const schemaOld = previous.problems.slice(0, layout.schemaCount);
  const builderOld = previous.problems.slice(layout.schemaCount);
  const validator = new SchemaValidator(text, read.document);
  const schemaNew = validator.checkRoots(seq.items as YamlNode[], from, previous.analysis.rootsKeySpan);
  const builder = new ModelBuilder(text, read.document);
  const roots: Root[] = seq.items.map((item, i) => builder.root(item as YAMLMap, from + i));
  const schemaProblems = [...before(schemaOld, sliceStart), ...schemaNew, ...after(schemaOld, oldSliceEnd, delta)];
  // The schema check lists at most so many findings per rule, then counts the rest: near that
  // cap, which ones are listed depends on the whole file.
  for (const rule of ['schema', 'syntax']) {
    if (schemaOld.filter((p) => p.rule === rule).length >= MAX_FINDINGS_PER_RULE || schemaProblems.filter((p) => p.rule === rule).length >= MAX_FINDINGS_PER_RULE) return undefined;
  }
  // A problem of the whole file (on the file's block of keys) that spans the part read again: its end moves too.
  if (previous.problems.some((p) => p.span.start < sliceStart && p.span.end > sliceStart)) return undefined;
  const problems = [...schemaProblems, ...before(builderOld, sliceStart), ...builder.problems, ...after(builderOld, oldSliceEnd, delta)];

  const copies = new Map<object, unknown>();
  const analysis: Analysis = {
    ...previous.analysis,
    ...movedFields(previous.analysis, oldSliceEnd, delta, copies),
    roots: [...previous.analysis.roots.slice(0, from), ...roots, ...previous.analysis.roots.slice(to + 1).map((root) => moved(root, delta, copies))],
    span: { start: 0, end: text.length },
  };
  const comments: Comment[] = [
    ...previous.comments.filter((c) => c.span.end <= sliceStart),
    ...read.comments,
    ...previous.comments.filter((c) => c.span.start >= oldSliceEnd).map((c) => ({ ...c, span: { start: c.span.start + delta, end: c.span.end + delta } })),
  ];
  // A comment that straddles the boundary cannot be: the part read again starts and ends lines.
  if (previous.comments.some((c) => c.span.end > sliceStart && c.span.start < oldSliceEnd && (c.span.start < sliceStart || c.span.end > oldSliceEnd))) return undefined;

  const parsed: ParsedAnalysis = { text, analysis, problems, comments, wellFormed: true };
  setLayout(parsed, {
    starts: [...starts.slice(0, from), ...dashes.starts, ...starts.slice(to + 1).map((s) => s + delta)],
    column: layout.column,
    end: layout.end < 0 ? -1 : text.length,
    schemaCount: schemaProblems.length,
  });
  return parsed;
}

/** The index of the last of the sorted `starts` at or before `offset`, or -1. */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function before(problems: readonly RuleFinding[], at: number): RuleFinding[] {
  return problems.filter((p) => p.span.start < at);
}

function after(problems: readonly RuleFinding[], at: number, delta: number): RuleFinding[] {
  return problems.filter((p) => p.span.start >= at).map((p) => (delta === 0 ? p : { ...p, span: { start: p.span.start + delta, end: p.span.end + delta } }));
}

/** The file-level fields of an analysis (title, incident, …) that stand after `at`, moved. */
function movedFields(analysis: Analysis, at: number, delta: number, copies: Map<object, unknown>): Partial<Analysis> {
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'incident', 'problem', 'rootsKeySpan'] as const) {
    const value = analysis[key] as { span?: Span; start?: number } | undefined;
    const start = value?.span?.start ?? value?.start;
    if (value && start !== undefined && start >= at) out[key] = moved(value, delta, copies);
  }
  return out as Partial<Analysis>;
}

/**
 * A copy of a part of the model with every span moved by `delta` (the same object when
 * `delta` is 0). Objects met twice (a chain's root, a step's chain) are copied once.
 */
function moved<T>(value: T, delta: number, copies: Map<object, unknown>): T {
  if (delta === 0 || value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    copies.set(value, out);
    for (const item of value) out.push(moved(item, delta, copies));
    return out as T;
  }
  const record = value as Record<string, unknown>;
  if (isSpan(record)) {
    const span = { start: (record.start as number) + delta, end: (record.end as number) + delta };
    copies.set(value, span);
    return span as T;
  }
  const out: Record<string, unknown> = {};
  copies.set(value, out);
  for (const key in record) out[key] = moved(record[key], delta, copies);
  return out as T;
}

function isSpan(record: Record<string, unknown>): boolean {
  if (typeof record.start !== 'number' || typeof record.end !== 'number') return false;
  let keys = 0;
  for (const _ in record) keys++;
  return keys === 2;
}
