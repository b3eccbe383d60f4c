/**
 * The labels of a labelled analysis (test/corpus/, test/heldout/): a trailing comment
 * `# expect: RULE[, RULE]` on a line of a `why:`, `because:` or `- cause:` scalar; a scalar with
 * no label is clean. Shared by `npm run eval` and `npm run train`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allSteps, isRuleCode, LineIndex, REASONING_RULES, type ParsedAnalysis, type RuleCode, type TextValue } from '../../src/core';

const REASONING = new Set<string>(REASONING_RULES.map((r) => r.code));

/** One labelled scalar: a why, a because text or a cause. */
export interface LabelledScalar {
  readonly line: number;
  readonly text: string;
  /** The scalar's start offset (findings and learned units are matched on it). */
  readonly start: number;
  /** The file and step path: scalars of one step share it. */
  readonly stepKey: string;
  readonly expected: Set<RuleCode>;
}

/** The labels on the lines of a scalar, from its key line to its last line. */
function labelsOf(lines: readonly string[], first: number, last: number, where: string, problems: string[]): Set<RuleCode> {
  const out = new Set<RuleCode>();
  for (let line = first; line <= last; line++) {
    const m = /#\s*expect:\s*([^#]+)$/.exec(lines[line] ?? '');
    if (!m) continue;
    for (const raw of m[1].split(',')) {
      const rule = raw.trim();
      if (isRuleCode(rule) && REASONING.has(rule)) out.add(rule);
      else problems.push(`${where}:${line + 1}: unknown rule in label: "${rule}"`);
    }
  }
  return out;
}

/** Every why, because and cause scalar of a parsed file with its labels; problems with the labels are pushed to `problems`. */
export function labelledScalars(parsed: ParsedAnalysis, name: string, problems: string[]): LabelledScalar[] {
  const text = parsed.text;
  const index = new LineIndex(text);
  const lines = text.split(/\r?\n/);
  const units: LabelledScalar[] = [];
  const add = (value: TextValue | undefined, stepKey: string): void => {
    if (!value) return;
    const first = index.position(value.keySpan?.start ?? value.span.start).line;
    const last = index.position(value.span.end).line;
    units.push({ line: first + 1, text: value.text, start: value.span.start, stepKey, expected: labelsOf(lines, first, last, name, problems) });
  };
  for (const step of allSteps(parsed.analysis)) {
    const key = `${name}#${step.path}`;
    add(step.why, key);
    add(step.because, key);
    for (const cause of step.causes ?? []) add(cause.cause, key);
  }
  // Labels on lines that hold no scalar we judge.
  const labelled = new Set(units.flatMap((u) => (u.expected.size ? [u.line] : [])));
  lines.forEach((l, i) => {
    if (/#\s*expect:/.test(l) && !labelled.has(i + 1)) problems.push(`${name}:${i + 1}: label on a line that is not a why, because or cause`);
  });
  return units;
}

/** The `*.whys.yaml` files of folders or files, each folder's sorted by name. */
export function analysisFiles(targets: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of targets) {
    if (statSync(target).isDirectory()) {
      for (const name of readdirSync(target).sort()) if (/\.whys\.ya?ml$/.test(name)) files.push(join(target, name));
    } else files.push(target);
  }
  return files;
}
