/**
 * The `whys` command: `whys check` gates analyses in CI, `whys export` turns one into a report,
 * `whys import` turns a pasted 5-whys list into an analysis.
 * Exit codes: 0 clean (at most --max-warnings warnings), 1 problems found, 2 usage error or an
 * unreadable file.
 */
import { parseArgs } from 'node:util';
import { checkFiles } from './check';
import { exportFile } from './export';
import { importFile, readStdin } from './import';
import { UsageError } from './errors';
import { judgeOptions, DEFAULT_JUDGE_CACHE } from './judge';
import { escapeControlCharacters } from './terminal';
import { configureSynonyms, isLearnedMode, parseSemanticMode } from '../core';
import { learnedModelsFor } from './learned';
import { semanticRunFor } from './semantic';

const HELP = `whys — check and export 5 Whys root-cause analyses (.whys.yaml)

Usage:
  whys check [FILES or GLOBS...] [--format stylish|json|sarif] [--max-warnings N]
             [--rule RULE=SEVERITY]... [--min-depth N] [--synonym "A=B[=C...]"]...
             [--learned default|all|off] [--semantic default|all|RULE,...] [--no-semantic]
             [--judge[=cached]] [--judge-url URL] [--judge-model NAME] [--judge-cache FILE]
             [--print-request]
             [--no-error-on-unmatched-pattern]
  whys export FILE --format mermaid|markdown [--direction TD|LR]
  whys import FILE|- [-o FILE] [--title TITLE]
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
        --learned       the learned detectors (trained on labelled analyses): default (those
                        switched on in their data), all, or off; the VS Code setting
                        whys.learned takes the same values
        --semantic      the semantic pass (the shipped sentence model, run after the rules):
                        default (the detectors switched on in their data), all, or a list of
                        rules such as off-topic; the VS Code setting whys.semantic takes the same
        --no-semantic   skip the semantic pass
        --judge         also review the reasoning with a language model (opt-in; sends
                        the analyses' text to the endpoint): an OpenAI-compatible
                        /chat/completions endpoint given by --judge-url (or WHYS_JUDGE_URL,
                        OPENAI_BASE_URL), model --judge-model (or WHYS_JUDGE_MODEL), key in
                        WHYS_JUDGE_KEY (or OPENAI_API_KEY). Verdicts are kept in the lockfile.
        --judge=cached  use only the lockfile's verdicts, never call a model; each file
                        with steps not judged yet gets one information message
        --judge-cache   the verdict lockfile (default ${DEFAULT_JUDGE_CACHE})
        --judge-prune   drop the lockfile's entries that no checked step uses (give it the
                        same files every time, e.g. the whole postmortems folder)
        --judge-min-confidence  hide verdicts below this confidence (default 0.7)
        --judge-timeout seconds per request (default 120); --judge-retries N on 429/5xx
                        (default 3); --judge-concurrency N requests at once (default 4)
        --print-request print what --judge would send, and send nothing
export  Prints the analysis as Mermaid flowchart source or as a Markdown CoE report;
        a file with errors (exit 1) or that does not parse is not exported.
import  Turns a 5-whys list as people write it (numbered, bulleted, "Q:/A:", "Why? Because",
        a question and its answer on one line or two) into an analysis on stdout (or -o FILE),
        then checks it (findings on stderr). "-" reads standard input. Lines it cannot place
        are kept as comments. Exit 1 when no question with an answer was found.

Exit status: 0 no errors and at most N warnings; 1 otherwise; 2 usage error, unreadable file,
or a model review that did not complete (unreachable endpoint, bad key, failed request).
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
    if (command === 'import') return await runImport(rest, io);
    throw new UsageError(`unknown command "${command}". Use \`whys check\`, \`whys export\` or \`whys import\` (see \`whys --help\`).`);
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

async function runCheck(allArgs: string[], io: CliIO): Promise<number> {
  // `--judge` takes an optional value (`--judge=cached`), which parseArgs cannot express.
  let judge: 'live' | 'cached' | undefined;
  const args = allArgs.filter((arg) => {
    const m = /^--judge(?:=(.*))?$/.exec(arg);
    if (!m) return true;
    if (m[1] === undefined || m[1] === 'live') judge = 'live';
    else if (m[1] === 'cached') judge = 'cached';
    else throw new UsageError(`--judge takes no value or "cached", not "${m[1]}".`);
    return false;
  });
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    'max-warnings': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'min-depth': { type: 'string' },
    synonym: { type: 'string', multiple: true },
    'judge-url': { type: 'string' },
    'judge-model': { type: 'string' },
    'judge-cache': { type: 'string' },
    'judge-min-confidence': { type: 'string' },
    'judge-timeout': { type: 'string' },
    'judge-retries': { type: 'string' },
    'judge-concurrency': { type: 'string' },
    'print-request': { type: 'boolean' },
    'judge-prune': { type: 'boolean' },
    learned: { type: 'string', default: 'default' },
    semantic: { type: 'string', default: 'default' },
    'no-semantic': { type: 'boolean' },
    'no-error-on-unmatched-pattern': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const printRequest = values['print-request'] === true;
  const flag = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  const judgeOptionsGiven = Object.keys(values).some((k) => k.startsWith('judge-'));
  if (judgeOptionsGiven && !judge && !printRequest) throw new UsageError('the --judge-… options need --judge (or --judge=cached).');
  const judgeRun =
    judge || printRequest
      ? judgeOptions(
          {
            url: flag('judge-url'),
            model: flag('judge-model'),
            cache: flag('judge-cache'),
            minConfidence: flag('judge-min-confidence'),
            timeout: flag('judge-timeout'),
            retries: flag('judge-retries'),
            concurrency: flag('judge-concurrency'),
            prune: values['judge-prune'] === true,
          },
          process.env,
          io.cwd,
          printRequest ? 'print' : judge!,
        )
      : undefined;
  const learnedMode = String(values.learned);
  if (!isLearnedMode(learnedMode)) throw new UsageError(`unknown --learned "${learnedMode}": use default, all or off.`);
  configureSynonyms(synonymGroups((values.synonym as string[] | undefined) ?? []));
  const format = String(values.format);
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`unknown format "${format}": use stylish, json or sarif.`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : wholeNumber('--max-warnings', String(values['max-warnings']));
  const minDepth = values['min-depth'] === undefined ? undefined : wholeNumber('--min-depth', String(values['min-depth']));
  const rules = ruleSettings((values.rule as string[] | undefined) ?? []);
  const semanticMode = values['no-semantic'] ? 'off' : parseSemanticMode(String(values.semantic));
  if (!semanticMode) throw new UsageError(`unknown --semantic "${String(values.semantic)}": use default, all, off or a list of rules.`);
  const learned = learnedModelsFor(learnedMode);
  const semantic = semanticRunFor(semanticMode);
  const errorOnUnmatched = values['no-error-on-unmatched-pattern'] !== true;
  return checkFiles({ patterns: positionals, format, maxWarnings, options: { rules, minDepth, learned, learnedMode }, io, judge: judgeRun, printRequest, semantic, errorOnUnmatched });
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

async function runImport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE, or - for standard input.');
  const output = values.output === undefined ? undefined : String(values.output);
  const title = values.title === undefined ? undefined : String(values.title);
  return importFile({ file: positionals[0], output, title, io, stdin: io.stdin ?? readStdin });
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
  /** Reads standard input (`whys import -`); the process's own by default. */
  readonly stdin?: () => Promise<string>;
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
