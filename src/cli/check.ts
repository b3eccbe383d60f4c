import { readFileSync } from 'node:fs';
import { checkText, isRuleCode, semanticPass, type CheckOptions, type Finding, type ParsedAnalysis } from '../core';
import { UsageError } from './errors';
import { resolveFiles } from './files';
import { notJudgedMessage, NOT_JUDGED_RULE, printRequests, reviewFiles, type JudgeCliOptions, type JudgedFile } from './judge';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import type { CliIO } from './main';
import { reportFor, type FileReport, type Formatter } from './report';
import type { SemanticRun } from './semantic';

const FORMATTERS: Record<'stylish' | 'json' | 'sarif', Formatter> = { stylish, json, sarif };

/** Files larger than this are reported, not read: no analysis is anywhere near it. */
const MAX_BYTES = 64 * 1024 * 1024;

/** `whys check`: checks the files, prints the report, returns the exit status. */
export async function checkFiles(run: {
  patterns: string[];
  format: 'stylish' | 'json' | 'sarif';
  maxWarnings: number;
  options: CheckOptions;
  io: CliIO;
  /** The model review (`--judge`), when asked for. */
  judge?: JudgeCliOptions;
  /** `--print-request`: print what the review would send, send nothing, check nothing. */
  printRequest?: boolean;
  /** The semantic pass, when a semantic detector runs (after each file's instant check). */
  semantic?: SemanticRun;
  /** False with `--no-error-on-unmatched-pattern`: a folder or glob without analyses passes. */
  errorOnUnmatched?: boolean;
}): Promise<number> {
  const { io } = run;
  for (const name of Object.keys(run.options.rules ?? {})) {
    if (!isRuleCode(name)) throw new UsageError(`unknown rule "${name}" in --rule (see the rule table in the README).`);
  }
  const files = await resolveFiles(run.patterns, io.cwd, run.errorOnUnmatched ?? true);
  if (files.length === 0) {
    // Only with --no-error-on-unmatched-pattern: say so, print an empty report, pass.
    io.err('whys: no .whys.yaml or .whys.yml files found.\n');
    return run.format === 'stylish' ? 0 : (io.out(run.format === 'json' ? '[]\n' : FORMATTERS.sarif([], io)), 0);
  }
  const analyses: (JudgedFile & { text: string })[] = [];
  let unreadable = 0;
  let semanticFailed = false;
  /** The semantic pass on one file; a model that cannot load is reported once, and the rules' findings stand. */
  const semanticFindings = async (parsed: ParsedAnalysis, found: readonly Finding[], r: { semantic?: SemanticRun; options: CheckOptions }): Promise<Finding[]> => {
    try {
      const encoder = await r.semantic!.encoder();
      const flagged = new Set(found.map((f) => `${f.rule}@${f.span.start}`));
      return await semanticPass(parsed, encoder, r.semantic!.models, { mode: r.semantic!.mode, check: r.options, flagged });
    } catch (error) {
      semanticFailed = true;
      io.err(`whys: the semantic pass is off: ${error instanceof Error ? error.message : String(error)}. The rules' findings are complete; use --no-semantic to skip the pass.\n`);
      return [];
    }
  };
  for (const file of files) {
    let text: string;
    try {
      const bytes = readFileSync(file);
      if (bytes.length > MAX_BYTES) throw new Error(`the file is ${Math.round(bytes.length / 1048576)} MB, more than the 64 MB limit`);
      text = bytes.toString('utf8');
    } catch (error) {
      unreadable++;
      io.err(`whys: cannot read ${file}: ${readError(error)}\n`);
      continue;
    }
    const checked = checkText(text, run.options);
    const semantic = run.semantic && !run.printRequest && !semanticFailed ? await semanticFindings(checked.parsed, checked.findings, run) : [];
    const findings = semantic.length ? [...checked.findings, ...semantic].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) : checked.findings;
    analyses.push({ file, text, parsed: checked.parsed, findings });
  }
  if (run.printRequest && run.judge) {
    printRequests(analyses, run.judge, run.format, io);
    return unreadable > 0 ? 2 : 0;
  }
  const judged = run.judge ? await reviewFiles(analyses, run.judge, run.options, io) : 0;
  const reports: FileReport[] = analyses.map((entry) =>
    reportFor(entry.file, entry.text, entry.findings, entry.notJudged && run.judge ? [{ ruleId: NOT_JUDGED_RULE, severity: 'information', message: notJudgedMessage(entry.notJudged.count, entry.notJudged.steps, run.judge.cacheFile, io) }] : []),
  );
  io.out(FORMATTERS[run.format](reports, io));
  if (unreadable > 0 || judged === 2) return 2;
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  if (run.maxWarnings >= 0 && warnings > run.maxWarnings && run.format === 'stylish') {
    io.err(`whys: too many warnings (${warnings}); at most ${run.maxWarnings} allowed.\n`);
  }
  return errors > 0 || (run.maxWarnings >= 0 && warnings > run.maxWarnings) ? 1 : 0;
}

function readError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
