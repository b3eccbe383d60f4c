/**
 * `npm run eval -- --judge`: the reasoning rules and the model review against the labelled
 * analyses, side by side: rules alone, the model alone, and both (what a user with the review
 * turned on sees). With no paths it scores test/corpus and every test/heldout/set-* separately.
 *
 * The model is reached like `whys check --judge` (`--judge-url` / `WHYS_JUDGE_URL` /
 * `OPENAI_BASE_URL`, `--judge-model` / `WHYS_JUDGE_MODEL`, key in `WHYS_JUDGE_KEY` /
 * `OPENAI_API_KEY`), without the lockfile: every step is judged afresh.
 *   --judge-record FILE  also saves every reply, keyed by a hash of the request, so the figures
 *                        can be re-scored without the model;
 *   --judge-replay FILE  answers from such a file and never calls a model (a request it does not
 *                        hold is an error, not a silent gap).
 * Without an endpoint and without --judge-replay it fails and says so: no figure is invented.
 * Exits 1 when a request failed; the scores themselves are reported, not gated.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  checkText,
  judgeAnalysis,
  JudgeTransportError,
  mergeJudgeVerdicts,
  REASONING_RULES,
  sha256Hex,
  DEFAULT_MIN_CONFIDENCE,
  JUDGE_PROMPT_VERSION,
  type Finding,
  type JudgeRequest,
  type JudgeTransport,
  type RuleCode,
} from '../../src/core';
import { httpJudgeTransport } from '../../src/cli/judgeHttp';
import { analysisFiles, labelledScalars } from './labels';

const RULES: RuleCode[] = REASONING_RULES.map((r) => r.code);
const REASONING = new Set<string>(RULES);
const root = resolve(__dirname, '..', '..', '..');

type Tier = 'rules' | 'model' | 'both';
const TIERS: Tier[] = ['rules', 'model', 'both'];

interface Unit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly stepKey: string;
  readonly expected: Set<RuleCode>;
  readonly found: Record<Tier, Set<RuleCode>>;
}

/** The recorded replies: request hash → reply text, with the model and prompt they came from. */
interface Recording {
  model: string;
  prompt: string;
  replies: Record<string, string>;
}

/** The key of a request in a recording: a hash of exactly what was sent. */
function requestHash(request: JudgeRequest, model: string): string {
  return sha256Hex(JSON.stringify([model, request.messages]));
}

function flagValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** The labelled sets to score: the paths given, else the corpus and each held-out set. */
function sets(paths: readonly string[]): { name: string; files: string[] }[] {
  const folderFiles = (dir: string) => analysisFiles([dir]);
  if (paths.length > 0) return [{ name: paths.join(' '), files: paths.flatMap((p) => (statSync(p).isDirectory() ? folderFiles(resolve(p)) : [resolve(p)])) }];
  const heldOut = join(root, 'test', 'heldout');
  const held = existsSync(heldOut)
    ? readdirSync(heldOut)
        .filter((n) => /^set-\d+$/.test(n))
        .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
        .map((n) => ({ name: `test/heldout/${n}`, files: folderFiles(join(heldOut, n)) }))
    : [];
  return [{ name: 'test/corpus', files: folderFiles(join(root, 'test', 'corpus')) }, ...held];
}

/** Runs the judge eval; resolves to the exit status. */
export async function judgeEval(args: readonly string[]): Promise<number> {
  const record = flagValue(args, '--judge-record');
  const replay = flagValue(args, '--judge-replay');
  const minConfidence = Number(flagValue(args, '--judge-min-confidence') ?? DEFAULT_MIN_CONFIDENCE);
  const valued = new Set(['--judge-record', '--judge-replay', '--judge-url', '--judge-model', '--judge-min-confidence', '--judge-timeout']);
  const paths = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  let transport: JudgeTransport;
  let model: string;
  const recording: Recording | undefined = record ? { model: '', prompt: JUDGE_PROMPT_VERSION, replies: {} } : undefined;
  if (replay) {
    const saved = JSON.parse(readFileSync(replay, 'utf8')) as Recording;
    if (saved.prompt !== JUDGE_PROMPT_VERSION) {
      console.error(`eval --judge: ${replay} was recorded with prompt ${saved.prompt}, not ${JUDGE_PROMPT_VERSION}: record it again.`);
      return 1;
    }
    model = saved.model;
    transport = {
      async send(request) {
        const reply = saved.replies[requestHash(request, model)];
        if (reply === undefined) throw new JudgeTransportError(`${replay} holds no reply to this request (the analysis or the prompt changed since it was recorded)`);
        return reply;
      },
    };
  } else {
    const url = flagValue(args, '--judge-url') ?? (process.env.WHYS_JUDGE_URL || process.env.OPENAI_BASE_URL);
    model = flagValue(args, '--judge-model') ?? process.env.WHYS_JUDGE_MODEL ?? '';
    if (!url || !model) {
      console.error(
        'eval --judge: no model endpoint is configured (set --judge-url and --judge-model, or WHYS_JUDGE_URL and WHYS_JUDGE_MODEL), and no --judge-replay FILE was given. No figure is reported without a model.',
      );
      return 1;
    }
    const timeout = Number(flagValue(args, '--judge-timeout') ?? 300);
    const http = httpJudgeTransport({ baseUrl: url, model, apiKey: process.env.WHYS_JUDGE_KEY || process.env.OPENAI_API_KEY, timeoutMs: timeout * 1000, concurrency: 2 });
    transport = {
      async send(request, signal) {
        const reply = await http.send(request, signal);
        if (recording) recording.replies[requestHash(request, model)] = reply;
        return reply;
      },
    };
  }
  if (recording) recording.model = model;
  console.log(`whys eval --judge: model ${model}${replay ? ` (replayed from ${relative(process.cwd(), replay)})` : ''}, prompt ${JUDGE_PROMPT_VERSION}, min confidence ${minConfidence}\n`);
  let failed = 0;
  for (const set of sets(paths)) {
    const units: Unit[] = [];
    let requests = 0;
    for (const file of set.files) {
      const text = readFileSync(file, 'utf8');
      const name = relative(process.cwd(), file);
      const { parsed, findings } = checkText(text);
      const outcome = await judgeAnalysis(parsed, { model, transport });
      requests += outcome.requests;
      for (const error of outcome.errors) {
        failed++;
        console.log(`  request failed: ${name} (${error.request}): ${error.message}`);
      }
      const modelOnly = mergeJudgeVerdicts(parsed, [], outcome.verdicts, { model, minConfidence });
      const byStart = new Map<number, Unit>();
      for (const scalar of labelledScalars(parsed, name, [])) {
        const unit: Unit = { file: name, line: scalar.line, text: scalar.text, stepKey: scalar.stepKey, expected: scalar.expected, found: { rules: new Set(), model: new Set(), both: new Set() } };
        units.push(unit);
        byStart.set(scalar.start, unit);
      }
      const mark = (list: readonly Finding[], tiers: Tier[]) => {
        for (const f of list) {
          const unit = REASONING.has(f.rule) ? byStart.get(f.span.start) : undefined;
          if (unit) for (const tier of tiers) unit.found[tier].add(f.rule);
        }
      };
      mark(findings, ['rules', 'both']);
      mark(modelOnly, ['model', 'both']);
    }
    report(set.name, set.files.length, requests, units);
  }
  if (recording && record) {
    const sorted = Object.fromEntries(Object.entries(recording.replies).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(record, JSON.stringify({ ...recording, replies: sorted }, null, 2) + '\n');
    console.log(`recorded ${Object.keys(sorted).length} replies in ${relative(process.cwd(), record)}`);
  }
  if (failed > 0) {
    console.log(`\nFAIL: ${failed} request${failed === 1 ? '' : 's'} failed; the figures above leave those analyses' steps unjudged by the model.`);
    return 1;
  }
  return 0;
}

const ratio = (n: number, d: number): string => (d === 0 ? 'n/a' : (n / d).toFixed(2));

function report(name: string, files: number, requests: number, units: readonly Unit[]): void {
  const steps = new Map<string, Unit[]>();
  for (const u of units) steps.set(u.stepKey, [...(steps.get(u.stepKey) ?? []), u]);
  const clean = [...steps.values()].filter((us) => us.every((u) => u.expected.size === 0));
  console.log(`${name}: ${files} files, ${steps.size} steps (${clean.length} clean), ${requests} requests`);
  console.log(`${'rule'.padEnd(17)}${'labelled'.padStart(8)}   ${TIERS.map((t) => `${t} P / R`.padStart(16)).join('')}`);
  const row = (label: string, labelled: number, cells: string[]) => console.log(`${label.padEnd(17)}${String(labelled).padStart(8)}   ${cells.map((c) => c.padStart(16)).join('')}`);
  for (const rule of [...RULES, 'all' as const]) {
    const has = (set: Set<RuleCode>) => (rule === 'all' ? set.size : set.has(rule) ? 1 : 0);
    const labelled = units.reduce((n, u) => n + has(u.expected), 0);
    const cells = TIERS.map((tier) => {
      let found = 0;
      let tp = 0;
      for (const u of units) {
        for (const r of u.found[tier]) {
          if (rule !== 'all' && r !== rule) continue;
          found++;
          if (u.expected.has(r)) tp++;
        }
      }
      return `${ratio(tp, found)} / ${ratio(tp, labelled)}`;
    });
    row(rule, labelled, cells);
  }
  const alarms = TIERS.map((tier) => {
    const n = clean.filter((us) => us.some((u) => u.found[tier].size > 0)).length;
    return `${n} = ${ratio(n, clean.length)}`;
  });
  row('clean steps hit', clean.length, alarms);
  console.log('');
}
