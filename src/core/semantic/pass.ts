/**
 * The semantic pass (SPEC §2's offline tier that reads meaning): after the instant rules, embed
 * the analysis's texts with the shipped sentence model and run the semantic detectors. Async and
 * cancellable; the host runs it off its main thread and drops it when an edit overtakes it.
 * Findings carry `tier: 'semantic'`, take the rule's severity setting and `# whys-ignore`.
 */
import { severityOf } from '../check';
import type { CheckOptions, Finding, RuleCode } from '../findings';
import type { ParsedAnalysis } from '../parse';
import { ruleFor } from '../rules';
import { isSuppressed, suppressionsOf } from '../suppression';
import { score, type DetectorSetting, type DetectorWeights } from '../learned/detector';
import type { SentenceEncoder } from './encoder';
import { offTopicEvidence, offTopicMessage, OFF_TOPIC_FEATURES } from './offTopic';
import { semanticAnswers, textsOf } from './units';
import { MAX_FINDINGS_PER_RULE } from '../limits';

/** `whys.semantic` / `--semantic`: the detectors switched on in their data, all, none, or a list of rules. */
export type SemanticMode = 'default' | 'all' | 'off' | readonly string[];

/** The semantic detectors' data: weights and settings (the `on` switch decides `default`). */
export interface SemanticModels {
  readonly weights: ReadonlyMap<string, DetectorWeights>;
  readonly settings: Readonly<Record<string, DetectorSetting>>;
}

/** Reads a setting or flag into a mode; undefined when it is not one. */
export function parseSemanticMode(value: unknown): SemanticMode | undefined {
  if (value === 'default' || value === 'all' || value === 'off') return value;
  if (value === true || value === 'on') return 'default';
  if (value === false) return 'off';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (typeof value === 'string' && value.trim()) return value.split(',').map((s) => s.trim()).filter(Boolean);
  return undefined;
}

/** The detectors that run under a mode. */
export function activeSemanticDetectors(models: SemanticModels, mode: SemanticMode): string[] {
  return [...models.weights.keys()].filter((name) => {
    const setting = models.settings[name];
    if (!setting) return false;
    if (mode === 'off') return false;
    if (mode === 'all') return true;
    if (mode === 'default') return setting.on;
    return mode.includes(name) || mode.includes(models.weights.get(name)!.rule);
  });
}

/** A cooperative cancellation flag, checked between slices of work. */
export interface Cancellation {
  readonly cancelled: boolean;
}

/** Thrown when a pass is cancelled. */
export class PassCancelled extends Error {
  constructor() {
    super('the semantic pass was cancelled');
  }
}

/** Options of one pass. */
export interface SemanticPassOptions {
  readonly mode?: SemanticMode;
  /** Severities (a rule switched off there is not run). */
  readonly check?: CheckOptions;
  readonly cancel?: Cancellation;
  /** Called as texts are embedded: done and total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Texts embedded per slice (progress and cancellation are checked between slices). */
  readonly slice?: number;
  /** Awaited between slices, so a host can yield its thread (and hear a cancellation). */
  readonly between?: () => Promise<void>;
  /** Scalars another tier already flagged, `RULE@START`: one finding per scalar and rule. */
  readonly flagged?: ReadonlySet<string>;
}

/** One scored answer, for training, thresholds and evaluation. */
export interface SemanticScore {
  readonly detector: string;
  readonly rule: RuleCode;
  readonly start: number;
  readonly probability: number;
}

/** Embeds every text, in slices, honouring cancellation. */
async function embedAll(texts: readonly string[], encoder: SentenceEncoder, options: SemanticPassOptions): Promise<Map<string, Float32Array>> {
  const slice = Math.max(1, options.slice ?? 32);
  const vectors = new Map<string, Float32Array>();
  for (let i = 0; i < texts.length; i += slice) {
    if (i > 0 && options.between) await options.between();
    if (options.cancel?.cancelled) throw new PassCancelled();
    const part = texts.slice(i, i + slice);
    const out = await encoder.embed(part);
    part.forEach((t, j) => vectors.set(t, out[j]));
    options.onProgress?.(Math.min(i + slice, texts.length), texts.length);
  }
  if (options.cancel?.cancelled) throw new PassCancelled();
  return vectors;
}

/** The off-topic detector's features for every answer of a file (training and evaluation use this too). */
export async function offTopicRows(parsed: ParsedAnalysis, encoder: SentenceEncoder, options: SemanticPassOptions = {}) {
  const answers = semanticAnswers(parsed.analysis);
  const vectors = await embedAll(textsOf(answers), encoder, options);
  return answers.flatMap((answer) => {
    const evidence = offTopicEvidence(answer, vectors);
    return evidence ? [{ answer, evidence, dense: evidence.features as Readonly<Record<string, number>> }] : [];
  });
}

/** Every semantic detector's probability for every answer (no thresholds). */
export async function semanticScores(parsed: ParsedAnalysis, encoder: SentenceEncoder, models: SemanticModels, options: SemanticPassOptions = {}): Promise<SemanticScore[]> {
  const weights = models.weights.get('off-topic');
  if (!weights || !parsed.wellFormed) return [];
  const rows = await offTopicRows(parsed, encoder, options);
  return rows.map((r) => ({ detector: 'off-topic', rule: 'off-topic', start: r.answer.value.span.start, probability: score(weights, r.dense) }));
}

/**
 * The semantic findings of an analysis under the options: each active detector flags answers at
 * or above its threshold, with a message that says what the answer is closer to.
 */
export async function semanticPass(parsed: ParsedAnalysis, encoder: SentenceEncoder, models: SemanticModels, options: SemanticPassOptions = {}): Promise<Finding[]> {
  if (!parsed.wellFormed) return [];
  const active = activeSemanticDetectors(models, options.mode ?? 'default');
  const rule = ruleFor('off-topic');
  if (!active.includes('off-topic') || !rule) return [];
  const severity = severityOf(rule, options.check ?? {});
  if (!severity) return [];
  const weights = models.weights.get('off-topic')!;
  const threshold = models.settings['off-topic'].threshold;
  const rows = await offTopicRows(parsed, encoder, options);
  const suppressions = suppressionsOf(parsed.text, parsed.analysis, parsed.comments);
  const findings: Finding[] = [];
  for (const row of rows) {
    const start = row.answer.value.span.start;
    if (options.flagged?.has(`off-topic@${start}`)) continue;
    const probability = score(weights, row.dense);
    if (probability < threshold) continue;
    const finding: Finding = {
      rule: 'off-topic',
      severity,
      tier: 'semantic',
      span: row.answer.value.span,
      path: row.answer.step.path,
      message: offTopicMessage(row.evidence, probability),
      data: { evidence: row.evidence.closer ? [row.evidence.closer.text] : [] },
    };
    if (!isSuppressed(finding, suppressions)) findings.push(finding);
    if (findings.length >= MAX_FINDINGS_PER_RULE) break;
  }
  return findings;
}

/** Checks that a weights file has what the off-topic detector computes. */
export function validSemanticWeights(weights: DetectorWeights): boolean {
  return weights.features.length === OFF_TOPIC_FEATURES.length && weights.features.every((f, i) => f === OFF_TOPIC_FEATURES[i]);
}
