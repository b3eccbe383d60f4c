/**
 * Formatting that keeps comments: the file is read into `yaml`'s Document (which holds every
 * comment and blank line next to its node) and written back with two-space indentation and no
 * line folding. The result is checked before it is offered: same data, same comments, in the
 * same order. Files with syntax errors, and any result that would lose something, are refused.
 */
import { parseDocument, type Document } from 'yaml';
import type { Span } from './model';
import { commentsOf, LineIndex } from './text';

/** How to lay the file out. */
export interface FormatOptions {
  /** Spaces per level (default 2). */
  readonly indent?: number;
}

/** A replacement of a span of the original text. */
export interface FormatEdit {
  readonly span: Span;
  readonly newText: string;
}

/** The most aliases a checked file may expand to while comparing; past that, refuse. */
const MAX_ALIAS_COUNT = 1000;

function read(text: string): Document | undefined {
  try {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    return document.errors.length === 0 ? document : undefined;
  } catch {
    return undefined;
  }
}

/** The data of a document as JSON, for comparing before and after; undefined when it cannot be built. */
function dataOf(document: Document): string | undefined {
  try {
    return JSON.stringify(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch {
    return undefined;
  }
}

/**
 * The formatted text, or `undefined` when the file is not formatted safely: it has YAML syntax
 * errors, or writing it back would change its data or drop or reorder a comment.
 */
export function formatText(text: string, options: FormatOptions = {}): string | undefined {
  if (text.trim() === '') return undefined;
  const document = read(text);
  if (!document) return undefined;
  let out: string;
  try {
    out = document.toString({
      indent: Math.max(1, Math.min(8, Math.floor(options.indent ?? 2))),
      indentSeq: true,
      lineWidth: 0,
      minContentWidth: 0,
      flowCollectionPadding: true,
    });
  } catch {
    return undefined;
  }
  out = keepTrailingCommentSpacing(text, out);
  if (text.includes('\r\n')) out = out.replace(/\r?\n/g, '\r\n');
  // Never lose content: the same data and the same comments, or nothing.
  const again = read(out);
  if (!again) return undefined;
  const before = dataOf(document);
  if (before === undefined || before !== dataOf(again)) return undefined;
  const commentTexts = (s: string): string => JSON.stringify(commentsOf(s).map((c) => c.text));
  if (commentTexts(text) !== commentTexts(out)) return undefined;
  return out;
}

/** Where the block of comment lines that ends a text starts (its length when there is none). */
function trailingCommentStart(text: string): number {
  const lines = linesOf(text);
  let at = text.length;
  for (let i = lines.length - 1; i >= 0 && /^\s*#/.test(lines[i]); i--) at -= lines[i].length;
  return at;
}

/**
 * `yaml` sets the comment that ends a file off with a blank line; keep it against the content
 * above when the author wrote it so (`because: …` then `# note`).
 */
function keepTrailingCommentSpacing(text: string, out: string): string {
  const unix = text.replace(/\r\n/g, '\n');
  const start = trailingCommentStart(unix);
  if (start === unix.length || start === 0) return out;
  const blankBefore = /\n\s*\n$/.test(unix.slice(0, start)) || /^\s*\n$/.test(unix.slice(0, start));
  const outStart = trailingCommentStart(out);
  if (blankBefore || outStart < 2 || out.slice(outStart - 2, outStart) !== '\n\n') return out;
  return out.slice(0, outStart - 1) + out.slice(outStart);
}

/** Splits into lines, each with its line break. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * The edits that turn `text` into its formatted form, as few and as small as a line diff makes
 * them. With `range`, only the changes that touch those offsets. `undefined` when the file is
 * not formatted (see {@link formatText}); `[]` when it is already formatted.
 */
export function formatEdits(text: string, options: FormatOptions = {}, range?: Span): FormatEdit[] | undefined {
  const formatted = formatText(text, options);
  if (formatted === undefined) return undefined;
  if (formatted === text) return [];
  const a = linesOf(text);
  const b = linesOf(formatted);
  // Common head and tail first: most formatting touches few lines.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const hunks = diffLines(a.slice(head, a.length - tail), b.slice(head, b.length - tail)).map((h) => ({
    ...h,
    aStart: h.aStart + head,
    aEnd: h.aEnd + head,
  }));
  const offsets: number[] = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1] + line.length);
  const edits = hunks.map((h) => ({ span: { start: offsets[h.aStart], end: offsets[h.aEnd] }, newText: h.text }));
  if (!range) return edits;
  const lines = new LineIndex(text);
  const first = lines.lineStart(lines.position(range.start).line);
  const last = range.end;
  return edits.filter((e) =>
    e.span.start === e.span.end ? first <= e.span.start && e.span.start <= last : e.span.start < Math.max(last, first + 1) && e.span.end > first,
  );
}

interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly text: string;
}

/** A longest-common-subsequence line diff; quadratic, so past a size it replaces the block whole. */
function diffLines(a: string[], b: string[]): Hunk[] {
  if (a.length === 0 && b.length === 0) return [];
  if (a.length * b.length > 4_000_000) return [{ aStart: 0, aEnd: a.length, text: b.join('') }];
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: { aStart: number; lines: string[] } | undefined;
  const close = (): void => {
    if (open) {
      const count = i - open.aStart;
      // As many lines out as in: one edit per line, so a range touches only its own lines.
      if (count === open.lines.length) open.lines.forEach((line, k) => hunks.push({ aStart: open!.aStart + k, aEnd: open!.aStart + k + 1, text: line }));
      else hunks.push({ aStart: open.aStart, aEnd: i, text: open.lines.join('') });
    }
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      open ??= { aStart: i, lines: [] };
      open.lines.push(b[j++]);
    } else {
      open ??= { aStart: i, lines: [] };
      i++;
    }
  }
  close();
  return hunks;
}
