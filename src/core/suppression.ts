/**
 * `# whys-ignore RULE[, RULE]` comments: on the line before a step (or a cause, a root, an
 * action), or on a line of its own inside it, they switch those rules off for that node only.
 * A comment before the first key of the file (or before `roots:`) applies to the whole file.
 */
import { isRuleCode, type Finding, type RuleCode } from './findings';
import { allCauses, allSteps, type Analysis, type Span } from './model';
import type { Comment } from './text';

const DIRECTIVE = 'whys-ignore';

/** A suppression: which rules, over which range of the text. */
export interface Suppression {
  readonly rules: ReadonlySet<RuleCode | '*'>;
  readonly scope: Span;
  readonly comment: Span;
}

/** Reads the rule list of a `whys-ignore` comment; undefined when the comment is not one. */
export function parseDirective(comment: string): Set<RuleCode | '*'> | undefined {
  const trimmed = comment.trim();
  if (!trimmed.startsWith(DIRECTIVE)) return undefined;
  const rest = trimmed.slice(DIRECTIVE.length);
  if (rest.length > 0 && !/^[\s:]/.test(rest)) return undefined;
  // Everything after ` -- ` is a reason for the reader.
  const list = rest.split(' -- ')[0].replace(/^:/, '');
  const names = list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const rules = new Set<RuleCode | '*'>();
  for (const name of names) if (isRuleCode(name)) rules.add(name);
  if (names.length === 0) rules.add('*');
  return rules;
}

/** The suppressions a file declares, each scoped to the node it precedes or stands in. */
export function suppressionsOf(text: string, analysis: Analysis, comments: readonly Comment[]): Suppression[] {
  // Listed only when a comment is a directive: most files have none, and a large one has many nodes.
  let nodes: Span[] | undefined;
  const out: Suppression[] = [];
  for (const comment of comments) {
    const rules = parseDirective(comment.text);
    if (!rules) continue;
    nodes ??= [
      ...analysis.roots.map((r) => r.span),
      ...analysis.roots.flatMap((r) => r.actions.map((a) => a.span)),
      ...allSteps(analysis).map((s) => s.span),
      ...allCauses(analysis).map((c) => c.span),
    ];
    out.push({ rules, scope: scopeOf(comment, text, nodes, analysis), comment: comment.span });
  }
  return out;
}

function scopeOf(comment: Comment, text: string, nodes: Span[], analysis: Analysis): Span {
  if (comment.ownLine) {
    // The node that starts first after the comment, past blank and comment lines.
    let next = comment.span.end;
    for (;;) {
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] !== '#') break;
      while (next < text.length && text[next] !== '\n') next++;
    }
    const following = nodes.filter((n) => startOfItem(n, text) === next || n.start === next);
    if (following.length > 0) return outermost(following);
    const firstRoot = analysis.roots[0];
    if (!firstRoot || comment.span.end <= firstRoot.span.start) {
      // Before the roots: the whole file.
      if (!nodes.some((n) => n.start < comment.span.start)) return analysis.span;
    }
  }
  // Inside a node: the innermost node that contains the comment.
  const containing = nodes.filter((n) => n.start <= comment.span.start && comment.span.start <= lineEndAfter(n.end, text));
  if (containing.length > 0) return innermost(containing);
  return { start: comment.span.start, end: comment.span.end };
}

/** Where the `- ` of a list item that holds a node starts. */
function startOfItem(span: Span, text: string): number {
  let i = span.start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (text[i] === '-') return i;
  return span.start;
}

function lineEndAfter(offset: number, text: string): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n') i++;
  return i;
}

function outermost(spans: Span[]): Span {
  return spans.reduce((best, s) => (s.end - s.start > best.end - best.start ? s : best));
}

function innermost(spans: Span[]): Span {
  return spans.reduce((best, s) => (s.end - s.start < best.end - best.start ? s : best));
}

/** Whether a finding is switched off by a suppression. */
export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some(
    (s) => (s.rules.has('*') || s.rules.has(finding.rule)) && s.scope.start <= finding.span.start && finding.span.start <= s.scope.end,
  );
}
