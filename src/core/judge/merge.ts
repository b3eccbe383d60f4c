/**
 * Merging the model's verdicts with the offline tier's findings: a verdict becomes a finding
 * with the same rule code on the same scalar, marked as the model's; where a rule already
 * flagged that scalar, one finding carries both explanations.
 */
import type { CheckOptions, Finding } from '../findings';
import type { ParsedAnalysis } from '../parse';
import { severityOf } from '../check';
import { ruleFor } from '../rules';
import { isSuppressed, suppressionsOf } from '../suppression';
import type { ModelVerdict } from './reply';

/** Below this confidence a verdict is not shown (the `minConfidence` default). */
export const DEFAULT_MIN_CONFIDENCE = 0.7;

/** The prefix of every message the model wrote. */
export const MODEL_PREFIX = '(model)';

/** Options for {@link mergeJudgeVerdicts}. */
export interface MergeOptions {
  /** The model's name, as its provider gives it; carried by every finding it produced. */
  readonly model: string;
  /** Verdicts below this confidence are left out (default 0.7). */
  readonly minConfidence?: number;
  /** The user's rule severities: a rule switched off stays off for the model too. */
  readonly check?: CheckOptions;
}

/**
 * The findings with the model's verdicts merged in, in file order. `findings` are the offline
 * tier's (any earlier model findings among them are replaced). A verdict lands only on the
 * scalar its request named, honours `# whys-ignore` comments and the severity settings.
 */
export function mergeJudgeVerdicts(parsed: ParsedAnalysis, findings: readonly Finding[], verdicts: readonly ModelVerdict[], options: MergeOptions): Finding[] {
  const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const out: Finding[] = findings.filter((f) => f.tier !== 'model').map((f) => (f.judge ? withoutJudge(f) : f));
  const suppressions = suppressionsOf(parsed.text, parsed.analysis, parsed.comments);
  const byPlace = new Map<string, number>();
  out.forEach((f, i) => byPlace.set(place(f.rule, f.span.start, f.span.end), i));
  for (const verdict of verdicts) {
    if (!(verdict.confidence >= min)) continue;
    const rule = ruleFor(verdict.rule);
    if (!rule) continue;
    const severity = severityOf(rule, options.check ?? {});
    if (!severity) continue;
    const judge = {
      model: options.model,
      confidence: verdict.confidence,
      explanation: verdict.explanation,
      ...(verdict.suggestion ? { suggestion: verdict.suggestion } : {}),
    };
    const at = byPlace.get(place(verdict.rule, verdict.span.start, verdict.span.end));
    if (at !== undefined) {
      const existing = out[at];
      if (existing.judge) continue; // one verdict per scalar and rule: the first one stands
      out[at] = { ...existing, message: `${existing.message} ${MODEL_PREFIX} agrees: ${verdict.explanation}`, judge };
      continue;
    }
    const finding: Finding = {
      rule: verdict.rule,
      severity,
      message: `${MODEL_PREFIX} ${verdict.explanation}`,
      span: verdict.span,
      path: verdict.path,
      tier: 'model',
      judge,
    };
    if (isSuppressed(finding, suppressions)) continue;
    byPlace.set(place(verdict.rule, verdict.span.start, verdict.span.end), out.length);
    out.push(finding);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function place(rule: string, start: number, end: number): string {
  return `${rule}:${start}:${end}`;
}

/** An offline finding as it was before a model confirmed it (the message loses the model's words). */
function withoutJudge(finding: Finding): Finding {
  const { judge: _judge, ...rest } = finding;
  const at = rest.message.indexOf(` ${MODEL_PREFIX} agrees: `);
  return at >= 0 ? { ...rest, message: rest.message.slice(0, at) } : rest;
}
