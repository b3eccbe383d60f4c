/** Small helpers for core tests: check a text and read findings as `line:col rule` strings. */
import { checkText, LineIndex, type CheckOptions, type Finding } from '../../src/core';

/** A finding as `LINE:COL-LINE:COL rule` (1-based), the text it underlines, and its message. */
export interface Placed {
  readonly rule: string;
  readonly at: string;
  readonly text: string;
  readonly message: string;
  readonly severity: string;
}

/** Checks a text and places each finding in lines and columns. */
export function placed(text: string, options: CheckOptions = {}): Placed[] {
  const lines = new LineIndex(text);
  return checkText(text, options).findings.map((f: Finding) => {
    const s = lines.position(f.span.start);
    const e = lines.position(f.span.end);
    return {
      rule: f.rule,
      at: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`,
      text: text.slice(f.span.start, f.span.end),
      message: f.message,
      severity: f.severity,
    };
  });
}

/** The findings of one rule. */
export function only(rule: string, text: string, options: CheckOptions = {}): Placed[] {
  return placed(text, options).filter((p) => p.rule === rule);
}

/** Joins lines into a file text. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A small valid analysis with three steps and an action, to vary in tests. */
export const VALID = yaml(
  'version: 1',
  'title: Checkout outage',
  'problem: Checkout returned errors for 40 minutes.',
  'roots:',
  '  - id: trigger',
  '    question: Why did it take so long to detect?',
  '    whys:',
  '      - why: Why did checkout return errors?',
  '        because: The payment service timed out on every request.',
  '      - why: Why did the payment service time out?',
  '        because: Its connection pool was exhausted.',
  '      - why: Why was the pool exhausted?',
  '        because: A retry loop opened a new connection on each retry.',
  '    actions:',
  '      - do: Cap retries and reuse pooled connections.',
  '        owner: payments',
  '        due: 2024-09-01',
);
