/**
 * The verdict on one question or answer, for the hover on a `why`, `because` or `cause` value:
 * what was checked and found nothing (never more than that: "no problem found by the offline
 * rules" is not "sound"), which rules a `# whys-ignore` comment switches off there, or each
 * finding on it with its rule's title, the tier that found it, the model review's verdict when
 * it gave one and, when there is one, a better question or answer.
 */
import type { Finding } from './findings';
import { allSteps, describe, type Cause, type Root, type Span, type Step, type TextValue } from './model';
import type { ParsedAnalysis } from './parse';
import { ruleFor } from './rules';
import { suppressionsOf } from './suppression';
import type { FindingTier } from './findings';

/**
 * What the hover says of a value no reasoning rule flags: exactly what was checked, no more.
 * The offline rules finding nothing is no proof that the answer is right.
 */
export const NOTHING_FOUND = 'No reasoning problem found by the offline rules';

/** How the hover names each tier of the check (SPEC §2). */
export const TIER_NAMES: Record<FindingTier, string> = {
  rules: 'offline rules',
  learned: 'learned detector',
  semantic: 'semantic pass (sentence model)',
  model: 'model review',
};

/** Which value of a step or cause the hover is on. */
export type VerdictField = 'why' | 'because' | 'cause';

/** One finding on the value, with what its rule says about itself. */
export interface VerdictEntry {
  readonly finding: Finding;
  readonly title: string;
  readonly explanation: string;
  readonly reasoning: boolean;
  /** A better question or answer, when the finding carries one. */
  readonly suggestion?: string;
}

/** The hover model of one value. */
export interface Verdict {
  readonly field: VerdictField;
  readonly node: Step | Cause;
  readonly value: TextValue;
  /** The value's range: what the hover highlights. */
  readonly span: Span;
  /**
   * Whether no reasoning rule flags the value. Not a claim that it is right: only that the
   * checks that ran found nothing (the hover says which).
   */
  readonly sound: boolean;
  /** Rules a `# whys-ignore` comment switches off for this value, in the comment's order; `*` for all. */
  readonly ignored: string[];
  readonly entries: VerdictEntry[];
  /** The hover text, as Markdown. */
  readonly markdown: string;
}

/** Options for the Markdown. */
export interface VerdictOptions {
  /** A link to each rule's documentation, when the host has one. */
  readonly ruleLink?: (rule: string) => string | undefined;
  /**
   * Whether to repeat each finding's message. An editor that already shows the diagnostic's
   * message in the same hover (VS Code does) passes false, so the message is not shown twice.
   */
  readonly withMessages?: boolean;
  /**
   * When the model review (SPEC §6) judged this value and found nothing, the model's name: the
   * "nothing found" line then says so too. The review's own findings carry `tier: 'model'` and
   * `judge` and show as entries; this is only for its silence.
   */
  readonly reviewedBy?: string;
}

/** The value (a step's `why` or `because`, a cause's `cause`) at an offset, if any. */
export function valueAt(parsed: ParsedAnalysis, offset: number): { field: VerdictField; node: Step | Cause; value: TextValue } | undefined {
  const holds = (value: TextValue | undefined): value is TextValue => !!value && value.span.start <= offset && offset <= value.span.end;
  // Only the steps of the root that holds the offset (roots are in file order): a hover on a
  // large analysis does not walk all of it.
  const root = rootAt(parsed.analysis.roots, offset);
  if (!root) return undefined;
  for (const step of allSteps({ roots: [root], span: root.span })) {
    if (holds(step.why)) return { field: 'why', node: step, value: step.why };
    if (holds(step.because)) return { field: 'because', node: step, value: step.because };
    for (const cause of step.causes ?? []) if (holds(cause.cause)) return { field: 'cause', node: cause, value: cause.cause };
  }
  return undefined;
}

/** The root whose span holds an offset, found by bisection over the roots in file order. */
function rootAt(roots: readonly Root[], offset: number): Root | undefined {
  let low = 0;
  let high = roots.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = roots[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return roots[mid];
  }
  // Spans out of order (a half-written file): look at every root.
  return roots.find((root) => root.span.start <= offset && offset <= root.span.end);
}

/** The verdict on the value at an offset, from a check's parse and findings; undefined off values. */
export function verdictAt(check: { parsed: ParsedAnalysis; findings: readonly Finding[] }, offset: number, options: VerdictOptions = {}): Verdict | undefined {
  const at = valueAt(check.parsed, offset);
  if (!at) return undefined;
  const { span } = at.value;
  const entries: VerdictEntry[] = check.findings
    .filter((f) => f.span.start >= span.start && f.span.start < Math.max(span.end, span.start + 1))
    .map((finding) => {
      const rule = ruleFor(finding.rule);
      return {
        finding,
        title: rule?.title ?? finding.rule,
        explanation: rule?.explanation ?? '',
        reasoning: rule?.reasoning ?? false,
        // The rule's better wording; the model review's suggestion is shown by its own note
        // (`modelReviewNote`), so that it appears once.
        suggestion: finding.data?.suggestion,
      };
    });
  const sound = !entries.some((e) => e.reasoning);
  const ignored = ignoredAt(check.parsed, span.start);
  return { ...at, span, sound, ignored, entries, markdown: markdownOf(at.field, at.node, sound, ignored, entries, options) };
}

/** The rules `# whys-ignore` comments switch off at an offset. */
function ignoredAt(parsed: ParsedAnalysis, offset: number): string[] {
  const out: string[] = [];
  for (const s of suppressionsOf(parsed.text, parsed.analysis, parsed.comments)) {
    if (s.scope.start > offset || offset > s.scope.end) continue;
    for (const rule of s.rules) if (!out.includes(rule)) out.push(rule);
  }
  return out;
}

const FIELD_NAMES: Record<VerdictField, string> = { why: 'Question', because: 'Answer', cause: 'Cause' };

function markdownOf(field: VerdictField, node: Step | Cause, sound: boolean, ignored: readonly string[], entries: VerdictEntry[], options: VerdictOptions): string {
  // `describe` names nodes with Markdown code spans already (root `trigger`).
  const head = `**${FIELD_NAMES[field]}** of ${describe(node)}`;
  // With rules switched off here, the offline rules that found nothing are only the others.
  const offline = ignored.length > 0 ? `${NOTHING_FOUND} still on here` : NOTHING_FOUND;
  const nothing = options.reviewedBy ? `${offline}, nor by the model review (${escapeMarkdown(options.reviewedBy)})` : offline;
  const blocks: string[] = [sound ? `${head}: ${nothing}.` : head];
  if (ignored.length > 0) {
    const which = ignored.includes('*') ? 'Every rule is' : `${ignored.map((r) => `\`${r}\``).join(', ')} ${ignored.length === 1 ? 'is' : 'are'}`;
    blocks[0] += `\n\n${which} switched off here by a \`# whys-ignore\` comment, so ${ignored.length === 1 && !ignored.includes('*') ? 'it does' : 'they do'} not judge this value.`;
  }
  // Reasoning findings first: they are the verdict; structural ones follow.
  const ordered = [...entries].sort((a, b) => Number(b.reasoning) - Number(a.reasoning));
  for (const entry of ordered) {
    const link = options.ruleLink?.(entry.finding.rule);
    const code = link ? `[\`${entry.finding.rule}\`](${link})` : `\`${entry.finding.rule}\``;
    const tier = entry.finding.tier && entry.finding.tier !== 'rules' ? `, found by the ${TIER_NAMES[entry.finding.tier]}` : '';
    const lines = [`**${escapeMarkdown(entry.title)}** (${code}, ${entry.finding.severity}${tier})`];
    if (options.withMessages !== false) lines.push('', entry.finding.message);
    if (entry.explanation) lines.push('', `_${entry.explanation}_`);
    // The model review's verdict: untrusted text, shown escaped, with the model and its confidence.
    const judge = entry.finding.judge;
    if (judge) {
      const percent = Math.round(Math.max(0, Math.min(1, judge.confidence)) * 100);
      lines.push('', `**Model review** (${escapeMarkdown(judge.model)}, ${percent}% confident): ${escapeMarkdown(judge.explanation)}`);
    }
    // `action-as-cause` suggests the remedy's wording as an action, not a better answer.
    const label = entry.finding.rule === 'action-as-cause' ? 'As an action' : `Better ${field === 'why' ? 'question' : 'answer'}`;
    if (entry.suggestion) lines.push('', `**${label}:** ${escapeMarkdown(entry.suggestion)}`);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n---\n\n');
}

/** Escapes text from the file so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}
