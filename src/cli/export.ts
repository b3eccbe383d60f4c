import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkText, toMarkdownReport, toMermaid } from '../core';
import { UsageError } from './errors';
import type { CliIO } from './main';
import { reportFor } from './report';

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
  io.out(run.format === 'mermaid' ? toMermaid(parsed.analysis, findings, { direction: run.direction }) : toMarkdownReport(parsed.analysis, findings));
  return 0;
}
