/**
 * `whys import FILE|-`: a 5-whys list as people paste it (numbered, bulleted, "Q:/A:", "Why?
 * Because") becomes an analysis, printed on stdout or written with `-o FILE`, then checked: what
 * the check finds goes to stderr, so stdout stays the analysis alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkText, importAnalysis } from '../core';
import { UsageError } from './errors';
import { stylish } from './formatters/stylish';
import type { CliIO } from './main';
import { reportFor } from './report';

/** Runs the import; 0 when at least one step was read, 1 when none was. */
export async function importFile(run: { file: string; output?: string; title?: string; io: CliIO; stdin: () => Promise<string> }): Promise<number> {
  const { io } = run;
  let text: string;
  if (run.file === '-') text = await run.stdin();
  else {
    try {
      text = readFileSync(resolve(io.cwd, run.file), 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UsageError(`cannot read ${run.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error)}.`);
    }
  }
  const imported = importAnalysis(text, { title: run.title, source: run.file === '-' ? 'standard input' : basename(run.file) });
  const target = run.output === undefined ? undefined : resolve(io.cwd, run.output);
  if (target) {
    try {
      writeFileSync(target, imported.yaml);
    } catch (error) {
      throw new UsageError(`cannot write ${run.output}: ${(error as { code?: string }).code ?? String(error)}.`);
    }
  } else io.out(imported.yaml);
  const summary = `whys import: ${imported.steps} step${imported.steps === 1 ? '' : 's'} in ${imported.roots} root${imported.roots === 1 ? '' : 's'}, ${imported.comments} line${imported.comments === 1 ? '' : 's'} kept as comments${target ? `, written to ${run.output}` : ''}.\n`;
  if (imported.steps === 0) {
    io.err(`${summary}whys import: no why-question with an answer found; the text is kept as comments for you to turn into steps.\n`);
    return 1;
  }
  io.err(summary);
  const { findings } = checkText(imported.yaml);
  if (findings.length > 0) io.err(stylish([reportFor(target ?? resolve(io.cwd, 'imported.whys.yaml'), imported.yaml, findings)], { cwd: io.cwd, color: io.color }));
  return 0;
}

/** Reads all of standard input as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
