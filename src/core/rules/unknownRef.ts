import type { Rule, RuleFinding } from '../findings';
import { allCauses, allSteps } from '../model';
import { closestWord } from '../words';

/** `unknown-ref`: an action's `for:` names no id in the file. */
export const unknownRefRule: Rule = {
  code: 'unknown-ref',
  defaultSeverity: 'error',
  reasoning: false,
  title: '`for:` naming no id',
  explanation:
    'An action says which step or cause it addresses with `for:` and that step\'s or cause\'s `id`. This one names an id that no root, step or cause has, so the action is tied to nothing.',
  check({ analysis }) {
    const ids = [...analysis.roots, ...allSteps(analysis), ...allCauses(analysis)].flatMap((n) => (n.id ? [n.id.text] : []));
    const known = new Set(ids);
    const findings: RuleFinding[] = [];
    for (const root of analysis.roots) {
      for (const action of root.actions) {
        const ref = action.for;
        if (!ref || known.has(ref.text)) continue;
        const guess = closestWord(ref.text, ids);
        findings.push({
          span: ref.span,
          path: action.path,
          message: `\`for: ${ref.text}\` names no root, step or cause in this file.${guess ? ` Did you mean \`${guess}\`?` : ids.length ? ` Known ids: ${ids.join(', ')}.` : ' Give the step it addresses an `id` first.'}`,
          data: guess ? { didYouMean: guess, evidence: [ref.text] } : { evidence: [ref.text] },
        });
      }
    }
    return findings;
  },
};
