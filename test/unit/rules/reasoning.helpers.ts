/**
 * Helpers for the reasoning rule tests: build a `.whys.yaml` text from questions and answers,
 * check it, and pick one rule's findings.
 */
import { checkText, type Finding, type RuleCode } from '../../../src/core';

/** A step: a question and an answer (a text, or a list of causes). */
export interface StepSpec {
  readonly why: string;
  readonly because: string | readonly string[];
}

/** A one-root analysis with the given steps, plain scalars, two-space indentation. */
export function analysis(steps: readonly StepSpec[], problem = 'The service was unavailable for two hours.'): string {
  const lines = ['version: 1', 'title: Test', `problem: ${problem}`, 'roots:', '  - whys:'];
  for (const step of steps) {
    lines.push(`      - why: ${step.why}`);
    if (typeof step.because === 'string') lines.push(`        because: ${step.because}`);
    else {
      lines.push('        because:');
      for (const cause of step.because) lines.push(`          - cause: ${cause}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The findings of one rule on a text. */
export function findings(text: string, rule: RuleCode): Finding[] {
  return checkText(text).findings.filter((f) => f.rule === rule);
}

/** The findings of one rule for a single question and answer, after a first step that sets the scene. */
export function judge(rule: RuleCode, why: string, because: string, before?: StepSpec): Finding[] {
  const steps: StepSpec[] = before ? [before, { why, because }] : [{ why, because }];
  return findings(analysis(steps), rule);
}

/** The span of the n-th occurrence (from 0) of a value in a text. */
export function spanOf(text: string, value: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(value, start + 1);
  if (start < 0) throw new Error(`not found: ${value}`);
  return { start, end: start + value.length };
}
