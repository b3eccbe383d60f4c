/** Fixes for structural findings: a misspelt key or enum value, a root with no action. */
import type { Finding } from '../findings';
import type { ParsedAnalysis } from '../parse';
import type { Root } from '../model';
import { afterColon, columnOf, eolOf, insertLinesAfter, itemStartOf, lineEndOf, pairIn, slot, spaces, withSlots, yamlScalar, type TextEdit } from './layout';
import { nodeAt } from './nodes';

/** `schema` with a likely typo: the edit renaming the key (or the enum value) to the one meant. */
export function renameEdits(parsed: ParsedAnalysis, finding: Finding): { title: string; edits: TextEdit[] } | undefined {
  const meant = finding.data?.didYouMean;
  if (finding.rule !== 'schema' || !meant) return undefined;
  const written = parsed.text.slice(finding.span.start, finding.span.end);
  const title = finding.data?.key !== undefined ? `Rename \`${finding.data.key}\` to \`${meant}\`` : `Change \`${written}\` to \`${meant}\``;
  return { title, edits: [{ span: finding.span, newText: yamlScalar(meant) }] };
}

/**
 * `unknown-ref` with a likely typo ("Did you mean `tool-no-limit`?"): the `for:` value renamed to
 * the id meant.
 */
export function renameRefEdits(parsed: ParsedAnalysis, finding: Finding): { title: string; edits: TextEdit[] } | undefined {
  const meant = finding.data?.didYouMean;
  if (finding.rule !== 'unknown-ref' || !meant) return undefined;
  const written = parsed.text.slice(finding.span.start, finding.span.end);
  return { title: `Change \`for: ${written}\` to \`${meant}\``, edits: [{ span: finding.span, newText: yamlScalar(meant) }] };
}

/** The lines of an action item, at a given `-` column and key column. */
export function actionLines(dash: number, key: number, fields: readonly [string, string][]): string[] {
  return fields.map(([name, value], i) => (i === 0 ? `${spaces(dash)}-${spaces(key - dash - 1)}` : spaces(key)) + `${name}: ${value}`);
}

/**
 * The edits that add an action to a root: after its last action, or as a new `actions:` block
 * (filling an empty `actions:` key when there is one) at the end of the root.
 */
export function addActionEdits(parsed: ParsedAnalysis, root: Root, fields: readonly [string, string][]): TextEdit[] | undefined {
  const { text } = parsed;
  const last = root.actions[root.actions.length - 1];
  if (last) {
    const dash = itemStartOf(text, last.span);
    if (dash === last.span.start) return undefined;
    return [withSlots(insertLinesAfter(text, last.span.end, actionLines(columnOf(text, dash), columnOf(text, last.span.start), fields)))];
  }
  const keyColumn = columnOf(text, root.span.start);
  const existing = pairIn(text, root.span, root.path, 'actions');
  if (existing) {
    // `actions:` with nothing (or an empty list) after it.
    const colon = afterColon(text, existing.keySpan.end);
    if (colon === undefined) return undefined;
    // With no value, after whatever comment ends the key's line.
    const start = existing.valueSpan ? colon : lineEndOf(text, colon);
    const end = existing.valueSpan?.end ?? start;
    const between = text.slice(start, end);
    if (existing.valueSpan && !/^\s*\[\s*\]$/.test(between)) return undefined;
    const eol = eolOf(text);
    const column = columnOf(text, existing.keySpan.start);
    return [withSlots({ span: { start, end }, newText: eol + actionLines(column + 2, column + 4, fields).join(eol) })];
  }
  return [withSlots(insertLinesAfter(text, root.span.end, [`${spaces(keyColumn)}actions:`, ...actionLines(keyColumn + 2, keyColumn + 4, fields)]))];
}

/** `no-action`: an action skeleton for the root, to be filled in. */
export function actionSkeletonEdits(parsed: ParsedAnalysis, finding: Finding): TextEdit[] | undefined {
  const node = nodeAt(parsed.analysis, finding.path);
  if (node?.kind !== 'root') return undefined;
  return addActionEdits(parsed, node, [
    ['do', slot('action')],
    ['owner', slot('owner')],
    ['due', slot('date')],
    ['kind', 'prevent'],
    ['status', 'open'],
  ]);
}
