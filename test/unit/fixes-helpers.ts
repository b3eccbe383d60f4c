/** Shared checks for the quick-fix tests: apply a fix, re-check, compare. */
import assert from 'node:assert/strict';
import { checkText, type CheckResult, type Finding, type RuleCode } from '../../src/core';
import { applyEdits, fixesFor, type Fix } from '../../src/core/fixes';

/** Joins lines with a line break; `crlf` for Windows files. */
export function lines(rows: string[], crlf = false): string {
  return rows.join(crlf ? '\r\n' : '\n');
}

/** The one finding of a rule in a checked text. */
export function findingOf(result: CheckResult, rule: RuleCode, at?: number): Finding {
  const found = result.findings.filter((f) => f.rule === rule && (at === undefined || f.span.start === at));
  assert.equal(found.length, 1, `expected one ${rule} finding${at === undefined ? '' : ` at ${at}`}, got ${JSON.stringify(result.findings.map((f) => [f.rule, f.span.start, f.message]))}`);
  return found[0];
}

/** The fix with the given kind for a finding (main or ignore). */
export function fixOf(result: CheckResult, finding: Finding, ignore = false): Fix {
  const fix = fixesFor(result.parsed, finding).find((f) => f.ignore === ignore);
  assert.ok(fix, `no ${ignore ? 'ignore' : 'main'} fix for ${finding.rule}`);
  return fix;
}

/** Applies a fix and re-checks the new text. */
export function apply(text: string, fix: Fix): { text: string; result: CheckResult } {
  const next = applyEdits(text, fix.edits);
  return { text: next, result: checkText(next) };
}

/**
 * Asserts a text parses and has no `syntax` or `schema` finding other than the empty
 * placeholders a fix leaves to be written (`""`).
 */
export function assertValid(result: CheckResult): void {
  assert.ok(result.parsed.wellFormed, `YAML does not parse: ${JSON.stringify(result.findings.filter((f) => f.rule === 'syntax'))}`);
  const text = result.parsed.text;
  const bad = result.findings.filter((f) => (f.rule === 'schema' || f.rule === 'syntax') && text.slice(f.span.start, f.span.end) !== '""');
  assert.deepEqual(
    bad.map((f) => [f.rule, text.slice(f.span.start, f.span.end), f.message]),
    [],
  );
}

/** The rules a checked text reports. */
export function rulesOf(result: CheckResult): string[] {
  return result.findings.map((f) => f.rule);
}
