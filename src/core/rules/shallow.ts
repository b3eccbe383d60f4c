import type { Rule, RuleFinding } from '../findings';
import type { Chain, Step } from '../model';

/**
 * `shallow`: a line of whys that stops after fewer than `whys.minDepth` steps. Depth counts the
 * steps from the root down to each leaf, through causes, so a branch deep inside counts in full.
 */
export const shallowRule: Rule = {
  code: 'shallow',
  defaultSeverity: 'information',
  reasoning: false,
  title: 'A chain that stops too early',
  explanation:
    'The first answers usually name the technical trigger; the causes worth fixing (the process, the check that was missing) come a few whys later. Keep asking why until the answer is something the organisation can change.',
  check({ analysis, minDepth }) {
    const findings: RuleFinding[] = [];
    const visit = (chain: Chain, above: number): void => {
      const last: Step | undefined = chain.steps[chain.steps.length - 1];
      if (!last) return;
      const depth = above + chain.steps.length;
      if (last.because) {
        if (depth < minDepth) {
          findings.push({
            span: last.because.span,
            path: last.path,
            message: `This line of whys stops after ${depth} step${depth === 1 ? '' : 's'} (the minimum is ${minDepth}): ask why “${shorten(last.because.text)}” happened.`,
          });
        }
        return;
      }
      for (const cause of last.causes ?? []) {
        if (cause.chain.steps.length > 0) visit(cause.chain, depth);
        else if (depth < minDepth && cause.cause) {
          findings.push({
            span: cause.cause.span,
            path: cause.path,
            message: `This line of whys stops after ${depth} step${depth === 1 ? '' : 's'} (the minimum is ${minDepth}): add \`whys\` that ask why “${shorten(cause.cause.text)}” happened.`,
          });
        }
      }
    };
    for (const root of analysis.roots) visit(root.chain, 0);
    return findings;
  },
};

function shorten(text: string): string {
  return text.length > 70 ? text.slice(0, 67) + '…' : text;
}
