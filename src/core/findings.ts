import type { Analysis, ModelPath, Span } from './model';
import type { LearnedMode, LearnedModels } from './learned';

/** How strongly a finding is reported; `off` switches a rule off. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The rule codes of SPEC §2, in the order the README documents them. */
export const RULE_CODES = [
  'syntax',
  'schema',
  'duplicate-id',
  'unknown-ref',
  'off-topic',
  'chain-break',
  'circular',
  'blame',
  'vague',
  'action-as-cause',
  'compound',
  'not-a-question',
  'shallow',
  'no-action',
  'action-incomplete',
  'coverage',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** Whether a string names a rule. */
export function isRuleCode(value: string): value is RuleCode {
  return (RULE_CODES as readonly string[]).includes(value);
}

/**
 * Extra facts a finding carries for hovers and quick fixes. All fields optional; each rule
 * documents which it fills.
 */
export interface FindingData {
  /** The words the rule judged by, quoted in the message. */
  readonly evidence?: readonly string[];
  /** A better question or answer, when one follows from the text. */
  readonly suggestion?: string;
  /** For `compound`: the independent causes the answer packs, in order. */
  readonly parts?: readonly string[];
  /** For `schema` typos: the key the user probably meant. */
  readonly didYouMean?: string;
  /** For `schema` unknown keys: the misspelt key as written. */
  readonly key?: string;
  /** On a summary finding: how many more findings of its rule were left out. */
  readonly omitted?: number;
}

/**
 * Which tier of the reasoning check found a problem (SPEC §2): the hand-written `rules`, the
 * `learned` detectors (trained on the labelled analyses, instant), the `semantic` pass (the
 * shipped sentence model, asynchronous) or the opt-in `model` review (the user's language model).
 */
export type FindingTier = 'rules' | 'learned' | 'semantic' | 'model';

/** What the model review said about a scalar: untrusted text, capped in length, shown as plain text. */
export interface JudgeVerdict {
  /** The language model's name, as its provider gives it. */
  readonly model: string;
  /** The model's confidence, 0..1. */
  readonly confidence: number;
  readonly explanation: string;
  readonly suggestion?: string;
}

/** One problem found in an analysis. */
export interface Finding {
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets of the offending scalar or key. */
  readonly span: Span;
  /** The model node the finding is about, when there is one (a step, cause, root, action). */
  readonly path?: ModelPath;
  readonly data?: FindingData;
  /** The tier that found it; absent means the hand-written rules. */
  readonly tier?: FindingTier;
  /** Set when the model review produced or confirmed this finding. */
  readonly judge?: JudgeVerdict;
}

/** Options that change what rules find. */
export interface CheckOptions {
  /** Severity per rule; rules not named keep their default. */
  readonly rules?: Readonly<Partial<Record<string, SeveritySetting>>>;
  /** The `shallow` rule flags chains with fewer steps than this (default 3). */
  readonly minDepth?: number;
  /**
   * The learned detectors' asset, once the host has loaded it (`loadLearned`); without it only
   * the hand-written rules run. Their findings carry `tier: 'learned'`.
   */
  readonly learned?: LearnedModels;
  /** Which learned detectors run: those switched on in their data (`default`), `all`, or `off`. */
  readonly learnedMode?: LearnedMode;
}

/** What a rule sees: the model and the options. Rules never see YAML text or editor types. */
export interface RuleContext {
  readonly analysis: Analysis;
  readonly minDepth: number;
}

/** A finding as a rule returns it, before severity settings and suppressions apply. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & { readonly rule?: RuleCode };

/** A rule: a module that takes the model and returns findings. */
export interface Rule {
  readonly code: RuleCode;
  readonly defaultSeverity: Severity;
  /** One line: what the rule flags. */
  readonly title: string;
  /** Two or three sentences for hovers: why it matters and what a better step looks like. */
  readonly explanation: string;
  /** Whether the rule judges reasoning (true) or structure (false). */
  readonly reasoning: boolean;
  check(context: RuleContext): RuleFinding[];
}
