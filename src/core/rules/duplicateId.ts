import type { Rule, RuleFinding } from '../findings';
import { allCauses, allSteps, describe } from '../model';

/** `duplicate-id`: an id used twice in one file, so `for:` could not tell which is meant. */
export const duplicateIdRule: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  reasoning: false,
  title: 'An id used twice',
  explanation:
    'Ids name a root, step or cause so that actions can point at it with `for:`. Two nodes with one id make that pointer ambiguous: give each a name of its own.',
  check({ analysis }) {
    const first = new Map<string, string>();
    const findings: RuleFinding[] = [];
    const nodes = [...analysis.roots, ...allSteps(analysis), ...allCauses(analysis)].sort((a, b) => a.span.start - b.span.start);
    for (const node of nodes) {
      if (!node.id) continue;
      const seen = first.get(node.id.text);
      if (seen) {
        findings.push({
          span: node.id.span,
          path: node.path,
          message: `The id \`${node.id.text}\` is already used by ${seen}: ids must be unique in the file.`,
          data: { evidence: [node.id.text] },
        });
      } else {
        first.set(node.id.text, describe(node));
      }
    }
    return findings;
  },
};
