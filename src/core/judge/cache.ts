/**
 * The verdict cache: a step's verdicts keyed by a hash of what the model judged it by (prompt
 * version, model, question, answer, previous answer, root question), so an unchanged step is never
 * sent twice. The CLI's lockfile (`.whys/judge-cache.json`) and the extension's workspace storage
 * both implement {@link JudgeCache}; the lockfile's text format lives here so it is the same
 * everywhere.
 */
import { sha256Hex } from './hash';
import { JUDGE_PROMPT_VERSION, JUDGE_RULES, type JudgeField, type JudgeRule } from './prompt';
import type { JudgeStep } from './request';
import { plainText, MAX_EXPLANATION_LENGTH, MAX_SUGGESTION_LENGTH } from './text';

/** A verdict as stored: where in its step (field, and for a cause its index) and what. */
export interface StoredVerdict {
  readonly field: JudgeField;
  /** For `field: 'cause'`: the cause's index in its step, from 0. */
  readonly cause?: number;
  readonly rule: JudgeRule;
  readonly confidence: number;
  readonly explanation: string;
  readonly suggestion?: string;
}

/** A step's cached result: the model that judged it and its verdicts (none: judged sound). */
export interface JudgeCacheEntry {
  readonly model: string;
  /** The step's question, for a human reading the lockfile's diff (not used for lookups). */
  readonly question?: string;
  readonly verdicts: readonly StoredVerdict[];
}

/** Where verdicts are kept between runs. `set` may be asynchronous (VS Code's Memento). */
export interface JudgeCache {
  get(key: string): JudgeCacheEntry | undefined;
  set(key: string, entry: JudgeCacheEntry): void | Promise<void>;
}

/** The cache key of a step as judged by `model` under the current prompt. */
export function judgeCacheKey(step: Pick<JudgeStep, 'question' | 'answer' | 'previous' | 'rootQuestion'>, model: string, promptVersion: string = JUDGE_PROMPT_VERSION): string {
  return sha256Hex(JSON.stringify([promptVersion, model, step.rootQuestion, step.previous, step.question, step.answer]));
}

/** A cache in memory, sorted on output: the lockfile's contents. */
export class MemoryJudgeCache implements JudgeCache {
  private readonly entries = new Map<string, JudgeCacheEntry>();
  /** Whether `set` changed anything since the cache was made or read. */
  changed = false;

  get(key: string): JudgeCacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: JudgeCacheEntry): void {
    const before = this.entries.get(key);
    if (before && JSON.stringify(before) === JSON.stringify(entry)) return;
    this.entries.set(key, entry);
    this.changed = true;
  }

  /** Removes every entry whose key is not in `keys`; returns how many were removed. */
  retain(keys: ReadonlySet<string>): number {
    let removed = 0;
    for (const key of [...this.entries.keys()]) {
      if (keys.has(key)) continue;
      this.entries.delete(key);
      removed++;
    }
    if (removed > 0) this.changed = true;
    return removed;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The models named in the cache, sorted. */
  models(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.model))].sort();
  }

  /** Every entry, sorted by key. */
  list(): [string, JudgeCacheEntry][] {
    return [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** The lockfile format's version. */
export const JUDGE_LOCKFILE_VERSION = 1;

/**
 * The lockfile text: stable and diff-friendly (keys sorted, one entry per step, verdicts in field
 * order, two-space indent, final new line).
 */
export function writeJudgeLockfile(cache: MemoryJudgeCache): string {
  const entries: Record<string, unknown> = {};
  for (const [key, entry] of cache.list()) {
    entries[key] = {
      model: entry.model,
      ...(entry.question !== undefined ? { question: entry.question } : {}),
      verdicts: [...entry.verdicts].sort(compareStored).map((v) => ({
        field: v.field,
        ...(v.cause !== undefined ? { cause: v.cause } : {}),
        rule: v.rule,
        confidence: v.confidence,
        explanation: v.explanation,
        ...(v.suggestion ? { suggestion: v.suggestion } : {}),
      })),
    };
  }
  return JSON.stringify({ whysJudgeLockfile: JUDGE_LOCKFILE_VERSION, prompt: JUDGE_PROMPT_VERSION, entries }, null, 2) + '\n';
}

/**
 * Reads a lockfile. Entries that do not validate are left out and counted (a hand-edited
 * lockfile can only lose verdicts, never inject markup or unknown rules). Throws only on text
 * that is not a lockfile at all, with a message for the user.
 */
export function readJudgeLockfile(text: string): { cache: MemoryJudgeCache; skipped: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>).whysJudgeLockfile !== JUDGE_LOCKFILE_VERSION) {
    throw new Error(`not a whys judge lockfile of version ${JUDGE_LOCKFILE_VERSION}`);
  }
  const cache = new MemoryJudgeCache();
  let skipped = 0;
  const entries = (value as Record<string, unknown>).entries;
  if (typeof entries === 'object' && entries !== null) {
    for (const [key, raw] of Object.entries(entries as Record<string, unknown>)) {
      const entry = /^[0-9a-f]{64}$/.test(key) ? storedEntry(raw) : undefined;
      if (entry) cache.set(key, entry);
      else skipped++;
    }
  }
  cache.changed = false;
  return { cache, skipped };
}

function storedEntry(raw: unknown): JudgeCacheEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.model !== 'string' || !Array.isArray(r.verdicts)) return undefined;
  const verdicts: StoredVerdict[] = [];
  for (const v of r.verdicts as unknown[]) {
    const stored = storedVerdict(v);
    if (!stored) return undefined;
    verdicts.push(stored);
  }
  return { model: r.model, ...(typeof r.question === 'string' ? { question: r.question } : {}), verdicts };
}

function storedVerdict(raw: unknown): StoredVerdict | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const v = raw as Record<string, unknown>;
  const { field, rule, confidence, explanation, suggestion, cause } = v;
  if (field !== 'why' && field !== 'because' && field !== 'cause') return undefined;
  if (typeof rule !== 'string' || !Object.prototype.hasOwnProperty.call(JUDGE_RULES, rule)) return undefined;
  if (!(JUDGE_RULES[rule as JudgeRule] as readonly string[]).includes(field)) return undefined;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return undefined;
  if (typeof explanation !== 'string') return undefined;
  if (field === 'cause' && !(typeof cause === 'number' && Number.isInteger(cause) && cause >= 0)) return undefined;
  return {
    field,
    ...(field === 'cause' ? { cause: cause as number } : {}),
    rule: rule as JudgeRule,
    confidence,
    explanation: plainText(explanation, MAX_EXPLANATION_LENGTH),
    ...(typeof suggestion === 'string' && suggestion.trim() ? { suggestion: plainText(suggestion, MAX_SUGGESTION_LENGTH) } : {}),
  };
}

const FIELD_ORDER: Record<JudgeField, number> = { why: 0, because: 1, cause: 2 };

function compareStored(a: StoredVerdict, b: StoredVerdict): number {
  return FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || (a.cause ?? 0) - (b.cause ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
