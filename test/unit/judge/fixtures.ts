/** Analyses for the model review's tests, and a reply writer. */

/** Two roots; the first has a step with causes, one continuing with its own whys. */
export const NESTED = [
  'version: 1',
  'title: Checkout outage',
  'problem: Checkout returned errors for 40 minutes.',
  'roots:',
  '  - id: trigger',
  '    question: Why did checkout fail?',
  '    perspective: payments team',
  '    whys:',
  '      - why: Why did checkout return errors?',
  '        because: The payment service timed out on every request.',
  '      - why: Why did the payment service time out?',
  '        because: Its connection pool was exhausted.',
  '      - id: pool',
  '        why: Why was the pool exhausted?',
  '        because:',
  '          - cause: A retry loop opened a new connection on each retry.',
  '            whys:',
  '              - why: Why did the retry loop open new connections?',
  '                because: The client library ignored the pool setting.',
  '          - cause: The pool was sized for last year’s traffic.',
  '  - id: detect',
  '    question: Why did it take so long to detect?',
  '    whys:',
  '      - why: Why did no alert fire?',
  '        because: The error-rate alert watched only the web tier.',
  '',
].join('\n');

/** The reply text of a scripted model: `{"verdicts": [...]}`. */
export function reply(...verdicts: Record<string, unknown>[]): string {
  return JSON.stringify({ verdicts });
}

/** A verdict with every key, defaults filled in. */
export function verdict(id: string, field: string, rule: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, field, rule, confidence: 0.9, explanation: `The ${field} of ${id} is ${rule}.`, suggestion: '', ...extra };
}
