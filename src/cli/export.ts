import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkText, toMarkdownReport, toMermaid } from '../core';
import { UsageError } from './errors';
import type { CliIO } from './main';
import { reportFor } from './report';
import { escapeControlCharacters } from './terminal';

/** `whys export`: prints the analysis as Mermaid source or a Markdown CoE report. */
export async function exportFile(run: { file: string; format: 'mermaid' | 'markdown'; direction: 'TD' | 'LR'; io: CliIO }): Promise<number> {
  const { io } = run;
  const path = resolve(io.cwd, run.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read ${run.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error)}.`);
  }
  const { parsed, findings } = checkText(text);
  if (!parsed.wellFormed) {
    const report = reportFor(path, text, findings.filter((f) => f.rule === 'syntax'));
    const first = report.messages[0];
    io.err(`whys: ${run.file}:${first?.line ?? 1}:${first?.column ?? 1}: the YAML does not parse (${first?.message ?? 'syntax error'}); nothing exported.\n`);
    return 1;
  }
  // As `check` would fail on it (a missing answer, a misspelt key), the export would draw a
  // tree with holes: say what is wrong instead, and fail the same way.
  const errors = reportFor(path, text, findings.filter((f) => f.severity === 'error')).messages;
  if (errors.length > 0) {
    const listed = errors.slice(0, 20).map((m) => `  ${run.file}:${m.line}:${m.column}: ${m.message.replace(/\s*\n\s*/g, ' ')} (${m.ruleId})\n`);
    const more = errors.length > listed.length ? `  …and ${errors.length - listed.length} more.\n` : '';
    io.err(`whys: ${run.file} has ${errors.length} error${errors.length === 1 ? '' : 's'} (\`whys check\` fails on it too); nothing exported:\n${listed.join('')}${more}`);
    return 1;
  }
  const exported = run.format === 'mermaid' ? toMermaid(parsed.analysis, findings, { direction: run.direction }) : toMarkdownReport(parsed.analysis, findings);
  // Printed to a terminal or piped: the file's own text must not carry control sequences.
  io.out(escapeControlCharacters(exported, '\n\t'));
  return 0;
}
