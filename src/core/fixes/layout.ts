/**
 * The text layout the quick fixes work with: lines, columns, the file's line break, list items
 * and YAML-quoted values. Everything is in UTF-16 offsets, like the model's spans.
 */
import { parseDocument, stringify, isMap, isPair, isScalar, type Node as YamlNode } from 'yaml';
import type { Span } from '../model';

/**
 * What the user must write in a placeholder a fix leaves: an answer or cause, an action's text,
 * its owner, its due date. Tests fill each kind with a fitting value; an editor shows the
 * placeholder selected so that typing replaces it.
 */
export type PlaceholderKind = 'answer' | 'action' | 'owner' | 'date';

/**
 * A range of an edit's `newText` (offsets into `newText`) where the user must type: the text
 * there (`""`, an empty YAML string that the `schema` rule flags until it is written) is what a
 * plain editor or the CLI leaves; an editor with snippet edits selects it as a tab stop, in order.
 */
export interface Placeholder {
  readonly start: number;
  readonly end: number;
  readonly kind: PlaceholderKind;
}

/** One replacement in the text: `span` is replaced by `newText` (an insertion when empty). */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
  /** Where the user must type, in `newText`, in tab order; absent when the edit is complete. */
  readonly placeholders?: readonly Placeholder[];
}

/**
 * An edit whose `newText` is built from pieces, some of them placeholders: the text is their
 * concatenation and each placeholder piece's range is recorded.
 */
export function editWithPlaceholders(span: Span, pieces: readonly (string | { text: string; kind: PlaceholderKind })[]): TextEdit {
  let newText = '';
  const placeholders: Placeholder[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') newText += piece;
    else {
      placeholders.push({ start: newText.length, end: newText.length + piece.text.length, kind: piece.kind });
      newText += piece.text;
    }
  }
  return placeholders.length ? { span, newText, placeholders } : { span, newText };
}

/**
 * A placeholder inside lines a fix builds as text: `slot('answer')` stands where the user must
 * type, and `withSlots` turns each into the empty YAML string `""` recorded as a placeholder.
 * (Private-use characters around the kind's name: text from a file never holds that sequence in practice.)
 */
export function slot(kind: PlaceholderKind): string {
  return `\uE000${kind}\uE001`;
}

/** The edit with each `slot(...)` in its text replaced by `""` and recorded as a placeholder. */
export function withSlots(edit: TextEdit): TextEdit {
  const pieces: (string | { text: string; kind: PlaceholderKind })[] = [];
  let at = 0;
  for (const m of edit.newText.matchAll(/\uE000(answer|action|owner|date)\uE001/g)) {
    pieces.push(edit.newText.slice(at, m.index), { text: '""', kind: m[1] as PlaceholderKind });
    at = m.index + m[0].length;
  }
  pieces.push(edit.newText.slice(at));
  return editWithPlaceholders(edit.span, pieces);
}

/**
 * Applies edits, putting into each placeholder the text `fill` gives for its kind: what the file
 * looks like once the user has typed where the fix asked.
 */
export function applyFilled(text: string, edits: readonly TextEdit[], fill: (kind: PlaceholderKind) => string): string {
  return applyEdits(
    text,
    edits.map((edit) => {
      if (!edit.placeholders?.length) return edit;
      let out = '';
      let at = 0;
      for (const p of edit.placeholders) {
        out += edit.newText.slice(at, p.start) + fill(p.kind);
        at = p.end;
      }
      return { span: edit.span, newText: out + edit.newText.slice(at) };
    }),
  );
}

/** Applies non-overlapping edits to a text, as an editor would. Throws on overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.span.start < at) throw new Error(`overlapping edits at ${edit.span.start}`);
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

/** The line break the file uses (that of its first line), `\n` when it has none. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf < 0) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

const isBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r';

/** Where the line holding an offset starts. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

/** Where the line holding an offset ends, before its line break. */
export function lineEndOf(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** Where the next line starts after the line holding an offset, or undefined on the last line. */
export function nextLineStart(text: string, offset: number): number | undefined {
  const end = lineEndOf(text, offset);
  if (end >= text.length) return undefined;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/** Where the line before the line starting at `lineStart` ends (before its line break). */
export function previousLineEnd(text: string, lineStart: number): number {
  let end = lineStart;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return Math.max(0, end);
}

/** The column (in UTF-16 units) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Whether only spaces stand before an offset on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** Where the `-` of the list item that holds a node stands, or the node's start when it is no item. */
export function itemStartOf(text: string, span: Span): number {
  let i = span.start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && text[i] === '-' ? i : span.start;
}

/**
 * The first line of the own-line comments directly above a line (no blank line between), so
 * that text inserted before a node keeps the comments that introduce it next to it.
 */
export function commentBlockStart(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previous = lineStartOf(text, previousLineEnd(text, start));
    const line = text.slice(previous, lineEndOf(text, previous));
    if (!/^[ \t]*#/.test(line)) break;
    start = previous;
  }
  return start;
}

/**
 * Inserts whole lines after the line holding `offset`: an edit at the next line's start, or at
 * the end of the text (with a line break first) on the last line.
 */
export function insertLinesAfter(text: string, offset: number, lines: readonly string[]): TextEdit {
  const eol = eolOf(text);
  const next = nextLineStart(text, offset);
  if (next === undefined) return { span: { start: text.length, end: text.length }, newText: eol + lines.join(eol) };
  return { span: { start: next, end: next }, newText: lines.join(eol) + eol };
}

/** Inserts whole lines before the line that starts at `lineStart`. */
export function insertLinesBefore(text: string, lineStart: number, lines: readonly string[]): TextEdit {
  const eol = eolOf(text);
  return { span: { start: lineStart, end: lineStart }, newText: lines.join(eol) + eol };
}

/** A string as a one-line YAML scalar, quoted only when it must be (by `yaml` itself). */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).replace(/\r?\n$/, '');
}

/** Spaces. */
export function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

/**
 * The offset just after the `:` that follows a key, or undefined when something other than
 * spaces stands between them.
 */
export function afterColon(text: string, keyEnd: number): number | undefined {
  let i = keyEnd;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':' ? i + 1 : undefined;
}

/** Where a key and its value stand in a map of the YAML tree, found by a model path. */
export interface PairLocation {
  readonly keySpan: Span;
  /** The value's range; undefined when the key has no value (`actions:` alone). */
  readonly valueSpan?: Span;
}

/**
 * Finds a key of the map at a model path (`roots[0]`, `roots[0].whys[1]`) in the YAML tree.
 * The model keeps the spans rules need; a fix sometimes needs one it does not keep.
 */
export function pairAt(text: string, path: string, key: string): PairLocation | undefined {
  const document = parseDocument(text, { prettyErrors: false });
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([A-Za-z_]+)|\[(\d+)\]/g)) segments.push(match[1] ?? Number(match[2]));
  return pairOf(text, document.getIn(segments, true) as YamlNode | undefined, key, 0);
}

/**
 * {@link pairAt} for the map that spans `span` (a root's), reading only its lines rather than the
 * whole file: a quick fix on a large analysis stays quick. The text before the map on its first
 * line (`  - `) is read as spaces, so the map parses at its own indentation; when its lines do not
 * parse alone, the whole file is read.
 */
export function pairIn(text: string, span: Span, path: string, key: string): PairLocation | undefined {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const slice = ' '.repeat(span.start - lineStart) + text.slice(span.start, span.end);
  const document = parseDocument(slice, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return pairAt(text, path, key);
  return pairOf(text, document.contents, key, lineStart);
}

/** A key of a map node and its value, the node's offsets counted from `base` in `text`. */
function pairOf(text: string, node: YamlNode | undefined, key: string, base: number): PairLocation | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const keyNode = pair?.key as YamlNode | undefined;
  if (!keyNode?.range) return undefined;
  const value = pair?.value as YamlNode | null | undefined;
  const keySpan = { start: base + keyNode.range[0], end: base + keyNode.range[1] };
  if (!value?.range || (isScalar(value) && value.value === null && value.range[0] === value.range[1])) return { keySpan };
  const start = base + value.range[0];
  let end = base + value.range[1];
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { keySpan, valueSpan: { start, end } };
}

/**
 * Shifts every non-blank line of a block of text right by `by` spaces. Relative indentation,
 * and so the meaning of every scalar in it (block scalars included), is kept.
 */
export function indentBlock(block: string, by: number): string {
  const pad = spaces(by);
  return block.replace(/(^|\n)([^\r\n]*)/g, (whole, lead: string, line: string) => (line.trim() === '' ? whole : lead + pad + line));
}
