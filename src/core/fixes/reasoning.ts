/**
 * Fixes for the reasoning rules' findings: split a compound answer into causes, move a remedy
 * into the root's actions, rephrase a statement as a question, insert the missing step.
 */
import type { Finding } from '../findings';
import { previousAnswer, type Analysis, type Cause, type Step } from '../model';
import { REASONING_RULES } from '../rules';
import type { ParsedAnalysis } from '../parse';
import {
  afterColon,
  columnOf,
  commentBlockStart,
  eolOf,
  indentBlock,
  insertLinesAfter,
  insertLinesBefore,
  itemStartOf,
  lineEndOf,
  lineStartOf,
  nextLineStart,
  previousLineEnd,
  spaces,
  startsLine,
  yamlScalar,
  type TextEdit,
} from './layout';
import { valueOwner } from './nodes';
import { addActionEdits } from './structure';

/** A fix with the title the editor shows. */
export interface TitledEdits {
  readonly title: string;
  readonly edits: TextEdit[];
}

/**
 * The placeholder left where an answer must be written. An empty string keeps the YAML valid
 * and makes the `schema` rule flag it ("`because` is empty: write it out") until it is written:
 * the missing answer stays visible instead of hiding behind made-up text.
 */
export const ANSWER_PLACEHOLDER = '""';

/** A remedy ("We should add a check …") as an instruction ("Add a check …"). */
export function asInstruction(text: string): string {
  let s = text.trim().replace(/\s+/g, ' ');
  s = s.replace(/^because\b[\s,:]*/i, '');
  s = s.replace(/^(?:we|you|they|the team|someone|somebody|engineers?)\s+/i, '');
  s = s.replace(/^(?:should|must|need to|needs to|ought to|have to|has to|could|would)\s+(?:have\s+)?/i, '');
  s = s.replace(/^(?:there should be|there must be|there needs to be)\s+/i, 'Add ');
  s = upperFirst(s);
  return s && !/[.!?]$/.test(s) ? `${s}.` : s;
}

/** A statement ("The disk filling up") as a question ("Why the disk filling up?"). */
export function asQuestion(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ').replace(/[\s.!:;,?]+$/, '');
  if (/^why\b/i.test(s)) return `${upperFirst(s)}?`;
  return `Why ${lowerFirst(s)}?`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter unless the first word is an acronym ("DNS"). */
function lowerFirst(s: string): string {
  return /^[A-Z][A-Z0-9]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** `not-a-question`: the `why` value replaced by the rule's question (or "Why …?" around it). */
export function rephraseEdits(parsed: ParsedAnalysis, finding: Finding): TitledEdits | undefined {
  const owner = valueOwner(parsed.analysis, finding.span.start);
  if (owner?.field !== 'why' || owner.node.kind !== 'step' || !owner.node.why) return undefined;
  const question = finding.data?.suggestion ?? asQuestion(owner.node.why.text);
  return { title: `Rephrase as “${question}”`, edits: [{ span: owner.node.why.span, newText: yamlScalar(question) }] };
}

/**
 * `chain-break`: a new step before the flagged one whose question asks about the previous
 * answer, with an empty answer to write. Comments directly above the flagged step stay with it.
 */
export function insertStepEdits(parsed: ParsedAnalysis, finding: Finding): TitledEdits | undefined {
  const { text, analysis } = parsed;
  const owner = valueOwner(analysis, finding.span.start);
  if (owner?.field !== 'why' || owner.node.kind !== 'step') return undefined;
  const step = owner.node;
  // Asking about an answer that is itself flagged (off-topic, circular, …) would extend a chain that went wrong there.
  const previousValue = previousAnswer(step, analysis);
  if (previousValue && (previousValue.from === 'answer' || previousValue.from === 'cause') && answerFlagged(analysis, previousValue.span.start)) return undefined;
  const dash = itemStartOf(text, step.span);
  if (dash === step.span.start || !startsLine(text, dash)) return undefined;
  let question = finding.data?.suggestion;
  if (!question) {
    const previous = previousAnswer(step, analysis);
    if (!previous) return undefined;
    question = asQuestion(previous.text.replace(/^because\b[\s,:]*/i, ''));
  }
  const dashColumn = columnOf(text, dash);
  const keyColumn = columnOf(text, step.span.start);
  const at = commentBlockStart(text, lineStartOf(text, dash));
  const lines = [`${spaces(dashColumn)}-${spaces(keyColumn - dashColumn - 1)}why: ${yamlScalar(question)}`, `${spaces(keyColumn)}because: ${ANSWER_PLACEHOLDER}`];
  return { title: `Insert the step “${question}” before this one`, edits: [insertLinesBefore(text, at, lines)] };
}

/** Whether a reasoning rule that judges answers flags the answer starting at an offset. */
function answerFlagged(analysis: Analysis, start: number): boolean {
  const context = { analysis, minDepth: 1 };
  return REASONING_RULES.some((rule) => rule.code !== 'chain-break' && rule.code !== 'not-a-question' && rule.code !== 'compound' && rule.check(context).some((f) => f.span.start === start));
}

/**
 * `action-as-cause`: the remedy becomes an open action of the root (in the rule's wording,
 * `data.suggestion`, when it gives one); the answer is left to write.
 */
export function moveToActionsEdits(parsed: ParsedAnalysis, finding: Finding): TitledEdits | undefined {
  const owner = valueOwner(parsed.analysis, finding.span.start);
  if (!owner || owner.field === 'why') return undefined;
  const node = owner.node;
  const value = node.kind === 'step' ? node.because : node.cause;
  if (!value) return undefined;
  const root = node.kind === 'step' ? node.chain.root : node.step.chain.root;
  // The rule's own rewording when it gives one.
  const fields: [string, string][] = [['do', yamlScalar(finding.data?.suggestion ?? asInstruction(value.text))]];
  if (node.id) fields.push(['for', yamlScalar(node.id.text)]);
  fields.push(['status', 'open']);
  const add = addActionEdits(parsed, root, fields);
  if (!add) return undefined;
  return { title: 'Move this remedy to the actions and write the cause it addresses', edits: [{ span: value.span, newText: ANSWER_PLACEHOLDER }, ...add] };
}

/** `compound`: the answer split into one cause per independent part. */
export function splitEdits(parsed: ParsedAnalysis, finding: Finding): TitledEdits | undefined {
  const parts = finding.data?.parts;
  if (!parts || parts.length < 2) return undefined;
  const owner = valueOwner(parsed.analysis, finding.span.start);
  if (owner?.field === 'because' && owner.node.kind === 'step') return splitStep(parsed, owner.node, parts);
  if (owner?.field === 'cause' && owner.node.kind === 'cause') return splitCause(parsed, owner.node, parts);
  return undefined;
}

/**
 * A step's text answer becomes a list of causes. A step with causes must end its chain, so when
 * steps follow it they move into the `whys` of the cause the next question shares the most words
 * with (the first such cause on a tie), indented to their new depth.
 */
function splitStep(parsed: ParsedAnalysis, step: Step, parts: readonly string[]): TitledEdits | undefined {
  const { text } = parsed;
  const value = step.because;
  const key = step.becauseKeySpan;
  if (!value || !key) return undefined;
  const colon = afterColon(text, key.end);
  if (colon === undefined) return undefined;
  const eol = eolOf(text);
  // A comment between `because:` and its value stays where it is.
  const commented = text.slice(colon, value.span.start).includes('#');
  const start = commented ? lineStartOf(text, value.span.start) : colon;
  const keyColumn = columnOf(text, key.start);
  const dashColumn = keyColumn + 2;
  const causeColumn = dashColumn + 2;
  const following = step.chain.steps.slice(step.index + 1);
  const edits: TextEdit[] = [];
  let target = -1;
  let moved = '';
  if (following.length > 0) {
    const first = following[0];
    const last = following[following.length - 1];
    const firstDash = itemStartOf(text, first.span);
    if (firstDash === first.span.start || !startsLine(text, firstDash)) return undefined;
    const from = commentBlockStart(text, lineStartOf(text, firstDash));
    const to = lineEndOf(text, last.span.end);
    moved = indentBlock(text.slice(from, to), causeColumn + 2 - columnOf(text, firstDash));
    target = closestPart(first.why?.text ?? '', parts);
    // Delete the moved lines whole: up to the next line, or from the previous line break at the end.
    const next = nextLineStart(text, to);
    edits.push(next === undefined ? { span: { start: previousLineEnd(text, from), end: text.length }, newText: '' } : { span: { start: from, end: next }, newText: '' });
  }
  const lines: string[] = [];
  parts.forEach((part, i) => {
    lines.push(`${spaces(dashColumn)}- cause: ${yamlScalar(part)}`);
    if (i === target) lines.push(`${spaces(causeColumn)}whys:`, moved);
  });
  edits.push({ span: { start, end: value.span.end }, newText: (commented ? '' : eol) + lines.join(eol) });
  const title =
    target < 0 ? `Split into ${parts.length} causes` : `Split into ${parts.length} causes (the steps after this one move under cause ${target + 1})`;
  return { title, edits };
}

/** A cause's text split into sibling causes; its own `whys` and evidence stay with the first part. */
function splitCause(parsed: ParsedAnalysis, cause: Cause, parts: readonly string[]): TitledEdits | undefined {
  const { text } = parsed;
  if (!cause.cause) return undefined;
  const dash = itemStartOf(text, cause.span);
  if (dash === cause.span.start || !startsLine(text, dash)) return undefined;
  const dashColumn = columnOf(text, dash);
  const keyColumn = columnOf(text, cause.span.start);
  const siblings = parts.slice(1).map((part) => `${spaces(dashColumn)}-${spaces(keyColumn - dashColumn - 1)}cause: ${yamlScalar(part)}`);
  return {
    title: `Split into ${parts.length} causes`,
    edits: [{ span: cause.cause.span, newText: yamlScalar(parts[0]) }, insertLinesAfter(text, cause.span.end, siblings)],
  };
}

const STOP = new Set(['the', 'and', 'was', 'were', 'why', 'did', 'not', 'had', 'has', 'have', 'that', 'this', 'with', 'for', 'its', 'it', 'there', 'because', 'been', 'from', 'which', 'could', 'would', 'no']);

/** The content words of a text, cut to five letters so "limits" meets "limit". */
function stems(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 5)),
  );
}

/** The index of the part that shares the most words with a question (the first on a tie). */
function closestPart(question: string, parts: readonly string[]): number {
  const asked = stems(question);
  let best = 0;
  let bestScore = -1;
  parts.forEach((part, i) => {
    let score = 0;
    for (const w of stems(part)) if (asked.has(w)) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
