/**
 * The model review (issue 10, SPEC §6): a language model the user already has judges every
 * question and answer of an analysis, as a second, opt-in tier beside the offline rules. This
 * module is pure (no VS Code, no Node API): it builds what is sent, validates what comes back,
 * caches verdicts and merges them into the findings. The transports are thin adapters outside:
 * HTTP `/chat/completions` in `src/cli/`, `vscode.lm` in `src/extension/`.
 *
 * The API, in the order a host uses it:
 *
 * 1. `buildJudgeRequests(parsed, { maxStepsPerRequest? }) → JudgeRequest[]`: one request per
 *    analysis, or one per root when the file has more than `maxStepsPerRequest` (80) steps, and
 *    a root of more steps than that in parts of at most that many (`partsOf`; each part carries,
 *    marked `"context": true`, the answer its first step asks about and what it is nested
 *    under; `judgeRequests` makes them one at a time as they are taken). A
 *    request has `messages` (a `system` instruction, then a `user` message that ends with the
 *    analysis as a fenced ```json block), the reply's JSON `schema` (for `response_format` /
 *    structured output), the `targets` (id + field → span and model path of every `why`,
 *    `because` and cause; ids are step paths `r1.s4`, causes `r1.s3.c2`, nested `r1.s3.c2.s1`),
 *    the `steps` (what each step's cache key is made of) and `suspects` (steps whose text reads
 *    like instructions to the model). A host that has no system role (`vscode.lm`) sends the
 *    system message as the first user message.
 * 2. A `JudgeTransport` `{ send(request, signal?) → Promise<string> }` returns the reply's text;
 *    it throws `JudgeTransportError(message, fatal)` (fatal: bad key, unreachable, no
 *    permission: the remaining requests are not sent).
 * 3. `parseJudgeReply(request, text) → { verdicts, dropped: {reason, count}[], error? }`: strict
 *    validation; a verdict with an unknown id, field, rule or key, or a confidence outside 0..1,
 *    is dropped and counted; a reply that is not JSON, is cut off, or names no step sent is an
 *    `error`. Never throws. Model text comes out as plain text on one line, capped.
 * 4. `judgeAnalysis(parsed, { model, transport?, cache?, signal?, ... }) → JudgeOutcome` does
 *    1–3 with the cache: steps whose key is cached are not sent, new verdicts are stored; with no
 *    transport it answers from the cache only and counts `notJudged` steps (`--judge=cached`).
 *    `reviewed` lists the model paths of the steps the model judged (now or cached): a rule's
 *    finding on such a step with no model verdict for it is one the model disagrees with.
 * 5. `mergeJudgeVerdicts(parsed, findings, verdicts, { model, minConfidence = 0.7, check? })
 *    → Finding[]`: each verdict at or above `minConfidence` becomes a finding with the rule's
 *    code on the scalar's span, `tier: 'model'`, `judge: { model, confidence, explanation,
 *    suggestion? }` and a message starting `(model)`; where the offline tier already flagged
 *    the same scalar with the same rule, that finding keeps its message, gains
 *    `(model) agrees: …` and the `judge`. `# whys-ignore` comments and rule severities apply.
 * 6. `judgeCacheKey(step, model)`: SHA-256 (pure JS) of prompt version, model, root question,
 *    previous answer, question and answer. `JudgeCache { get(key), set(key, entry) }` is what
 *    the CLI lockfile (`MemoryJudgeCache` + `readJudgeLockfile` / `writeJudgeLockfile`) and the
 *    extension's workspace-storage cache implement.
 *
 * The request and reply formats are documented for users in docs/model-review.md.
 */
export { JUDGE_PROMPT_VERSION, JUDGE_RULES, JUDGE_INSTRUCTION, JUDGE_EXAMPLES, type JudgeRule, type JudgeField } from './prompt';
export { buildJudgeRequests, judgeRequests, partsOf, looksLikeInstructions, DEFAULT_MAX_STEPS_PER_REQUEST, type JudgeRequest, type JudgeRequestOptions, type JudgeMessage, type JudgeTarget, type JudgeStep } from './request';
export { parseJudgeReply, type ModelVerdict, type JudgeReply, type DroppedVerdicts } from './reply';
export { mergeJudgeVerdicts, DEFAULT_MIN_CONFIDENCE, MODEL_PREFIX, type MergeOptions } from './merge';
export { judgeCacheKey, MemoryJudgeCache, readJudgeLockfile, writeJudgeLockfile, JUDGE_LOCKFILE_VERSION, type JudgeCache, type JudgeCacheEntry, type StoredVerdict } from './cache';
export { judgeAnalysis, pool, JudgeTransportError, type JudgeTransport, type JudgeSignal, type JudgeRunOptions, type JudgeOutcome, type JudgeRequestError } from './review';
export { plainText, MAX_EXPLANATION_LENGTH, MAX_SUGGESTION_LENGTH } from './text';
export { sha256Hex } from './hash';
