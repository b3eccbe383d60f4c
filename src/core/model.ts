/**
 * The typed model of one `.whys.yaml` analysis. Every node keeps its source span as UTF-16
 * offsets into the text (the unit of VS Code's `TextDocument.positionAt`), so findings can be
 * placed exactly. Fields that were missing or of the wrong type in the file are `undefined`;
 * the schema findings say why.
 */

/** A half-open range of UTF-16 offsets `[start, end)` in the analysed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A scalar value taken from the file, with where it stands. */
export interface TextValue {
  readonly text: string;
  /** The value's own range (without trailing comments). */
  readonly span: Span;
  /** The range of the key that introduces it (`because:`), when there is one. */
  readonly keySpan?: Span;
}

/** Where a model node sits in the analysis, e.g. `roots[0].whys[2].because[1].whys[0]`. */
export type ModelPath = string;

export interface Incident {
  readonly date?: TextValue;
  readonly severity?: TextValue;
  readonly summary?: TextValue;
  readonly impact?: TextValue;
  readonly timeline: ReadonlyArray<{ readonly phase: string; readonly at: TextValue }>;
  readonly span: Span;
}

/** A corrective action of a root. */
export interface Action {
  readonly kind: 'action';
  readonly path: ModelPath;
  readonly index: number;
  readonly root: Root;
  readonly do?: TextValue;
  readonly owner?: TextValue;
  readonly due?: TextValue;
  readonly actionKind?: TextValue;
  readonly status?: TextValue;
  readonly for?: TextValue;
  readonly span: Span;
}

/** One contributing cause in a step's list of causes; it may continue with its own chain. */
export interface Cause {
  readonly kind: 'cause';
  readonly path: ModelPath;
  readonly index: number;
  readonly id?: TextValue;
  readonly cause?: TextValue;
  readonly evidence: readonly TextValue[];
  readonly note?: TextValue;
  /** The step this cause answers. */
  readonly step: Step;
  /** The nested chain that asks why this cause happened (empty when none). */
  readonly chain: Chain;
  readonly span: Span;
}

/** A question and its answer. */
export interface Step {
  readonly kind: 'step';
  readonly path: ModelPath;
  /** Position in its chain, from 0. */
  readonly index: number;
  readonly id?: TextValue;
  readonly why?: TextValue;
  /** The answer when it is a single cause written as text. */
  readonly because?: TextValue;
  /** The answer when it is a list of contributing causes. */
  readonly causes?: readonly Cause[];
  /** The range of the `because:` key, present whenever the key is. */
  readonly becauseKeySpan?: Span;
  readonly evidence: readonly TextValue[];
  readonly note?: TextValue;
  readonly chain: Chain;
  readonly span: Span;
}

/** A sequence of steps, each asking about the previous answer. */
export interface Chain {
  readonly path: ModelPath;
  readonly steps: Step[];
  /** What the chain's first question asks about: a root (the problem) or a cause. */
  readonly owner: Root | Cause;
  /** The root this chain belongs to, however deeply nested. */
  readonly root: Root;
  /** Nesting depth: 0 for a root's chain, 1 inside a cause of it, and so on. */
  readonly depth: number;
  readonly span?: Span;
}

/** One line of inquiry with its own framing question and actions. */
export interface Root {
  readonly kind: 'root';
  readonly path: ModelPath;
  readonly index: number;
  readonly id?: TextValue;
  readonly question?: TextValue;
  readonly perspective?: TextValue;
  readonly note?: TextValue;
  readonly chain: Chain;
  readonly actions: Action[];
  /** The range of the root's list item. */
  readonly span: Span;
  /** A short range to flag the root by: its first key. */
  readonly headSpan: Span;
}

/** A whole analysis of one event. */
export interface Analysis {
  readonly version?: number;
  readonly title?: TextValue;
  readonly incident?: Incident;
  readonly problem?: TextValue;
  readonly roots: Root[];
  /** The range of the `roots` key, when present. */
  readonly rootsKeySpan?: Span;
  /** The whole document's range. */
  readonly span: Span;
}

/** Anything in the model that has an id and can be named by `for:`. */
export type Identified = Root | Step | Cause;

/** Every step of the analysis, depth first, in file order. */
export function allSteps(analysis: Analysis): Step[] {
  const out: Step[] = [];
  const visit = (chain: Chain): void => {
    for (const step of chain.steps) {
      out.push(step);
      for (const cause of step.causes ?? []) visit(cause.chain);
    }
  };
  for (const root of analysis.roots) visit(root.chain);
  return out;
}

/** Every chain of the analysis (roots' and causes'), depth first. */
export function allChains(analysis: Analysis): Chain[] {
  const out: Chain[] = [];
  const visit = (chain: Chain): void => {
    out.push(chain);
    for (const step of chain.steps) for (const cause of step.causes ?? []) visit(cause.chain);
  };
  for (const root of analysis.roots) visit(root.chain);
  return out;
}

/** Every cause of the analysis, depth first. */
export function allCauses(analysis: Analysis): Cause[] {
  return allSteps(analysis).flatMap((step) => [...(step.causes ?? [])]);
}

/**
 * What a step's question should ask about: the previous step's answer, or for the first step of
 * a chain, the cause it continues, the root's framing question, or the problem.
 */
export interface PreviousAnswer {
  readonly text: string;
  readonly span: Span;
  readonly from: 'answer' | 'cause' | 'question' | 'problem';
}

/** The answer a step's question follows from, if the file gives one. */
export function previousAnswer(step: Step, analysis: Analysis): PreviousAnswer | undefined {
  const chain = step.chain;
  if (step.index > 0) {
    const before = chain.steps[step.index - 1];
    if (before.because) return { text: before.because.text, span: before.because.span, from: 'answer' };
    return undefined;
  }
  const owner = chain.owner;
  if (owner.kind === 'cause') {
    return owner.cause ? { text: owner.cause.text, span: owner.cause.span, from: 'cause' } : undefined;
  }
  if (analysis.problem) return { text: analysis.problem.text, span: analysis.problem.span, from: 'problem' };
  return owner.question ? { text: owner.question.text, span: owner.question.span, from: 'question' } : undefined;
}

/** The answers of a step as texts: the single `because`, or each cause. */
export function answersOf(step: Step): TextValue[] {
  if (step.because) return [step.because];
  return (step.causes ?? []).flatMap((cause) => (cause.cause ? [cause.cause] : []));
}

/** Names a model node for a message: "step 3 of root 1", "cause 2 of step 3 of root 1". */
export function describe(node: Root | Step | Cause | Action): string {
  switch (node.kind) {
    case 'root':
      return node.id ? `root \`${node.id.text}\`` : `root ${node.index + 1}`;
    case 'action':
      return `action ${node.index + 1} of ${describe(node.root)}`;
    case 'cause':
      return `cause ${node.index + 1} of ${describe(node.step)}`;
    case 'step': {
      const owner = node.chain.owner;
      return `step ${node.index + 1} of ${describe(owner)}`;
    }
  }
}
