/**
 * Turning offsets into 1-based lines and columns (for the CLI and reports), and the comments of
 * a file with their positions.
 */
import { CST, Lexer } from 'yaml';
import type { Span } from './model';

/** Maps UTF-16 offsets to 0-based line and character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line and character of an offset. */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /** The offset where a 0-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset where a 0-based line ends, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    while (end > this.lineStart(line) && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }
}

/** A YAML comment: its text after `#` and where it stands. */
export interface Comment {
  readonly text: string;
  readonly span: Span;
  /** Whether nothing but white space stands before it on its line. */
  readonly ownLine: boolean;
}

/** The comment whose source (`# …`) starts at an offset of the text. */
export function commentAt(text: string, offset: number, source: string): Comment {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return {
    text: source.slice(1).trim(),
    span: { start: offset, end: offset + source.length },
    ownLine: text.slice(lineStart, offset).trim() === '',
  };
}

/** Every comment in the text, in order, found by YAML's own lexer. */
export function commentsOf(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'comment') {
      comments.push(commentAt(text, offset, token));
    }
    // The lexer emits a few control tokens that do not stand in the source.
    if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') offset += token.length;
  }
  return comments;
}

/**
 * The text with every lone CR turned into a LF: same length, so every offset still holds. The
 * `yaml` parser reads only LF and CRLF as line breaks; the checker, the outline, folding and
 * completion read a file with old Mac line endings as its editor shows it.
 */
export function lineFeeds(text: string): string {
  const cr = text.indexOf('\r');
  if (cr < 0) return text;
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** {@link lineFeeds} of a piece of a text, a CR being lone when the whole text has no LF after it (a CRLF cut between its two stays as it is). */
export function lineFeedsIn(text: string, start: number, end: number): string {
  const piece = text.slice(start, end);
  if (piece.indexOf('\r') < 0) return piece;
  return piece.replace(/\r/g, (cr: string, at: number) => (text.charCodeAt(start + at + 1) === 10 ? cr : '\n'));
}
