/**
 * The model review's fix: "Use the suggested question" (or answer, or cause) replaces the flagged
 * scalar with the better text the model suggested. Only the value itself changes: its key, its
 * comments and the rest of the file stay as written, and the text goes in as one YAML scalar
 * (quoted by `yaml` when it must be), so whatever the model wrote cannot break the file's
 * structure.
 */
import type { Finding } from '../findings';
import type { ParsedAnalysis } from '../parse';
import { yamlScalar } from './layout';
import { valueOwner } from './nodes';
import type { TitledEdits } from './reasoning';

/** The longest part of a suggestion the fix's title quotes. */
const TITLE_QUOTE = 60;

const WHAT = { why: 'question', because: 'answer', cause: 'cause' } as const;

/**
 * The edit that puts the model's suggestion in place of the scalar a finding is on; undefined
 * when the finding carries no suggestion from the model, is not on a question, answer or cause,
 * or the suggestion says the same as the text already there.
 */
export function suggestionEdits(parsed: ParsedAnalysis, finding: Finding): TitledEdits | undefined {
  const suggestion = finding.judge?.suggestion?.replace(/\s+/g, ' ').trim();
  if (!suggestion) return undefined;
  const owner = valueOwner(parsed.analysis, finding.span.start);
  if (!owner) return undefined;
  const value = owner.field === 'cause' ? (owner.node.kind === 'cause' ? owner.node.cause : undefined) : owner.node.kind === 'step' ? owner.node[owner.field] : undefined;
  if (!value || value.span.start !== finding.span.start || value.text.trim() === suggestion) return undefined;
  const quoted = suggestion.length > TITLE_QUOTE ? `${suggestion.slice(0, TITLE_QUOTE - 1).trimEnd()}…` : suggestion;
  return {
    title: `Use the suggested ${WHAT[owner.field]}: “${quoted}”`,
    edits: [{ span: value.span, newText: yamlScalar(suggestion) }],
  };
}
