/**
 * Running the model review of one analysis: build its requests, answer what the cache knows,
 * send the rest through a transport, validate the replies and store what they said. The
 * transport (HTTP in the CLI, `vscode.lm` in the editor) is a thin adapter outside the core.
 */
import type { ParsedAnalysis } from '../parse';
import { judgeCacheKey, type JudgeCache, type StoredVerdict } from './cache';
import { parseJudgeReply, type DroppedVerdicts, type ModelVerdict } from './reply';
import { judgeRequests, type JudgeRequest, type JudgeTarget } from './request';

/** A cancellation signal; an `AbortSignal` is one. */
export interface JudgeSignal {
  readonly aborted: boolean;
}

/**
 * Sends one request to a model and returns the text of its reply. Throws on failure; a
 * {@link JudgeTransportError} with `fatal` set (bad key, unreachable endpoint, no permission)
 * stops the review of the remaining requests.
 */
export interface JudgeTransport {
  send(request: JudgeRequest, signal?: JudgeSignal): Promise<string>;
}

/** A failure of the transport; `fatal` when asking again cannot help in this run. */
export class JudgeTransportError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean = false,
  ) {
    super(message);
    this.name = 'JudgeTransportError';
  }
}

/** Options for {@link judgeAnalysis}. */
export interface JudgeRunOptions {
  /** The model's id: part of every cache key and carried by every verdict. */
  readonly model: string;
  /** How to reach the model; absent: answer from the cache only (`--judge=cached`). */
  readonly transport?: JudgeTransport;
  readonly cache?: JudgeCache;
  readonly maxStepsPerRequest?: number;
  /** Requests of one file in flight at once (default 2). */
  readonly concurrency?: number;
  readonly signal?: JudgeSignal;
  /**
   * Awaited after each request is made, so a host can yield its thread: the requests of a file
   * of thousands of roots, and their cache keys, are made one at a time.
   */
  readonly between?: () => Promise<void>;
}

/** A request that gave no verdicts. */
export interface JudgeRequestError {
  /** The request's id: `analysis` or a root (`r2`). */
  readonly request: string;
  readonly message: string;
  readonly fatal: boolean;
}

/** What the review of one analysis gave. */
export interface JudgeOutcome {
  /** Every verdict, from the model or the cache, placed on this file's scalars. */
  readonly verdicts: ModelVerdict[];
  /** Steps in the analysis that the review covers. */
  readonly steps: number;
  /** Steps answered from the cache. */
  readonly fromCache: number;
  /** Steps the model judged in this run. */
  readonly judged: number;
  /** Steps with no verdict from either (cache-only run, or a failed request). */
  readonly notJudged: number;
  /** Requests sent. */
  readonly requests: number;
  /**
   * The model paths of the steps the model has judged (now or from the cache), in file order:
   * where a rule flagged one of these steps and the model gave no verdict, the model disagrees.
   */
  readonly reviewed: string[];
  readonly errors: JudgeRequestError[];
  readonly dropped: DroppedVerdicts[];
}

/** Reviews one analysis. Never throws: failures are in `errors`. */
export async function judgeAnalysis(parsed: ParsedAnalysis, options: JudgeRunOptions): Promise<JudgeOutcome> {
  const requests = judgeRequests(parsed, { maxStepsPerRequest: options.maxStepsPerRequest });
  // The steps of the requests made so far, in file order.
  const paths: string[] = [];
  const verdicts: ModelVerdict[] = [];
  const errors: JudgeRequestError[] = [];
  const dropped = new Map<string, number>();
  let steps = 0;
  let fromCache = 0;
  let judged = 0;
  let notJudged = 0;
  let sent = 0;
  let stopped = false;
  const reviewed = new Set<string>();
  const one = async (request: JudgeRequest): Promise<void> => {
    for (const step of request.steps) paths.push(step.path);
    const keys = new Map(request.steps.map((step) => [step.id, judgeCacheKey(step, options.model)]));
    const cached = new Set<string>();
    steps += request.steps.length;
    for (const step of request.steps) {
      const entry = options.cache?.get(keys.get(step.id)!);
      if (!entry) continue;
      cached.add(step.id);
      reviewed.add(step.path);
      for (const stored of entry.verdicts) {
        const verdict = fromStored(stored, step.id, request.targets);
        if (verdict) verdicts.push(verdict);
      }
    }
    fromCache += cached.size;
    const open = request.steps.filter((s) => !cached.has(s.id));
    if (open.length === 0) return;
    if (!options.transport || stopped || options.signal?.aborted) {
      notJudged += open.length;
      if (options.transport && options.signal?.aborted && !stopped) errors.push({ request: request.id, message: 'cancelled', fatal: true });
      return;
    }
    let reply: string;
    try {
      sent++;
      reply = await options.transport.send(request, options.signal);
    } catch (error) {
      const fatal = error instanceof JudgeTransportError ? error.fatal : false;
      if (fatal) stopped = true;
      errors.push({ request: request.id, message: error instanceof Error ? error.message : String(error), fatal });
      notJudged += open.length;
      return;
    }
    const parsedReply = parseJudgeReply(request, reply);
    for (const d of parsedReply.dropped) dropped.set(d.reason, (dropped.get(d.reason) ?? 0) + d.count);
    if (parsedReply.error) {
      errors.push({ request: request.id, message: parsedReply.error, fatal: false });
      notJudged += open.length;
      return;
    }
    judged += open.length;
    for (const step of open) reviewed.add(step.path);
    const openIds = new Set(open.map((s) => s.id));
    const byStep = new Map<string, StoredVerdict[]>(open.map((s) => [s.id, []]));
    for (const verdict of parsedReply.verdicts) {
      // A cached step keeps its recorded verdicts: the lockfile changes only where the file did.
      if (!openIds.has(verdict.stepId)) continue;
      verdicts.push(verdict);
      byStep.get(verdict.stepId)!.push(toStored(verdict));
    }
    for (const step of open) {
      await options.cache?.set(keys.get(step.id)!, { model: options.model, question: step.question, verdicts: byStep.get(step.id)! });
    }
  };
  await pool(requests, Math.max(1, options.concurrency ?? 2), async (request) => {
    await one(request);
    await options.between?.();
  });
  const order = (v: ModelVerdict) => v.span.start;
  return {
    verdicts: verdicts.sort((a, b) => order(a) - order(b)),
    steps,
    fromCache,
    judged,
    notJudged,
    requests: sent,
    reviewed: paths.filter((path) => reviewed.has(path)),
    errors,
    dropped: [...dropped].map(([reason, count]) => ({ reason, count })),
  };
}

/** Runs `work` over `items` (taken one at a time) with at most `limit` in flight; resolves when all are done. */
export async function pool<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

function toStored(verdict: ModelVerdict): StoredVerdict {
  return {
    field: verdict.field,
    ...(verdict.causeIndex !== undefined ? { cause: verdict.causeIndex } : {}),
    rule: verdict.rule,
    confidence: verdict.confidence,
    explanation: verdict.explanation,
    ...(verdict.suggestion ? { suggestion: verdict.suggestion } : {}),
  };
}

/** A stored verdict placed on today's scalar of the same step, if it still exists. */
function fromStored(stored: StoredVerdict, stepId: string, targets: readonly JudgeTarget[]): ModelVerdict | undefined {
  const target = targets.find((t) => t.stepId === stepId && t.field === stored.field && (stored.field !== 'cause' || t.causeIndex === stored.cause));
  if (!target) return undefined;
  return {
    id: target.id,
    field: stored.field,
    rule: stored.rule,
    confidence: stored.confidence,
    explanation: stored.explanation,
    ...(stored.suggestion ? { suggestion: stored.suggestion } : {}),
    span: target.span,
    path: target.path,
    stepId,
    ...(target.causeIndex !== undefined ? { causeIndex: target.causeIndex } : {}),
  };
}
