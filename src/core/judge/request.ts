/**
 * Building the model review's requests: the analysis as a JSON document with stable step ids
 * (`r1.s4`, `r1.s3.c2.s1`), wrapped in the instruction, with the JSON schema of the reply and the
 * map from ids back to the scalars they name. Nothing here sends anything.
 */
import type { ParsedAnalysis } from '../parse';
import { allSteps, previousAnswer, type Analysis, type Cause, type Chain, type ModelPath, type Root, type Span, type Step } from '../model';
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

/** One request to the model: a whole analysis, or one root of a large one. */
export interface JudgeRequest {
  /** `analysis`, or the root's id (`r2`) when the file was split by root. */
  readonly id: string;
  readonly promptVersion: string;
  /** System instruction, then the user message ending with the fenced ```json analysis. */
  readonly messages: readonly JudgeMessage[];
  /** The JSON schema of the reply (for `response_format` / structured output). */
  readonly schema: Record<string, unknown>;
  /** Every scalar the reply may name, in file order. */
  readonly targets: readonly JudgeTarget[];
  /** Every step sent, in file order. */
  readonly steps: readonly JudgeStep[];
  /**
   * Steps whose own text looks like instructions to the model (it names step ids or asks to
   * ignore instructions). A verdict in this request on any other step is dropped, so such a step
   * cannot put a finding on another step.
   */
  readonly suspects: readonly string[];
}

/** Options for {@link buildJudgeRequests}. */
export interface JudgeRequestOptions {
  /** Above this many steps, one request per root (default 80). */
  readonly maxStepsPerRequest?: number;
}

/** The default number of steps above which a file is sent one root at a time. */
export const DEFAULT_MAX_STEPS_PER_REQUEST = 80;

interface JsonCause {
  id: string;
  cause?: string;
  steps?: JsonStep[];
}
interface JsonStep {
  id: string;
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
 * `maxStepsPerRequest` steps, one per root (a root is never cut). A file whose YAML does not
 * parse, or that has no step with a question, gives none.
 */
export function buildJudgeRequests(parsed: ParsedAnalysis, options: JudgeRequestOptions = {}): JudgeRequest[] {
  return [...judgeRequests(parsed, options)];
}

/**
 * The same requests, made one at a time as they are taken: a file of thousands of roots is
 * never collected at once, so a host can yield its thread between requests.
 */
export function* judgeRequests(parsed: ParsedAnalysis, options: JudgeRequestOptions = {}): Generator<JudgeRequest> {
  if (!parsed.wellFormed) return;
  const analysis = parsed.analysis;
  const total = allSteps(analysis).length;
  if (total === 0) return;
  const max = Math.max(1, options.maxStepsPerRequest ?? DEFAULT_MAX_STEPS_PER_REQUEST);
  if (total <= max) {
    yield requestOf('analysis', analysis.roots.map((root) => collectRoot(root, analysis)), analysis);
    return;
  }
  for (const root of analysis.roots) {
    const collected = collectRoot(root, analysis);
    if (collected.steps.length > 0) yield requestOf(collected.json.id, [collected], analysis);
  }
}

function requestOf(id: string, roots: readonly CollectedRoot[], analysis: Analysis): JudgeRequest {
  const document = { problem: analysis.problem?.text, roots: roots.map((r) => r.json) };
  const targets = roots.flatMap((r) => r.targets);
  return {
    id,
    promptVersion: JUDGE_PROMPT_VERSION,
    messages: [
      { role: 'system', content: JUDGE_INSTRUCTION },
      { role: 'user', content: userMessage(document, id !== 'analysis') },
    ],
    schema: replySchema(targets),
    targets,
    steps: roots.flatMap((r) => r.steps),
    suspects: roots.flatMap((r) => r.suspects),
  };
}

function userMessage(document: unknown, oneRoot: boolean): string {
  return [
    JUDGE_EXAMPLES,
    '',
    `Judge ${oneRoot ? 'this root of an analysis (the other roots are sent separately)' : 'this analysis'}. Reply with the JSON object only.`,
    '',
    '```json',
    // A backtick fence inside a string would not end the block in JSON, but keep it unambiguous.
    JSON.stringify(document, null, 2).replace(/```/g, '`\u200b``'),
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

function collectRoot(root: Root, analysis: Analysis): CollectedRoot {
  const rootId = `r${root.index + 1}`;
  const out: CollectedRoot = { json: { id: rootId, question: root.question?.text, perspective: root.perspective?.text, steps: [] }, targets: [], steps: [], suspects: [] };
  const rootQuestion = root.question?.text ?? '';
  const visitChain = (chain: Chain, prefix: string): JsonStep[] => chain.steps.map((step) => visitStep(step, `${prefix}.s${step.index + 1}`));
  const visitStep = (step: Step, id: string): JsonStep => {
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
    if (causes.length > 0) {
      json.causes = causes.map((cause, i) => {
        const c: JsonCause = { id: causeIds[i], cause: cause.cause?.text };
        if (cause.chain.steps.length > 0) c.steps = visitChain(cause.chain, causeIds[i]);
        return c;
      });
    }
    return json;
  };
  out.json.steps = visitChain(root.chain, rootId);
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
