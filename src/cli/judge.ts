/**
 * `whys check --judge`: the model review on the command line. Reads the verdict lockfile, reviews
 * each file through the OpenAI-compatible endpoint (or, with `--judge=cached`, from the lockfile
 * alone), merges the verdicts into the rules' findings, writes the lockfile back and prints one
 * summary line on stderr.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  buildJudgeRequests,
  judgeAnalysis,
  judgeCacheKey,
  mergeJudgeVerdicts,
  MemoryJudgeCache,
  pool,
  readJudgeLockfile,
  writeJudgeLockfile,
  DEFAULT_MIN_CONFIDENCE,
  JUDGE_PROMPT_VERSION,
  type CheckOptions,
  type Finding,
  type ParsedAnalysis,
} from '../core';
import { UsageError } from './errors';
import { completionsUrl, httpJudgeTransport, requestBody } from './judgeHttp';
import type { CliIO } from './main';

/** The default lockfile, relative to the current folder. */
export const DEFAULT_JUDGE_CACHE = '.whys/judge-cache.json';

/** The rule id of the one information message per file that `--judge=cached` adds. */
export const NOT_JUDGED_RULE = 'model-review';

/** The model review as the flags and environment ask for it. */
export interface JudgeCliOptions {
  readonly mode: 'live' | 'cached';
  readonly url?: string;
  readonly model?: string;
  readonly key?: string;
  /** Absolute path of the lockfile. */
  readonly cacheFile: string;
  readonly minConfidence: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly concurrency: number;
  /** `--judge-prune`: drop lockfile entries that no checked step uses. */
  readonly prune: boolean;
}

/** The flags of `check` that concern the model review, as parsed. */
export interface JudgeFlags {
  readonly mode?: 'live' | 'cached';
  readonly url?: string;
  readonly model?: string;
  readonly cache?: string;
  readonly minConfidence?: string;
  readonly timeout?: string;
  readonly retries?: string;
  readonly concurrency?: string;
  readonly prune?: boolean;
}

/**
 * Resolves the flags with their environment fallbacks: `WHYS_JUDGE_URL`, then `OPENAI_BASE_URL`;
 * `WHYS_JUDGE_MODEL`; `WHYS_JUDGE_KEY`, then `OPENAI_API_KEY`. Live mode needs a URL and a model.
 */
export function judgeOptions(flags: JudgeFlags, env: NodeJS.ProcessEnv, cwd: string, mode: 'live' | 'cached' | 'print'): JudgeCliOptions {
  const url = flags.url ?? (env.WHYS_JUDGE_URL || env.OPENAI_BASE_URL || undefined);
  const model = flags.model ?? (env.WHYS_JUDGE_MODEL || undefined);
  const key = env.WHYS_JUDGE_KEY || env.OPENAI_API_KEY || undefined;
  if (mode === 'live') {
    if (!url) throw new UsageError('--judge needs an OpenAI-compatible endpoint: --judge-url http://localhost:11434/v1, or WHYS_JUDGE_URL (or OPENAI_BASE_URL).');
    if (!/^https?:\/\//i.test(url)) throw new UsageError(`--judge-url must be an http(s) URL, not "${url}".`);
    if (!model) throw new UsageError('--judge needs a model: --judge-model NAME, or WHYS_JUDGE_MODEL.');
  }
  const number = (flag: string, value: string | undefined, fallback: number, min: number, max: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} takes a number from ${min} to ${max}, not "${value}".`);
    return n;
  };
  const cache = flags.cache ?? DEFAULT_JUDGE_CACHE;
  return {
    mode: mode === 'cached' ? 'cached' : 'live',
    url,
    model,
    key,
    cacheFile: isAbsolute(cache) ? cache : resolve(cwd, cache),
    minConfidence: number('--judge-min-confidence', flags.minConfidence, DEFAULT_MIN_CONFIDENCE, 0, 1),
    timeoutMs: Math.round(number('--judge-timeout', flags.timeout, 120, 0.001, 3600) * 1000),
    retries: Math.floor(number('--judge-retries', flags.retries, 3, 0, 10)),
    concurrency: Math.floor(number('--judge-concurrency', flags.concurrency, 4, 1, 64)),
    prune: flags.prune === true,
  };
}

/** One checked file as the review sees it. */
export interface JudgedFile {
  readonly file: string;
  readonly parsed: ParsedAnalysis;
  findings: Finding[];
  /** Set by `--judge=cached` when some steps have no verdict in the lockfile. */
  notJudged?: { readonly count: number; readonly steps: number };
}

/**
 * `--print-request`: what would be sent for each file, and nothing is sent. With `--format json`
 * the exact request bodies (a JSON array); otherwise each message as plain text, then the reply
 * schema.
 */
export function printRequests(files: readonly JudgedFile[], options: JudgeCliOptions, format: string, io: CliIO): void {
  const model = options.model ?? '(set --judge-model)';
  const url = options.url ? completionsUrl(options.url) : '(set --judge-url)';
  const bodies: unknown[] = [];
  for (const { file, parsed } of files) {
    for (const request of buildJudgeRequests(parsed)) {
      const body = requestBody(request, model);
      if (format === 'json') {
        bodies.push({ file, url, request: request.id, body });
        continue;
      }
      io.out(`# ${shown(file, io)}: request “${request.id}” (${request.steps.length} steps, prompt ${JUDGE_PROMPT_VERSION})\n`);
      io.out(`# POST ${url} with model ${model}, temperature 0, these messages and the reply schema below\n\n`);
      for (const message of request.messages) io.out(`--- ${message.role} ---\n${message.content}\n\n`);
      io.out(`--- response_format (JSON schema of the reply) ---\n${JSON.stringify(body.response_format)}\n\n`);
      bodies.push(body);
    }
  }
  if (format === 'json') io.out(JSON.stringify(bodies, null, 2) + '\n');
  io.err(`whys: --print-request: ${bodies.length} request${bodies.length === 1 ? '' : 's'} shown, nothing sent.\n`);
}

/**
 * Reviews the files and merges the verdicts into their findings (in place). Returns 2 when the
 * review did not complete (an unreachable endpoint, a bad key, a failed request), else 0.
 */
export async function reviewFiles(files: JudgedFile[], options: JudgeCliOptions, check: CheckOptions, io: CliIO): Promise<number> {
  const cache = readCache(options.cacheFile, io);
  let model = options.model;
  if (!model && options.mode === 'cached') {
    const models = cache.models();
    if (models.length > 1) throw new UsageError(`the lockfile ${shown(options.cacheFile, io)} holds verdicts of several models (${models.join(', ')}): name one with --judge-model.`);
    model = models[0];
  }
  const transport =
    options.mode === 'live'
      ? httpJudgeTransport({ baseUrl: options.url!, model: model!, apiKey: options.key, timeoutMs: options.timeoutMs, retries: options.retries, concurrency: options.concurrency })
      : undefined;
  const totals = { steps: 0, judged: 0, fromCache: 0, notJudged: 0, findings: 0, errors: 0 };
  const errors: string[] = [];
  const dropped = new Map<string, number>();
  let fatal: string | undefined;
  await pool(files, options.concurrency, async (entry) => {
    const outcome = await judgeAnalysis(entry.parsed, { model: model ?? '', transport, cache });
    totals.steps += outcome.steps;
    totals.judged += outcome.judged;
    totals.fromCache += outcome.fromCache;
    totals.notJudged += outcome.notJudged;
    totals.errors += outcome.errors.length;
    for (const d of outcome.dropped) dropped.set(d.reason, (dropped.get(d.reason) ?? 0) + d.count);
    for (const error of outcome.errors) {
      if (error.fatal) fatal ??= error.message;
      else errors.push(`whys: model review of ${shown(entry.file, io)}${error.request === 'analysis' ? '' : ` (root ${error.request})`}: ${error.message}\n`);
    }
    entry.findings = mergeJudgeVerdicts(entry.parsed, entry.findings, outcome.verdicts, { model: model ?? '', minConfidence: options.minConfidence, check });
    totals.findings += entry.findings.filter((f) => f.judge).length;
    if (options.mode === 'cached' && outcome.notJudged > 0) entry.notJudged = { count: outcome.notJudged, steps: outcome.steps };
  });
  let pruned = 0;
  if (options.prune) {
    const used = new Set(files.flatMap(({ parsed }) => buildJudgeRequests(parsed).flatMap((r) => r.steps.map((step) => judgeCacheKey(step, model ?? '')))));
    pruned = cache.retain(used);
  }
  if ((options.mode === 'live' || options.prune) && cache.changed) {
    try {
      mkdirSync(dirname(options.cacheFile), { recursive: true });
      writeFileSync(options.cacheFile, writeJudgeLockfile(cache));
    } catch (error) {
      errors.push(`whys: cannot write the lockfile ${shown(options.cacheFile, io)}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  for (const line of new Set(errors)) io.err(line);
  if (fatal) io.err(`whys: ${fatal}\n`);
  const parts = [
    `model ${model ?? '(none)'}`,
    `${totals.judged} step${totals.judged === 1 ? '' : 's'} judged`,
    `${totals.fromCache} from cache`,
    ...(options.mode === 'cached' || totals.notJudged > 0 ? [`${totals.notJudged} not judged`] : []),
    `${totals.findings} model finding${totals.findings === 1 ? '' : 's'}`,
    `${totals.errors} error${totals.errors === 1 ? '' : 's'}`,
  ];
  if (options.prune) parts.push(`${pruned} lockfile entr${pruned === 1 ? 'y' : 'ies'} pruned`);
  const droppedCount = [...dropped.values()].reduce((a, b) => a + b, 0);
  if (droppedCount > 0) parts.push(`${droppedCount} verdict${droppedCount === 1 ? '' : 's'} dropped (${[...dropped].map(([reason, n]) => `${reason}: ${n}`).join('; ')})`);
  io.err(`whys: model review${options.mode === 'cached' ? ' (cached)' : ''}: ${parts.join(', ')}\n`);
  return fatal || errors.length > 0 ? 2 : 0;
}

/** The lockfile, or an empty cache when there is none yet. */
function readCache(file: string, io: CliIO): MemoryJudgeCache {
  if (!existsSync(file)) return new MemoryJudgeCache();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the lockfile ${shown(file, io)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { cache, skipped } = readJudgeLockfile(text);
    if (skipped > 0) io.err(`whys: ${skipped} entr${skipped === 1 ? 'y' : 'ies'} of ${shown(file, io)} did not validate and were left out.\n`);
    return cache;
  } catch (error) {
    throw new UsageError(`the lockfile ${shown(file, io)} is ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** The message `--judge=cached` adds to a file with steps the lockfile has no verdict for. */
export function notJudgedMessage(count: number, steps: number, cacheFile: string, io: CliIO): string {
  return `${count} of ${steps} step${steps === 1 ? '' : 's'} ${count === 1 ? 'is' : 'are'} not judged yet by the model review (no verdict in ${shown(cacheFile, io)} for their current text): run \`whys check --judge\` with a model and commit the lockfile.`;
}

function shown(file: string, io: CliIO): string {
  const rel = relative(io.cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
