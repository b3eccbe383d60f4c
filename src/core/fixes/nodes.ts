/** Finding the model node a finding is about. */
import type { Finding } from '../findings';
import { allCauses, allSteps, type Action, type Analysis, type Cause, type Root, type Step } from '../model';

/** A node a finding can be about, and a `# whys-ignore` comment can stand before. */
export type FixNode = Root | Step | Cause | Action;

/** Every root, action, step and cause of the analysis. */
export function allNodes(analysis: Analysis): FixNode[] {
  return [...analysis.roots, ...analysis.roots.flatMap((r) => r.actions), ...allSteps(analysis), ...allCauses(analysis)];
}

/** The node at a model path. */
export function nodeAt(analysis: Analysis, path: string | undefined): FixNode | undefined {
  if (!path) return undefined;
  return allNodes(analysis).find((node) => node.path === path);
}

/**
 * The node a finding is about: the one its path names, else the innermost node whose range
 * holds the finding's start; undefined for findings about the whole file.
 */
export function nodeOf(analysis: Analysis, finding: Finding): FixNode | undefined {
  const named = nodeAt(analysis, finding.path);
  if (named) return named;
  const at = finding.span.start;
  const holding = allNodes(analysis).filter((node) => node.span.start <= at && at <= node.span.end);
  if (holding.length === 0) return undefined;
  return holding.reduce((best, node) => (node.span.end - node.span.start < best.span.end - best.span.start ? node : best));
}

/** The step whose `why` or `because`, or the cause whose `cause`, is exactly this span. */
export function valueOwner(analysis: Analysis, start: number): { node: Step | Cause; field: 'why' | 'because' | 'cause' } | undefined {
  for (const step of allSteps(analysis)) {
    if (step.why?.span.start === start) return { node: step, field: 'why' };
    if (step.because?.span.start === start) return { node: step, field: 'because' };
    for (const cause of step.causes ?? []) if (cause.cause?.span.start === start) return { node: cause, field: 'cause' };
  }
  return undefined;
}
