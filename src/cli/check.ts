import { readFileSync } from 'node:fs';
import { checkText, isRuleCode, type CheckOptions } from '../core';
import { UsageError } from './errors';
import { resolveFiles } from './files';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import type { CliIO } from './main';
import { reportFor, type FileReport, type Formatter } from './report';

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
  const reports: FileReport[] = [];
  let unreadable = 0;
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
    reports.push(reportFor(file, text, checkText(text, run.options).findings));
  }
  io.out(FORMATTERS[run.format](reports, io));
  if (unreadable > 0) return 2;
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
