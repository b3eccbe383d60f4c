/**
 * A root at a glance, for the CodeLens above it: the depth of its longest chain (steps down to
 * the deepest cause), the findings inside it and its actions, open and done.
 */
import type { Finding } from './findings';
import type { Chain, Root } from './model';

/** What the CodeLens above a root says. */
export interface RootSummary {
  readonly root: Root;
  /** Steps on the longest path from the root's first question to its deepest answer. */
  readonly depth: number;
  /** Errors and warnings inside the root. */
  readonly problems: number;
  /** Information and hints inside the root (suggestions, such as `shallow`). */
  readonly notes: number;
  readonly open: number;
  readonly done: number;
  /** The line to show: `5 whys deep · 1 warning · actions: 1 open, 2 done`. */
  readonly title: string;
}

/** Steps on the longest path through a chain, its causes' chains included. */
export function longestChain(chain: Chain): number {
  let deepest = 0;
  chain.steps.forEach((step, i) => {
    const below = Math.max(0, ...(step.causes ?? []).map((cause) => longestChain(cause.chain)));
    deepest = Math.max(deepest, i + 1 + below);
  });
  return deepest;
}

/** The summary of each root, in order. */
export function rootSummaries(roots: readonly Root[], findings: readonly Finding[]): RootSummary[] {
  return roots.map((root) => {
    const inside = findings.filter((f) => f.span.start >= root.span.start && f.span.start <= root.span.end);
    const problems = inside.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    const notes = inside.length - problems;
    const done = root.actions.filter((a) => a.status?.text === 'done').length;
    const open = root.actions.length - done;
    const depth = longestChain(root.chain);
    const parts = [
      `${depth} ${depth === 1 ? 'why' : 'whys'} deep`,
      problems || notes ? [problems ? `${problems} problem${problems === 1 ? '' : 's'}` : '', notes ? `${notes} suggestion${notes === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ') : 'no findings',
      root.actions.length ? `actions: ${open} open, ${done} done` : 'no actions',
    ];
    return { root, depth, problems, notes, open, done, title: parts.join(' · ') };
  });
}
