import type { Rule, RuleFinding } from '../findings';
import { allSteps } from '../model';

/** Words that show a question is about detection or recovery. */
const DETECTION_OR_RECOVERY =
  /\b(detect\w*|notic\w*|alert\w*|caught|catch|monitor\w*|page[ds]?|paging|observ\w*|unnoticed|undetected|recover\w*|remediat\w*|restor\w*|mitigat\w*|rollback|roll back|rolled back|so long|long to|took \d|time to (detect|fix|recover|resolve)|resolv\w*|escalat\w*|blast radius|impact)\b/i;

/**
 * `coverage`: no root asks about detection or recovery. The seed's extra questions ("why did
 * it take so long to detect?", "why did it take so much effort to remediate?") find the actions
 * that make the next outage smaller.
 */
export const coverageRule: Rule = {
  code: 'coverage',
  defaultSeverity: 'information',
  reasoning: false,
  title: 'No root about detection or recovery',
  explanation:
    'Asking only why the failure happened misses why it lasted as long as it did. Add a root such as “Why did it take so long to detect?” or “Why did it take so much effort to recover?”: its actions cut the next outage short.',
  check({ analysis }) {
    if (analysis.roots.length === 0) return [];
    const asks = (text: string | undefined): boolean => !!text && DETECTION_OR_RECOVERY.test(text);
    const covered =
      analysis.roots.some((root) => asks(root.question?.text) || asks(root.perspective?.text)) ||
      allSteps(analysis).some((step) => asks(step.why?.text));
    if (covered) return [];
    const finding: RuleFinding = {
      span: analysis.rootsKeySpan ?? analysis.roots[0].headSpan,
      message:
        'No root asks how the problem was detected or how the service recovered: add a root such as “Why did it take so long to detect?” or “Why did recovery take so long?”.',
    };
    return [finding];
  },
};
