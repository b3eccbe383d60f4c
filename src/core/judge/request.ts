/**
 * Building the model review's requests: the analysis as a JSON document with stable step ids
 * (`r1.s4`, `r1.s3.c2.s1`), wrapped in the instruction, with the JSON schema of the reply and the
 * map from ids back to the scalars they name. Nothing here sends anything.
 */
import type { ParsedAnalysis } from '../parse';
import { previousAnswer, type Analysis, type Cause, type Chain, type ModelPath, type Root, type Span, type Step } from '../model';
import { JUDGE_EXAMPLES, JUDGE_INSTRUCTION, JUDGE_PROMPT_VERSION, JUDGE_RULES, type JudgeField } from './prompt';

/** One chat message, in the roles every chat API knows. */
export interface JudgeMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** A scalar the model may give a verdict on: a step's `why` or `because`, or a cause. */
export interface JudgeTarget {
  /** The id sent to the model: a step (`r1.s3`) for why/because, a cause (`r1.s3.c2`) for cause. */
  readonly id: string;
  readonly field: JudgeField;
  /** Where the scalar stands in the file: the only place a verdict on it can land. */
  readonly span: Span;
  /** The model path of the step or cause. */
  readonly path: ModelPath;
  /** The scalar's text as sent. */
  readonly text: string;
  /** The id of the step whose cache entry holds verdicts on this scalar. */
  readonly stepId: string;
  /** For a cause: its position in its step's list, from 0. */
  readonly causeIndex?: number;
}

/** A judged step: what its cache key is made of. */
export interface JudgeStep {
  readonly id: string;
  readonly path: ModelPath;
  readonly question: string;
  /** The answer as sent: the `because` text, or the causes joined by new lines. */
  readonly answer: string;
  /** The previous answer (or the cause, problem or framing question the chain starts from). */
  readonly previous: string;
  readonly rootQuestion: string;
}

/** One request to the model: a whole analysis, one root of a large one, or a part of a huge root. */
export interface JudgeRequest {
  /**
   * `analysis`; the root's id (`r2`) when the file was split by root; `r2 part 3` for a part of
   * a root of more than `maxStepsPerRequest` steps.
   */
  readonly id: string;
  readonly promptVersion: string;
  /** System instruction, then the user message ending with the fenced ```json analysis. */
  readonly messages: readonly JudgeMessage[];
  /** The JSON schema of the reply (for `response_format` / structured output). */
  readonly schema: Record<string, unknown>;
  /** Every scalar the reply may name, in file order. */
  readonly targets: readonly JudgeTarget[];
  /** Every step sent to be judged, in file order (a part's context entries are not among them). */
  readonly steps: readonly JudgeStep[];
  /**
   * Steps whose own text looks like instructions to the model (it names step ids or asks to
   * ignore instructions), and context entries of a part whose text does. A verdict in this
   * request on any other step is dropped, so such a text cannot put a finding on another step.
   */
  readonly suspects: readonly string[];
}

/** Options for {@link buildJudgeRequests}. */
export interface JudgeRequestOptions {
  /** Above this many steps, one request per root, and a root above it in parts (default 80). */
  readonly maxStepsPerRequest?: number;
}

/** The default number of steps above which a file is sent one root at a time. */
export const DEFAULT_MAX_STEPS_PER_REQUEST = 80;

interface JsonCause {
  id: string;
  /** Set on what a part shows only so its steps can be judged: judged in another request. */
  context?: true;
  cause?: string;
  steps?: JsonStep[];
}
interface JsonStep {
  id: string;
  context?: true;
  why?: string;
  because?: string;
  causes?: JsonCause[];
}
interface JsonRoot {
  id: string;
  question?: string;
  perspective?: string;
  steps: JsonStep[];
}

/**
 * The requests for an analysis: one for the whole file, or, when it has more than
 * `maxStepsPerRequest` steps, one per root; a root of more steps than that is sent in parts (see
 * {@link partsOf}). A file whose YAML does not parse, or that has no step with a question,
 * gives none.
 */
export function buildJudgeRequests(parsed: ParsedAnalysis, options: JudgeRequestOptions = {}): JudgeRequest[] {
  return [...judgeRequests(parsed, options)];
}

/**
 * The same requests, made one at a time as they are taken: a file of thousands of roots, or one
 * root of thousands of steps, is never collected at once, so a host can yield its thread between
 * requests.
 */
export function* judgeRequests(parsed: ParsedAnalysis, options: JudgeRequestOptions = {}): Generator<JudgeRequest> {
  if (!parsed.wellFormed) return;
  const analysis = parsed.analysis;
  const max = Math.max(1, Math.floor(options.maxStepsPerRequest ?? DEFAULT_MAX_STEPS_PER_REQUEST));
  let total = 0;
  for (const root of analysis.roots) if ((total += stepsUpTo(root.chain, max - total)) > max) break;
  if (total === 0) return;
  if (total <= max) {
    yield requestOf('analysis', analysis.roots.map((root) => collectRoot(root, analysis)), analysis, 'this analysis');
    return;
  }
  for (const root of analysis.roots) {
    const steps = stepsUpTo(root.chain, max);
    if (steps === 0) continue;
    const rootId = `r${root.index + 1}`;
    if (steps <= max) {
      yield requestOf(rootId, [collectRoot(root, analysis)], analysis, 'this root of an analysis (the other roots are sent separately)');
      continue;
    }
    // Made one part at a time as they are taken: the parts of a root of 70,000 steps are never all in hand.
    const ids = new StepIds();
    let n = 0;
    for (const part of partsOf(root.chain, max)) {
      n++;
      const what = `part ${n} of one root of an analysis (the root is sent in parts; its other parts, and the other roots, are sent separately; an entry marked "context": true is judged in another part and is shown only so that the steps after it can be judged: give it no verdict)`;
      yield requestOf(`${rootId} part ${n}`, [collectPart(root, part, analysis, ids)], analysis, what);
    }
  }
}

/** The steps of a chain and everything nested under them, counted up to `cap` (past it: `cap + 1`). */
function stepsUpTo(chain: Chain, cap: number): number {
  let count = 0;
  for (const step of chain.steps) {
    if (count > cap) break;
    count++;
    for (const cause of step.causes ?? []) {
      if (count > cap) break;
      count += stepsUpTo(cause.chain, cap - count);
    }
  }
  return Math.min(count, cap + 1);
}

/**
 * A chain cut into parts of at most `max` steps, every step in exactly one part, in file order
 * (steps under a cause come right after the step that has it): a part takes whole steps with
 * everything nested under them while they fit; a step whose nested causes alone hold more than
 * `max` steps is cut inside them, at any depth. One part when the chain holds at most `max`
 * steps; none when it holds none. Made as they are taken, each in time proportional to its size.
 */
export function* partsOf(chain: Chain, max: number): Generator<Step[]> {
  const limit = Math.max(1, Math.floor(max));
  let current: Step[] = [];
  const whole = (step: Step): void => {
    current.push(step);
    for (const cause of step.causes ?? []) for (const nested of cause.chain.steps) whole(nested);
  };
  function* pack(c: Chain): Generator<Step[]> {
    for (const step of c.steps) {
      const size = 1 + (step.causes ?? []).reduce((sum, cause) => (sum > limit ? sum : sum + stepsUpTo(cause.chain, limit - sum)), 0);
      if (current.length + size <= limit) whole(step);
      else if (size <= limit) {
        yield current;
        current = [];
        whole(step);
      } else {
        // Bigger than a part: the step, then its causes' chains, cut where they must be.
        if (current.length + 1 > limit) {
          yield current;
          current = [];
        }
        current.push(step);
        for (const cause of step.causes ?? []) yield* pack(cause.chain);
      }
    }
  }
  yield* pack(chain);
  if (current.length > 0) yield current;
}

function requestOf(id: string, roots: readonly CollectedRoot[], analysis: Analysis, what: string): JudgeRequest {
  const document = { problem: analysis.problem?.text, roots: roots.map((r) => r.json) };
  const targets = roots.flatMap((r) => r.targets);
  return {
    id,
    promptVersion: JUDGE_PROMPT_VERSION,
    messages: [
      { role: 'system', content: JUDGE_INSTRUCTION },
      { role: 'user', content: userMessage(document, what) },
    ],
    schema: replySchema(targets),
    targets,
    steps: roots.flatMap((r) => r.steps),
    suspects: roots.flatMap((r) => r.suspects),
  };
}

/** The widest indentation of the JSON sent: a step two levels of causes deep still reads as indented. */
const MAX_INDENT = 32;
const INDENT_BEYOND_MAX = new RegExp(`^ {${MAX_INDENT + 1},}`, 'gm');

function userMessage(document: unknown, what: string): string {
  return [
    JUDGE_EXAMPLES,
    '',
    `Judge ${what}. Reply with the JSON object only.`,
    '',
    '```json',
    // A backtick fence inside a string would not end the block in JSON, but keep it unambiguous.
    // Indentation stops growing past MAX_INDENT (a line starts with white space only where the
    // JSON does: a string's new lines are escaped), so a root nested 100 deep is not sent as
    // mostly spaces; deeper levels read by their brackets.
    JSON.stringify(document, null, 2).replace(INDENT_BEYOND_MAX, ' '.repeat(MAX_INDENT)).replace(/```/g, '`\u200b``'),
    '```',
  ].join('\n');
}

/** The JSON schema of a reply to a request with these targets. */
function replySchema(targets: readonly JudgeTarget[]): Record<string, unknown> {
  const ids = [...new Set(targets.map((t) => t.id))];
  return {
    type: 'object',
    properties: {
      verdicts: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', enum: ids },
            field: { type: 'string', enum: ['why', 'because', 'cause'] },
            rule: { type: 'string', enum: Object.keys(JUDGE_RULES) },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            explanation: { type: 'string' },
            suggestion: { type: 'string' },
          },
          required: ['id', 'field', 'rule', 'confidence', 'explanation', 'suggestion'],
          additionalProperties: false,
        },
      },
    },
    required: ['verdicts'],
    additionalProperties: false,
  };
}

interface CollectedRoot {
  json: JsonRoot;
  targets: JudgeTarget[];
  steps: JudgeStep[];
  suspects: string[];
}

function emptyRoot(root: Root): CollectedRoot {
  return { json: { id: `r${root.index + 1}`, question: root.question?.text, perspective: root.perspective?.text, steps: [] }, targets: [], steps: [], suspects: [] };
}

/**
 * A step to judge, as sent: its question, and its answer or its causes (without their steps);
 * its targets, what its cache key is made of and whether it reads like instructions go to `out`.
 */
function judgedStep(step: Step, id: string, analysis: Analysis, rootQuestion: string, out: CollectedRoot): JsonStep {
  const json: JsonStep = { id, why: step.why?.text };
  if (step.why) out.targets.push({ id, field: 'why', span: step.why.span, path: step.path, text: step.why.text, stepId: id });
  if (step.because) {
    json.because = step.because.text;
    out.targets.push({ id, field: 'because', span: step.because.span, path: step.path, text: step.because.text, stepId: id });
  }
  const causes: Cause[] = [...(step.causes ?? [])];
  const causeIds = causes.map((cause) => `${id}.c${cause.index + 1}`);
  causes.forEach((cause, i) => {
    if (cause.cause) out.targets.push({ id: causeIds[i], field: 'cause', span: cause.cause.span, path: cause.path, text: cause.cause.text, stepId: id, causeIndex: cause.index });
  });
  const answer = step.because?.text ?? causes.map((c) => c.cause?.text ?? '').join('\n');
  out.steps.push({ id, path: step.path, question: step.why?.text ?? '', answer, previous: previousAnswer(step, analysis)?.text ?? '', rootQuestion });
  if (looksLikeInstructions(`${step.why?.text ?? ''}\n${answer}`)) out.suspects.push(id);
  if (causes.length > 0) json.causes = causes.map((cause, i) => ({ id: causeIds[i], cause: cause.cause?.text }));
  return json;
}

function collectRoot(root: Root, analysis: Analysis): CollectedRoot {
  const out = emptyRoot(root);
  const rootQuestion = root.question?.text ?? '';
  const visitChain = (chain: Chain, prefix: string): JsonStep[] =>
    chain.steps.map((step) => {
      const json = judgedStep(step, `${prefix}.s${step.index + 1}`, analysis, rootQuestion, out);
      json.causes?.forEach((c, i) => {
        const nested = step.causes![i].chain;
        if (nested.steps.length > 0) c.steps = visitChain(nested, c.id);
      });
      return json;
    });
  out.json.steps = visitChain(root.chain, out.json.id);
  return out;
}

/** The ids sent for steps and causes (`r1.s3`, `r1.s3.c2`, `r1.s3.c2.s1`), remembered per root. */
class StepIds {
  private readonly chains = new Map<Chain, string>();

  chain(chain: Chain): string {
    let id = this.chains.get(chain);
    if (id === undefined) {
      const owner = chain.owner;
      id = owner.kind === 'root' ? `r${owner.index + 1}` : this.cause(owner);
      this.chains.set(chain, id);
    }
    return id;
  }

  step(step: Step): string {
    return `${this.chain(step.chain)}.s${step.index + 1}`;
  }

  cause(cause: Cause): string {
    return `${this.step(cause.step)}.c${cause.index + 1}`;
  }
}

/**
 * One part of a root, self-contained: the root's framing question and perspective, the part's
 * steps where they stand in the root, and, marked `"context": true`, what its steps need and
 * another part judges: the steps and causes they are nested under, and the step before the
 * first step of each run of a chain (the answer its question asks about).
 */
function collectPart(root: Root, steps: readonly Step[], analysis: Analysis, ids: StepIds): CollectedRoot {
  const out = emptyRoot(root);
  const rootQuestion = root.question?.text ?? '';
  const arrays = new Map<Chain, JsonStep[]>();
  const stepJson = new Map<Step, JsonStep>();
  const causeJson = new Map<Cause, JsonCause>();
  const suspect = (id: string, text: string): void => {
    if (looksLikeInstructions(text)) out.suspects.push(id);
  };
  const arrayOf = (chain: Chain): JsonStep[] => {
    let array = arrays.get(chain);
    if (!array) {
      const owner = chain.owner;
      array = owner.kind === 'root' ? out.json.steps : (causeOf(owner).steps = []);
      arrays.set(chain, array);
    }
    return array;
  };
  // A cause whose step is not in the part (a step in it has its causes already): context.
  const causeOf = (cause: Cause): JsonCause => {
    let json = causeJson.get(cause);
    if (!json) {
      const owner = contextStep(cause.step);
      json = { id: ids.cause(cause), context: true, cause: cause.cause?.text };
      (owner.causes ??= []).push(json);
      causeJson.set(cause, json);
      suspect(json.id, cause.cause?.text ?? '');
    }
    return json;
  };
  // A step the part's steps are nested under: its question, and (through causeOf) the cause they continue.
  const contextStep = (step: Step): JsonStep => {
    let json = stepJson.get(step);
    if (!json) {
      json = { id: ids.step(step), context: true, why: step.why?.text };
      arrayOf(step.chain).push(json);
      stepJson.set(step, json);
      suspect(json.id, step.why?.text ?? '');
    }
    return json;
  };
  // The step before a run's first step: the answer that step's question asks about.
  const before = (step: Step): JsonStep => {
    const json: JsonStep = { id: ids.step(step), context: true };
    if (step.because) json.because = step.because.text;
    else if (step.causes && step.causes.length > 0) json.causes = step.causes.map((cause) => ({ id: `${json.id}.c${cause.index + 1}`, context: true, cause: cause.cause?.text }));
    suspect(json.id, step.because?.text ?? (step.causes ?? []).map((c) => c.cause?.text ?? '').join('\n'));
    return json;
  };
  for (const step of steps) {
    const array = arrayOf(step.chain);
    if (array.length === 0 && step.index > 0) array.push(before(step.chain.steps[step.index - 1]));
    const json = judgedStep(step, ids.step(step), analysis, rootQuestion, out);
    array.push(json);
    stepJson.set(step, json);
    step.causes?.forEach((cause, i) => causeJson.set(cause, json.causes![i]));
  }
  return out;
}

/**
 * Whether a step's text reads like instructions to the model rather than an answer: it names a
 * step id, speaks the reply's vocabulary, or asks to ignore or override instructions.
 */
export function looksLikeInstructions(text: string): boolean {
  return (
    /\br\d+\.[sc]\d+\b/i.test(text) ||
    /\b(verdicts?|confidence)\b\s*["':=]/i.test(text) ||
    /\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(instructions?|prompts?|system message)\b/i.test(text) ||
    /\b(ignore|disregard|forget)\s+(all|any|everything)\s+(previous|prior|above|earlier)\b/i.test(text) ||
    /\b(system prompt|you are now|as an ai|assistant:)/i.test(text)
  );
}
