/**
 * Reading the model's reply: strict validation of `{"verdicts": [...]}` against the request it
 * answers. A verdict naming an id, field or rule that was not asked for, or with a confidence
 * outside 0..1, is dropped and counted; a reply that is not JSON, is cut off, or names none of
 * the steps sent is an error for that request. Never throws.
 */
import type { ModelPath, Span } from '../model';
import { JUDGE_RULES, type JudgeField, type JudgeRule } from './prompt';
import type { JudgeRequest, JudgeTarget } from './request';
import { plainText, MAX_EXPLANATION_LENGTH, MAX_SUGGESTION_LENGTH } from './text';

/** A validated verdict, placed on the scalar its id and field name in the request. */
export interface ModelVerdict {
  readonly id: string;
  readonly field: JudgeField;
  readonly rule: JudgeRule;
  /** 0..1. */
  readonly confidence: number;
  /** Plain text, capped at {@link MAX_EXPLANATION_LENGTH}. */
  readonly explanation: string;
  /** Plain text, capped at {@link MAX_SUGGESTION_LENGTH}; absent when the model gave none. */
  readonly suggestion?: string;
  /** The scalar's range, taken from the request, never from the reply. */
  readonly span: Span;
  /** The model path of the step or cause. */
  readonly path: ModelPath;
  /** The step whose cache entry holds this verdict. */
  readonly stepId: string;
  readonly causeIndex?: number;
}

/** Why verdicts were dropped, and how many for each reason. */
export interface DroppedVerdicts {
  readonly reason: string;
  readonly count: number;
}

/** What a reply gave: the valid verdicts, what was dropped, or an error for the whole request. */
export interface JudgeReply {
  readonly verdicts: ModelVerdict[];
  readonly dropped: DroppedVerdicts[];
  /** Set when the reply as a whole could not be used; `verdicts` is then empty. */
  readonly error?: string;
}

const KEYS = new Set(['id', 'field', 'rule', 'confidence', 'explanation', 'suggestion']);

/** Parses and validates a reply to `request`. Never throws. */
export function parseJudgeReply(request: JudgeRequest, text: string): JudgeReply {
  const fail = (error: string): JudgeReply => ({ verdicts: [], dropped: [], error });
  if (typeof text !== 'string' || text.trim() === '') return fail('the model sent an empty reply');
  const body = unfenced(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const open = (body.match(/[{[]/g) ?? []).length;
    const close = (body.match(/[}\]]/g) ?? []).length;
    return fail(open > close ? 'the reply was cut off before its JSON ended (truncated)' : `the reply is not JSON: “${plainText(text, 80)}”`);
  }
  if (!isObject(value) || !Array.isArray(value.verdicts)) return fail('the reply is JSON but has no "verdicts" list');
  const extra = Object.keys(value).filter((k) => k !== 'verdicts');
  const targets = new Map<string, JudgeTarget>(request.targets.map((t) => [`${t.id}\u0000${t.field}`, t]));
  const ids = new Set(request.targets.map((t) => t.id));
  const suspects = new Set(request.suspects);
  const dropped = new Map<string, number>();
  const drop = (reason: string): void => void dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
  if (extra.length > 0) drop(`unknown top-level key (${extra.slice(0, 3).map((k) => plainText(k, 20)).join(', ')})`);
  const verdicts: ModelVerdict[] = [];
  const seen = new Set<string>();
  let namedKnownStep = false;
  for (const raw of value.verdicts as unknown[]) {
    if (!isObject(raw)) {
      drop('not an object');
      continue;
    }
    const { id, field, rule, confidence, explanation, suggestion } = raw;
    if (typeof id !== 'string' || !ids.has(id)) {
      drop('unknown id');
      continue;
    }
    namedKnownStep = true;
    if (Object.keys(raw).some((k) => !KEYS.has(k))) {
      drop('unknown key in a verdict');
      continue;
    }
    if (field !== 'why' && field !== 'because' && field !== 'cause') {
      drop('unknown field');
      continue;
    }
    const target = targets.get(`${id}\u0000${field}`);
    if (!target) {
      drop('field not in that step');
      continue;
    }
    if (typeof rule !== 'string' || !Object.prototype.hasOwnProperty.call(JUDGE_RULES, rule)) {
      drop('unknown rule');
      continue;
    }
    if (!(JUDGE_RULES[rule as JudgeRule] as readonly string[]).includes(field === 'cause' ? 'cause' : field)) {
      drop('rule does not apply to that field');
      continue;
    }
    if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
      drop('confidence outside 0..1');
      continue;
    }
    if (typeof explanation !== 'string' || explanation.trim() === '') {
      drop('no explanation');
      continue;
    }
    if (suggestion !== undefined && suggestion !== null && typeof suggestion !== 'string') {
      drop('suggestion not text');
      continue;
    }
    if (suspects.size > 0 && !suspects.has(target.stepId)) {
      drop('another step of this request reads like instructions to the model (possible prompt injection)');
      continue;
    }
    const key = `${id}\u0000${field}\u0000${rule}`;
    if (seen.has(key)) {
      drop('duplicate');
      continue;
    }
    seen.add(key);
    const cleanSuggestion = typeof suggestion === 'string' ? plainText(suggestion, MAX_SUGGESTION_LENGTH) : '';
    verdicts.push({
      id,
      field,
      rule: rule as JudgeRule,
      confidence,
      explanation: plainText(explanation, MAX_EXPLANATION_LENGTH),
      ...(cleanSuggestion ? { suggestion: cleanSuggestion } : {}),
      span: target.span,
      path: target.path,
      stepId: target.stepId,
      ...(target.causeIndex !== undefined ? { causeIndex: target.causeIndex } : {}),
    });
  }
  const droppedList = [...dropped].map(([reason, count]) => ({ reason, count }));
  if ((value.verdicts as unknown[]).length > 0 && !namedKnownStep) {
    return { verdicts: [], dropped: droppedList, error: 'the reply names none of the steps sent' };
  }
  return { verdicts, dropped: droppedList };
}

/**
 * The JSON inside a reply: the whole text, the body of its fenced block, or the object that prose
 * surrounds; a reasoning model's `<think>…</think>` preamble is skipped.
 */
function unfenced(text: string): string {
  const trimmed = text.replace(/^\s*<think>[\s\S]*?<\/think>/i, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return trimmed;
  const fence = /```[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?```/.exec(trimmed);
  if (fence) return fence[1].trim();
  // An opening fence with no end: the reply was cut off.
  const open = /```[a-zA-Z]*[ \t]*\r?\n([\s\S]*)$/.exec(trimmed);
  if (open) return open[1].trim();
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  return first >= 0 && last > first ? trimmed.slice(first, last + 1) : first >= 0 ? trimmed.slice(first) : trimmed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
