/**
 * The model review's word beside the offline tier's, for the hover on a question or answer:
 * whether the model agrees with the offline rules there or not, and the better question or
 * answer it suggested. Everything the model wrote is untrusted and shown as escaped plain text.
 */
import { JUDGE_RULES } from './judge';
import type { Verdict } from './verdict';
import { escapeMarkdown } from './verdict';

const WHAT = { why: 'question', because: 'answer', cause: 'cause' } as const;

/**
 * The Markdown note of the model review on a hovered value, or undefined when the model did not
 * judge it. `judgedBy` is the model's name when it judged the value's step (even if it found
 * nothing there); findings that carry `judge` show the model's verdict either way.
 */
export function modelReviewNote(verdict: Verdict, judgedBy: string | undefined): string | undefined {
  const lines: string[] = [];
  const code = (rule: string) => `\`${rule}\``;
  const name = (model: string) => escapeMarkdown(model);
  for (const { finding } of verdict.entries) {
    const judge = finding.judge;
    if (judge) {
      lines.push(
        finding.tier === 'model'
          ? `**Model review** (${name(judge.model)}) disagrees with the offline rules: it finds ${code(finding.rule)} here, which they did not.`
          : `**Model review** (${name(judge.model)}) agrees with the offline rules: ${code(finding.rule)}.`,
      );
    } else if (judgedBy && Object.prototype.hasOwnProperty.call(JUDGE_RULES, finding.rule)) {
      lines.push(`**Model review** (${name(judgedBy)}) disagrees with the offline rules: it found no ${code(finding.rule)} problem here.`);
    }
  }
  if (lines.length === 0 && judgedBy) lines.push(`**Model review** (${name(judgedBy)}) found no reasoning problem here either.`);
  for (const { finding } of verdict.entries) {
    const suggestion = finding.judge?.suggestion;
    if (suggestion) lines.push(`**The model’s suggested ${WHAT[verdict.field]}:** ${escapeMarkdown(suggestion)}`);
  }
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}
