import type { Rule, RuleFinding } from '../findings';
import { describe } from '../model';

/** `no-action`: a root with no corrective action. */
export const noActionRule: Rule = {
  code: 'no-action',
  defaultSeverity: 'information',
  reasoning: false,
  title: 'A root with no corrective action',
  explanation:
    'An analysis that finds a root cause and changes nothing will meet the same event again. Each root should end in at least one action that prevents, detects or mitigates what its chain found.',
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const root of analysis.roots) {
      if (root.actions.length > 0 || root.chain.steps.length === 0) continue;
      findings.push({
        span: root.headSpan,
        path: root.path,
        message: `${describe(root).replace(/^r/, 'R')} has no \`actions\`: add what will be done about what its chain found.`,
      });
    }
    return findings;
  },
};
