/**
 * "Ignore here": a `# whys-ignore RULE` comment on its own line before the step, cause, action
 * or root the finding is about (src/core/suppression.ts scopes it to exactly that node), or
 * before `roots:` for a finding about the whole file. An ignore comment already there gets the
 * rule added to its list.
 */
import type { Finding } from '../findings';
import type { ParsedAnalysis } from '../parse';
import { suppressionsOf } from '../suppression';
import { columnOf, commentBlockStart, insertLinesBefore, lineEndOf, lineStartOf, spaces, startsLine, itemStartOf, type TextEdit } from './layout';
import { nodeOf } from './nodes';

/** The edits that switch a finding's rule off where it was found, or undefined when none can. */
export function ignoreEdits(parsed: ParsedAnalysis, finding: Finding): TextEdit[] | undefined {
  if (finding.rule === 'syntax') return undefined;
  const { text, analysis } = parsed;
  const node = nodeOf(analysis, finding);
  let anchor: number;
  if (node) {
    anchor = itemStartOf(text, node.span);
    if (!startsLine(text, anchor)) return undefined;
  } else {
    // About the whole file: a comment before `roots:` (or the first line) covers the file.
    anchor = analysis.rootsKeySpan?.start ?? 0;
    if (!startsLine(text, anchor)) return undefined;
  }
  const lineStart = lineStartOf(text, anchor);
  const existing = existingDirective(parsed, lineStart, finding);
  if (existing === 'covered') return undefined;
  if (existing) return [existing];
  return [insertLinesBefore(text, lineStart, [`${spaces(columnOf(text, anchor))}# whys-ignore ${finding.rule}`])];
}

/**
 * An ignore comment in the comment lines directly above the node that already applies there:
 * the edit adding the rule to its list, or 'covered' when it already names the rule (or all).
 */
function existingDirective(parsed: ParsedAnalysis, lineStart: number, finding: Finding): TextEdit | 'covered' | undefined {
  const { text, analysis, comments } = parsed;
  const blockStart = commentBlockStart(text, lineStart);
  if (blockStart === lineStart) return undefined;
  const suppressions = suppressionsOf(text, analysis, comments).filter(
    (s) => s.comment.start >= blockStart && s.comment.start < lineStart && s.scope.start <= finding.span.start && finding.span.start <= s.scope.end,
  );
  const suppression = suppressions[suppressions.length - 1];
  if (!suppression) return undefined;
  if (suppression.rules.has('*') || suppression.rules.has(finding.rule)) return 'covered';
  // `# whys-ignore a, b -- reason`: the rule goes at the end of the list, before the reason.
  const raw = text.slice(suppression.comment.start, lineEndOf(text, suppression.comment.start));
  const reason = raw.indexOf(' -- ');
  let listEnd = reason >= 0 ? reason : raw.length;
  while (listEnd > 0 && /\s/.test(raw[listEnd - 1])) listEnd--;
  const at = suppression.comment.start + listEnd;
  return { span: { start: at, end: at }, newText: `, ${finding.rule}` };
}
