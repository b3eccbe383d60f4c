/**
 * The checker: text → model → every rule → findings with the user's severities, minus the
 * ones a `# whys-ignore` comment switches off, in file order.
 */
import type { CheckOptions, Finding, Rule, RuleFinding, Severity } from './findings';
import { parseAnalysis, type ParsedAnalysis } from './parse';
import { reparseAnalysis } from './reparse';
import { RULES, ruleFor } from './rules';
import { isSuppressed, suppressionsOf } from './suppression';
import { MAX_FINDINGS_PER_RULE } from './limits';
import { learnedFindings } from './learned';

export { MAX_FINDINGS_PER_RULE };

/** The default for `whys.minDepth`. */
export const DEFAULT_MIN_DEPTH = 3;

/** What checking a file gives: the parse (model, comments) and the findings. */
export interface CheckResult {
  readonly parsed: ParsedAnalysis;
  readonly findings: Finding[];
}

/** The severity a rule reports with under the options, or undefined when it is off. */
export function severityOf(rule: Rule, options: CheckOptions): Severity | undefined {
  const setting = options.rules?.[rule.code];
  if (setting === 'off') return undefined;
  if (setting === 'error' || setting === 'warning' || setting === 'information' || setting === 'hint') return setting;
  return rule.defaultSeverity;
}

/** Checks a whole analysis held in a string. Never throws. */
export function checkText(text: string, options: CheckOptions = {}, rules: readonly Rule[] = RULES): CheckResult {
  const parsed = parseAnalysis(text);
  return { parsed, findings: checkParsed(parsed, options, rules) };
}

/**
 * Checks an edit of an analysis already checked: the same result as `checkText(text, options)`,
 * sooner when the edit lies inside some roots (only those are parsed again, see
 * `reparseAnalysis`; the rules' verdicts on unchanged texts are cached). `previous`: the
 * result (or the parse) of the text before the edit, if any.
 */
export function recheckText(previous: CheckResult | ParsedAnalysis | undefined, text: string, options: CheckOptions = {}, rules: readonly Rule[] = RULES): CheckResult {
  const before = previous && 'parsed' in previous ? previous.parsed : previous;
  const parsed = reparseAnalysis(before, text);
  return { parsed, findings: checkParsed(parsed, options, rules) };
}

/** Runs the rules over an already parsed analysis. */
export function checkParsed(parsed: ParsedAnalysis, options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const minDepth = Math.max(1, Math.floor(options.minDepth ?? DEFAULT_MIN_DEPTH));
  const raw: { rule: Rule; finding: RuleFinding }[] = [];
  for (const problem of parsed.problems) {
    const rule = problem.rule && ruleFor(problem.rule);
    if (rule) raw.push({ rule, finding: problem });
  }
  // On YAML that does not parse, the model is partial: only the syntax findings are reliable.
  if (parsed.wellFormed) {
    const context = { analysis: parsed.analysis, minDepth };
    for (const rule of rules) {
      if (severityOf(rule, options) === undefined) continue;
      let found: RuleFinding[];
      try {
        found = rule.check(context);
      } catch (error) {
        found = [
          {
            span: { start: 0, end: 0 },
            message: `The rule \`${rule.code}\` failed on this file (${error instanceof Error ? error.message : String(error)}); please report it.`,
          },
        ];
      }
      for (const finding of found) raw.push({ rule, finding });
    }
    if (options.learned && options.learnedMode !== 'off') addLearned(parsed, options, rules, raw);
  }
  const suppressions = suppressionsOf(parsed.text, parsed.analysis, parsed.comments);
  const findings: Finding[] = [];
  for (const { rule, finding } of raw) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    const full: Finding = { ...finding, rule: rule.code, severity };
    if (!isSuppressed(full, suppressions)) findings.push(full);
  }
  return capped(findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end));
}

/**
 * The learned detectors' findings, for rules that are on and run here, on scalars the rules did
 * not already flag for the same rule (one finding per scalar and rule; the rule's message wins).
 */
function addLearned(parsed: ParsedAnalysis, options: CheckOptions, rules: readonly Rule[], raw: { rule: Rule; finding: RuleFinding }[]): void {
  const running = new Map(rules.filter((r) => severityOf(r, options) !== undefined).map((r) => [r.code, r]));
  const flagged = new Set(raw.map(({ rule, finding }) => `${rule.code}@${finding.span.start}`));
  try {
    const found = learnedFindings(parsed.analysis, options.learned!, options.learnedMode ?? 'default', (code, start) => !running.has(code) || flagged.has(`${code}@${start}`));
    for (const finding of found) raw.push({ rule: running.get(finding.rule)!, finding });
  } catch {
    // A learned detector never takes the rules' findings down with it.
  }
}

/** Keeps the first findings of each rule and says, in one more finding, how many were left out. */
function capped(findings: Finding[]): Finding[] {
  const listed = new Map<string, number>();
  const omitted = new Map<string, number>();
  let over = false;
  for (const f of findings) {
    if (f.data?.omitted !== undefined) {
      omitted.set(f.rule, (omitted.get(f.rule) ?? 0) + f.data.omitted);
      over = true;
    } else {
      const n = (listed.get(f.rule) ?? 0) + 1;
      listed.set(f.rule, n);
      if (n > MAX_FINDINGS_PER_RULE) over = true;
    }
  }
  if (!over) return findings;
  const shown = new Map<string, number>();
  const out: Finding[] = [];
  const summarised = new Set<string>();
  for (const f of findings) {
    if (f.data?.omitted !== undefined) continue;
    const n = (shown.get(f.rule) ?? 0) + 1;
    shown.set(f.rule, n);
    if (n <= MAX_FINDINGS_PER_RULE) out.push(f);
    else if (!summarised.has(f.rule)) {
      summarised.add(f.rule);
      out.push(summary(f, (listed.get(f.rule) ?? 0) - MAX_FINDINGS_PER_RULE + (omitted.get(f.rule) ?? 0)));
    }
  }
  // Rules whose own summary arrived while they listed no more than the cap.
  for (const f of findings) {
    if (f.data?.omitted === undefined || summarised.has(f.rule)) continue;
    summarised.add(f.rule);
    out.push(summary(f, omitted.get(f.rule) ?? 0));
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function summary(at: Finding, more: number): Finding {
  return {
    ...at,
    message: `…and ${more} more \`${at.rule}\` problem${more === 1 ? '' : 's'} from here on (only the first ${MAX_FINDINGS_PER_RULE} are listed).`,
    data: { omitted: more },
  };
}
