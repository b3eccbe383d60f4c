import type { Rule, RuleFinding } from '../findings';

/** `action-incomplete`: an action without an owner or a due date will not get done. */
export const actionIncompleteRule: Rule = {
  code: 'action-incomplete',
  defaultSeverity: 'warning',
  reasoning: false,
  title: 'An action without `owner` or `due`',
  explanation:
    'A corrective action that nobody owns, or that has no date, is a wish. Name the team or person who carries it out and the day it is due, so the review can follow it up.',
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const root of analysis.roots) {
      for (const action of root.actions) {
        if (action.status?.text === 'done') continue;
        const missing = [!action.owner && '`owner`', !action.due && '`due`'].filter(Boolean) as string[];
        if (missing.length === 0) continue;
        const what = action.do ? `“${action.do.text.length > 60 ? action.do.text.slice(0, 57) + '…' : action.do.text}”` : 'This action';
        findings.push({
          span: action.do?.span ?? action.span,
          path: action.path,
          message: `${what} has no ${missing.join(' and no ')}: say who carries it out and by when.`,
        });
      }
    }
    return findings;
  },
};
