/**
 * The model review's transport on the command line: an OpenAI-compatible
 * `POST {base}/chat/completions` with plain `fetch` (Ollama, llama.cpp server, vLLM, hosted APIs).
 * Temperature 0; the reply's JSON schema as `response_format` (dropped for good when the endpoint
 * rejects it); a timeout per attempt; retries with backoff on 429 and 5xx, honouring
 * `Retry-After`; at most `concurrency` requests in flight. A bad key, an unreachable endpoint or
 * an unknown model is fatal: nothing more is sent in this run.
 */
import { JudgeTransportError, type JudgeRequest, type JudgeSignal, type JudgeTransport } from '../core';

/** How to reach the endpoint. */
export interface HttpJudgeOptions {
  /** The OpenAI-compatible base URL, e.g. `http://localhost:11434/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  /** Per attempt, in milliseconds (default 120 000). */
  readonly timeoutMs?: number;
  /** Retries after a 429 or 5xx (default 3). */
  readonly retries?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** The longest `Retry-After` honoured, in milliseconds (default 60 000); longer gives up. */
  readonly maxRetryAfterMs?: number;
}

/** The body sent for a request: what `--print-request` shows. */
export function requestBody(request: JudgeRequest, model: string, withSchema = true): Record<string, unknown> {
  return {
    model,
    temperature: 0,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(withSchema ? { response_format: { type: 'json_schema', json_schema: { name: 'whys_verdicts', strict: true, schema: request.schema } } } : {}),
  };
}

/** The endpoint URL for a base URL. */
export function completionsUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '') + '/chat/completions';
}

/** Counts what the transport did, for the summary line. */
export interface HttpJudgeStats {
  attempts: number;
  retries: number;
  schemaDropped: boolean;
}

/** An HTTP transport for `judgeAnalysis`. */
export function httpJudgeTransport(options: HttpJudgeOptions): JudgeTransport & { readonly stats: HttpJudgeStats } {
  const url = completionsUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const retries = options.retries ?? 3;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const gate = semaphore(Math.max(1, options.concurrency ?? 4));
  const stats: HttpJudgeStats = { attempts: 0, retries: 0, schemaDropped: false };
  let withSchema = true;
  let fatal: JudgeTransportError | undefined;

  /** One POST, its whole body read within the timeout. */
  const attempt = async (request: JudgeRequest, signal?: JudgeSignal): Promise<{ status: number; ok: boolean; retryAfter: string | null; body: string }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    const outer = signal as AbortSignal | undefined;
    const onAbort = () => controller.abort(new Error('cancelled'));
    outer?.addEventListener?.('abort', onAbort);
    stats.attempts++;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify(requestBody(request, options.model, withSchema)),
        signal: controller.signal,
      });
      return { status: response.status, ok: response.ok, retryAfter: response.headers.get('retry-after'), body: await response.text() };
    } catch (error) {
      if (controller.signal.aborted) {
        const why = (controller.signal.reason as Error | undefined)?.message;
        throw new JudgeTransportError(why === 'cancelled' ? 'cancelled' : `no reply from ${url} within ${formatSeconds(timeoutMs)}`, why === 'cancelled');
      }
      throw new JudgeTransportError(`cannot reach the model endpoint ${url}: ${networkReason(error)}`, true);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener?.('abort', onAbort);
    }
  };

  const sendOnce = async (request: JudgeRequest, signal?: JudgeSignal): Promise<string> => {
    for (let tries = 0; ; tries++) {
      if (fatal) throw fatal;
      const response = await attempt(request, signal);
      const status = response.status;
      const body = response.body;
      if (response.ok) return replyText(body, url);
      if (status === 400 && withSchema && /response_format|json_schema|schema/i.test(body)) {
        // The endpoint does not take a reply schema: ask without it (the reply is validated anyway).
        withSchema = false;
        stats.schemaDropped = true;
        tries--;
        continue;
      }
      if (status === 401 || status === 403) throw (fatal = new JudgeTransportError(`the model endpoint ${url} refused the key (HTTP ${status}): set WHYS_JUDGE_KEY or OPENAI_API_KEY${detail(body)}`, true));
      if (status === 404) throw (fatal = new JudgeTransportError(`the model endpoint ${url} answered 404: is the base URL right (it usually ends in /v1) and does the model “${options.model}” exist?${detail(body)}`, true));
      if (status === 429 || status >= 500) {
        const wait = retryAfter(response.retryAfter) ?? Math.min(1000 * 2 ** tries, 30_000);
        if (tries >= retries) throw new JudgeTransportError(`the model endpoint answered HTTP ${status} ${tries + 1} times${detail(body)}`);
        if (wait > maxRetryAfter) throw new JudgeTransportError(`the model endpoint answered HTTP ${status} and asks to wait ${formatSeconds(wait)}, longer than whys waits`);
        stats.retries++;
        await sleep(wait, signal as AbortSignal | undefined);
        continue;
      }
      throw new JudgeTransportError(`the model endpoint answered HTTP ${status}${detail(body)}`);
    }
  };

  return {
    stats,
    async send(request, signal) {
      return gate(() => sendOnce(request, signal));
    },
  };
}

/** The text of a chat completion's first choice. */
function replyText(raw: string, url: string): string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new JudgeTransportError(`${url} did not answer with a chat completion (not JSON)`);
  }
  const choice = (body as { choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[] }).choices?.[0];
  if (!choice?.message) throw new JudgeTransportError(`${url} did not answer with a chat completion (no choices[0].message)`);
  if (typeof choice.message.refusal === 'string' && choice.message.refusal) throw new JudgeTransportError('the model declined to review this analysis');
  const content = choice.message.content;
  if (typeof content !== 'string') throw new JudgeTransportError('the model sent no text');
  // A reply cut at the token limit is still passed on: the reply parser reports it as truncated.
  return content;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header.trim()) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new JudgeTransportError('cancelled', true));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener?.('abort', () => {
      clearTimeout(timer);
      reject(new JudgeTransportError('cancelled', true));
    });
  });
}

function semaphore(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'no such host';
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** A short, one-line excerpt of an error body (never the whole page). */
function detail(body: string): string {
  const text = body.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text ? `: ${text.length > 200 ? text.slice(0, 199) + '…' : text}` : '';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
