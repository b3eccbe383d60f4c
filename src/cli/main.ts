/**
 * The `whys` command: `whys check` gates analyses in CI, `whys export` turns one into a report.
 * Exit codes: 0 clean (at most --max-warnings warnings), 1 problems found, 2 usage error or an
 * unreadable file.
 */
import { parseArgs } from 'node:util';
import { checkFiles } from './check';
import { exportFile } from './export';
import { UsageError } from './errors';
import { escapeControlCharacters } from './terminal';
import { configureSynonyms } from '../core';

const HELP = `whys — check and export 5 Whys root-cause analyses (.whys.yaml)

Usage:
  whys check [FILES or GLOBS...] [--format stylish|json|sarif] [--max-warnings N]
             [--rule RULE=SEVERITY]... [--min-depth N] [--synonym "A=B[=C...]"]...
             [--no-error-on-unmatched-pattern]
  whys export FILE --format mermaid|markdown [--direction TD|LR]
  whys --help | --version

check   Checks each file (default: **/*.whys.yaml and **/*.whys.yml under the current
        folder, skipping node_modules). Folders are searched for analyses; a folder or
        glob without any is an error (exit 2) unless --no-error-on-unmatched-pattern.
        --format        stylish (default; colours on a terminal), json (ESLint's shape),
                        sarif (SARIF 2.1.0 for code scanning)
        --max-warnings  fail when there are more than N warnings (default: no limit)
        --rule          change a rule's severity: error, warning, information, hint or off
                        (e.g. --rule shallow=off --rule blame=error)
        --min-depth     the fewest steps a chain may have before \`shallow\` flags it (default 3)
        --synonym       words or phrases that mean the same to the reasoning rules, joined
                        by "=" (e.g. --synonym "WS=widget service"); the VS Code setting
                        whys.synonyms takes the same groups
export  Prints the analysis as Mermaid flowchart source or as a Markdown CoE report;
        a file with errors (exit 1) or that does not parse is not exported.

Exit status: 0 no errors and at most N warnings; 1 otherwise; 2 usage error or unreadable file.
`;

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], raw: CliIO): Promise<number> {
  // Every message on stderr may quote a file name or a value from a file: no control characters.
  const io: CliIO = { ...raw, err: (text) => raw.err(escapeControlCharacters(text, '\n')) };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${typeof WHYS_VERSION === 'string' ? WHYS_VERSION : '0.0.0'}\n`);
      return 0;
    }
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'export') return await runExport(rest, io);
    throw new UsageError(`unknown command "${command}". Use \`whys check\` or \`whys export\` (see \`whys --help\`).`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`whys: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`whys: ${message}\n`);
    return 2;
  }
}

type FlagOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: string[], options: FlagOptions) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (see \`whys --help\`).`);
  }
}

async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    'max-warnings': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'min-depth': { type: 'string' },
    synonym: { type: 'string', multiple: true },
    'no-error-on-unmatched-pattern': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  configureSynonyms(synonymGroups((values.synonym as string[] | undefined) ?? []));
  const format = String(values.format);
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`unknown format "${format}": use stylish, json or sarif.`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : wholeNumber('--max-warnings', String(values['max-warnings']));
  const minDepth = values['min-depth'] === undefined ? undefined : wholeNumber('--min-depth', String(values['min-depth']));
  const rules = ruleSettings((values.rule as string[] | undefined) ?? []);
  const errorOnUnmatched = values['no-error-on-unmatched-pattern'] !== true;
  return checkFiles({ patterns: positionals, format, maxWarnings, options: { rules, minDepth }, io, errorOnUnmatched });
}

async function runExport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    direction: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('export takes exactly one FILE.');
  const format = values.format === undefined ? undefined : String(values.format);
  if (format !== 'mermaid' && format !== 'markdown') throw new UsageError('export needs --format mermaid or --format markdown.');
  const direction = values.direction === undefined ? 'TD' : String(values.direction).toUpperCase();
  if (direction !== 'TD' && direction !== 'LR') throw new UsageError('--direction must be TD or LR.');
  return exportFile({ file: positionals[0], format, direction, io });
}

/** `--synonym "WS=widget service"` flags as synonym groups. */
function synonymGroups(flags: readonly string[]): string[][] {
  return flags.map((flag) => {
    const group = flag.split('=').map((word) => word.trim()).filter((word) => word !== '');
    if (group.length < 2) throw new UsageError(`--synonym takes two or more words or phrases joined by "=", not "${flag}".`);
    return group;
  });
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not "${value}".`);
  return Number(value);
}

const LEVELS = new Set(['error', 'warning', 'information', 'info', 'hint', 'off']);

function ruleSettings(entries: string[]): Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'> {
  const settings: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'> = {};
  for (const entry of entries) {
    const [name, level] = entry.split('=');
    if (!name || !level || !LEVELS.has(level)) {
      throw new UsageError(`--rule takes RULE=SEVERITY with SEVERITY one of error, warning, information, hint, off; got "${entry}".`);
    }
    settings[name] = level === 'info' ? 'information' : (level as 'error' | 'warning' | 'information' | 'hint' | 'off');
  }
  return settings;
}

/** Where the CLI writes; injectable so tests read what a user would see. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  readonly color: boolean;
}

if (require.main === module) {
  const color = !process.env.NO_COLOR && (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : !!process.stdout.isTTY);
  const io: CliIO = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    color,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`whys: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
