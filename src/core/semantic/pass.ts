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
import { questionTextsOf, semanticAnswers, semanticQuestions, textsOf } from './units';
import { chainBreakEvidence, chainBreakMessage, CHAIN_BREAK_FEATURES } from './chainBreak';
import { circularEvidence, circularMessage, CIRCULAR_FEATURES } from './circular';
import type { TextValue } from '../model';
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

/** One judged scalar of a detector: its features, and its message for a probability. */
export interface SemanticRow {
  readonly detector: SemanticDetectorName;
  readonly rule: RuleCode;
  readonly value: TextValue;
  readonly path: string;
  readonly dense: Readonly<Record<string, number>>;
  readonly evidence: readonly string[];
  message(probability: number): string;
}

/** The semantic detectors, in the order they run. */
export const SEMANTIC_DETECTORS = ['off-topic', 'chain-break', 'circular'] as const;
export type SemanticDetectorName = (typeof SEMANTIC_DETECTORS)[number];

/** The feature names of each detector, in weights-file order. */
export const SEMANTIC_FEATURES: Readonly<Record<SemanticDetectorName, readonly string[]>> = {
  'off-topic': OFF_TOPIC_FEATURES,
  'chain-break': CHAIN_BREAK_FEATURES,
  circular: CIRCULAR_FEATURES,
};

/** The rows of the named detectors for a file, every text embedded once (training and evaluation use this too). */
export async function semanticRows(parsed: ParsedAnalysis, encoder: SentenceEncoder, detectors: readonly string[], options: SemanticPassOptions = {}): Promise<SemanticRow[]> {
  const answers = detectors.includes('off-topic') ? semanticAnswers(parsed.analysis) : [];
  const questions = detectors.includes('chain-break') ? semanticQuestions(parsed.analysis) : [];
  const circularAnswers = detectors.includes('circular') ? (detectors.includes('off-topic') ? answers : semanticAnswers(parsed.analysis)) : [];
  const vectors = await embedAll([...new Set([...textsOf(answers), ...questionTextsOf(questions), ...textsOf(circularAnswers)])], encoder, options);
  const rows: SemanticRow[] = [];
  const add = (detector: SemanticDetectorName, value: TextValue, path: string, features: Readonly<Record<string, number>>, evidence: readonly string[], message: (p: number) => string): void => {
    rows.push({ detector, rule: detector, value, path, dense: features, evidence, message });
  };
  for (const answer of answers) {
    const evidence = offTopicEvidence(answer, vectors);
    if (evidence) add('off-topic', answer.value, answer.step.path, evidence.features, evidence.closer ? [evidence.closer.text] : [], (p) => offTopicMessage(evidence, p));
  }
  for (const question of questions) {
    const evidence = chainBreakEvidence(question, vectors);
    if (evidence) add('chain-break', question.value, question.step.path, evidence.features, evidence.closer ? [evidence.closer.text] : [], (p) => chainBreakMessage(evidence, p));
  }
  for (const answer of circularAnswers) {
    const evidence = circularEvidence(answer, vectors);
    if (evidence) add('circular', answer.value, answer.step.path, evidence.features, evidence.previous ? [evidence.previous.text] : [], (p) => circularMessage(evidence, p));
  }
  return rows;
}

/** The off-topic detector's rows (kept for callers that judge answers only). */
export async function offTopicRows(parsed: ParsedAnalysis, encoder: SentenceEncoder, options: SemanticPassOptions = {}): Promise<SemanticRow[]> {
  return semanticRows(parsed, encoder, ['off-topic'], options);
}

/** Every semantic detector's probability for every scalar it judges (no thresholds). */
export async function semanticScores(parsed: ParsedAnalysis, encoder: SentenceEncoder, models: SemanticModels, options: SemanticPassOptions = {}): Promise<SemanticScore[]> {
  if (!parsed.wellFormed) return [];
  const names = SEMANTIC_DETECTORS.filter((d) => models.weights.has(d));
  const rows = await semanticRows(parsed, encoder, names, options);
  return rows.map((r) => ({ detector: r.detector, rule: r.rule, start: r.value.span.start, probability: score(models.weights.get(r.detector)!, r.dense) }));
}

/**
 * The semantic findings of an analysis under the options: each active detector flags the
 * scalars it scores at or above its threshold, with a message that says what the text is closer to.
 */
export async function semanticPass(parsed: ParsedAnalysis, encoder: SentenceEncoder, models: SemanticModels, options: SemanticPassOptions = {}): Promise<Finding[]> {
  if (!parsed.wellFormed) return [];
  const active = activeSemanticDetectors(models, options.mode ?? 'default').filter((name) => {
    const rule = ruleFor(models.weights.get(name)!.rule);
    return rule && severityOf(rule, options.check ?? {}) !== undefined && (SEMANTIC_DETECTORS as readonly string[]).includes(name);
  });
  if (active.length === 0) return [];
  const rows = await semanticRows(parsed, encoder, active, options);
  const suppressions = suppressionsOf(parsed.text, parsed.analysis, parsed.comments);
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  for (const row of rows) {
    const start = row.value.span.start;
    if (options.flagged?.has(`${row.rule}@${start}`)) continue;
    if ((counts.get(row.rule) ?? 0) >= MAX_FINDINGS_PER_RULE) continue;
    const probability = score(models.weights.get(row.detector)!, row.dense);
    if (probability < models.settings[row.detector].threshold) continue;
    const finding: Finding = {
      rule: row.rule,
      severity: severityOf(ruleFor(row.rule)!, options.check ?? {})!,
      tier: 'semantic',
      span: row.value.span,
      path: row.path,
      message: row.message(probability),
      data: { evidence: row.evidence },
    };
    if (isSuppressed(finding, suppressions)) continue;
    findings.push(finding);
    counts.set(row.rule, (counts.get(row.rule) ?? 0) + 1);
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** Checks that a weights file has the features its detector computes. */
export function validSemanticWeights(weights: DetectorWeights): boolean {
  const expected = SEMANTIC_FEATURES[weights.detector as SemanticDetectorName];
  return !!expected && weights.features.length === expected.length && weights.features.every((f, i) => f === expected[i]);
}
