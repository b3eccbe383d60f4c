/**
 * Quick fixes: for a finding in a parsed analysis, the text edits that resolve it, plus "ignore
 * here" for every rule. Pure: offsets in, edits out; the editor applies them. Every fix keeps the
 * YAML valid and leaves every byte outside its edits as it was.
 */
import type { Finding, RuleCode } from '../findings';
import type { ParsedAnalysis } from '../parse';
import { ignoreEdits } from './ignore';
import type { TextEdit } from './layout';
import { betterAnswerEdits, insertStepEdits, moveToActionsEdits, rephraseEdits, splitEdits, type TitledEdits } from './reasoning';
import { actionSkeletonEdits, renameEdits, renameRefEdits } from './structure';
import { suggestionEdits } from './suggestion';

export { applyEdits, applyFilled, type Placeholder, type PlaceholderKind, type TextEdit } from './layout';
export { ANSWER_PLACEHOLDER, asInstruction, asQuestion, subjectOfRemedy, withSharedQualifiers } from './reasoning';
export { contentWords, missingWords } from './words';

/** One quick fix for one finding. */
export interface Fix {
  readonly title: string;
  readonly rule: RuleCode;
  readonly edits: TextEdit[];
  /** The fix to apply first (the editor's preferred action); "ignore here" never is. */
  readonly preferred: boolean;
  /** Whether this fix only switches the rule off here. */
  readonly ignore: boolean;
}

type FixMaker = (parsed: ParsedAnalysis, finding: Finding) => TitledEdits | undefined;

const MAKERS: Partial<Record<RuleCode, FixMaker>> = {
  compound: splitEdits,
  'action-as-cause': moveToActionsEdits,
  'not-a-question': rephraseEdits,
  'chain-break': insertStepEdits,
  schema: renameEdits,
  'unknown-ref': renameRefEdits,
  'no-action': (parsed, finding) => {
    const edits = actionSkeletonEdits(parsed, finding);
    return edits && { title: 'Add an action to this root', edits };
  },
};

/**
 * The quick fixes for a finding: the rule's own fix (when it has one) first, then the model
 * review's suggested text (when it gave one), then the better answer a rule suggests, then
 * "ignore here".
 */
export function fixesFor(parsed: ParsedAnalysis, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  let main: TitledEdits | undefined;
  try {
    main = MAKERS[finding.rule]?.(parsed, finding);
  } catch {
    main = undefined;
  }
  if (main) fixes.push({ ...main, rule: finding.rule, preferred: true, ignore: false });
  // The model review's suggestion: untrusted text, so never the preferred (auto-applied) fix.
  const suggested = suggestionEdits(parsed, finding);
  if (suggested) fixes.push({ ...suggested, rule: finding.rule, preferred: false, ignore: false });
  // The better answer a rule suggests (the hover shows it), as a fix.
  let better: TitledEdits | undefined;
  try {
    better = betterAnswerEdits(parsed, finding);
  } catch {
    better = undefined;
  }
  if (better) fixes.push({ ...better, rule: finding.rule, preferred: !main, ignore: false });
  const ignore = ignoreEdits(parsed, finding);
  if (ignore) fixes.push({ title: `Ignore \`${finding.rule}\` here`, rule: finding.rule, edits: ignore, preferred: false, ignore: true });
  return fixes;
}
