/**
 * What the CLI tests share: a small, clean analysis of a checkout outage, a folder of files to run
 * the command in, and the arguments that keep the learned tier out of tests of the command's output.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A clean analysis: three steps, one root, one action with owner and due date. */
export const GOOD = `version: 1
title: Checkout outage
problem: Checkout returned errors for 40 minutes.
roots:
  - question: Why did it take so long to detect?
    whys:
      - why: Why did checkout return errors?
        because: The payment service timed out on every request.
      - why: Why did the payment service time out?
        because: Its connection pool was exhausted.
      - why: Why was the pool exhausted?
        because: A retry loop opened a new connection on each retry.
    actions:
      - do: Cap retries and reuse pooled connections.
        owner: payments
        due: 2024-09-01
`;

/** A new temporary folder holding the files (name → text; sub-folders are made). */
export function workspace(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * The tests of the command's output, exit codes and transports run `check` with the rules alone:
 * `--learned off`, since the learned `vague` detector (on by default) flags GOOD's "Its connection
 * pool was exhausted." (a false alarm of that detector, reported in the README), and
 * `--no-semantic`, since the semantic pass (its `off-topic` on by default) loads the sentence
 * model in every run. Each tier has its own tests of the command (learned.test.ts,
 * test/unit/semantic/), the default semantic pass among them.
 */
export function rulesOnly(args: string[]): string[] {
  if (args[0] !== 'check') return args;
  const out = [...args];
  if (!args.some((a) => a.startsWith('--learned'))) out.push('--learned', 'off');
  if (!args.some((a) => a.startsWith('--semantic') || a === '--no-semantic')) out.push('--no-semantic');
  return out;
}
