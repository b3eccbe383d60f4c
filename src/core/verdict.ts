/**
 * The verdict on one question or answer, for the hover on a `why`, `because` or `cause` value:
 * sound, or each finding on it with its rule's title and explanation and, when the rule has
 * one, a better question or answer.
 */
import type { Finding } from './findings';
import { allSteps, describe, type Cause, type Span, type Step, type TextValue } from './model';
import type { ParsedAnalysis } from './parse';
import { ruleFor } from './rules';

/** The words a sound value's hover says. */
export const SOUND = 'Sound: no reasoning problem found';

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
  /** Whether no reasoning rule flags the value. */
  readonly sound: boolean;
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
}

/** The value (a step's `why` or `because`, a cause's `cause`) at an offset, if any. */
export function valueAt(parsed: ParsedAnalysis, offset: number): { field: VerdictField; node: Step | Cause; value: TextValue } | undefined {
  const holds = (value: TextValue | undefined): value is TextValue => !!value && value.span.start <= offset && offset <= value.span.end;
  for (const step of allSteps(parsed.analysis)) {
    if (holds(step.why)) return { field: 'why', node: step, value: step.why };
    if (holds(step.because)) return { field: 'because', node: step, value: step.because };
    for (const cause of step.causes ?? []) if (holds(cause.cause)) return { field: 'cause', node: cause, value: cause.cause };
  }
  return undefined;
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
        suggestion: finding.data?.suggestion,
      };
    });
  const sound = !entries.some((e) => e.reasoning);
  return { ...at, span, sound, entries, markdown: markdownOf(at.field, at.node, sound, entries, options) };
}

const FIELD_NAMES: Record<VerdictField, string> = { why: 'Question', because: 'Answer', cause: 'Cause' };

function markdownOf(field: VerdictField, node: Step | Cause, sound: boolean, entries: VerdictEntry[], options: VerdictOptions): string {
  // `describe` names nodes with Markdown code spans already (root `trigger`).
  const head = `**${FIELD_NAMES[field]}** of ${describe(node)}`;
  const blocks: string[] = [sound ? `${head}: ✓ ${SOUND}.` : head];
  // Reasoning findings first: they are the verdict; structural ones follow.
  const ordered = [...entries].sort((a, b) => Number(b.reasoning) - Number(a.reasoning));
  for (const entry of ordered) {
    const link = options.ruleLink?.(entry.finding.rule);
    const code = link ? `[\`${entry.finding.rule}\`](${link})` : `\`${entry.finding.rule}\``;
    const tier = entry.finding.tier === 'semantic' ? ', found by the semantic pass (sentence model)' : '';
    const lines = [`**${escapeMarkdown(entry.title)}** (${code}, ${entry.finding.severity}${tier})`];
    if (options.withMessages !== false) lines.push('', entry.finding.message);
    if (entry.explanation) lines.push('', `_${entry.explanation}_`);
    if (entry.suggestion) lines.push('', `**Better ${field === 'why' ? 'question' : 'answer'}:** ${escapeMarkdown(entry.suggestion)}`);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n---\n\n');
}

/** Escapes text from the file so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}
