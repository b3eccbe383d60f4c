/**
 * The rule registry: every rule of SPEC §2, in the order of its table. Adding a rule means
 * adding its module here; the checker, the CLI, the settings and the README table follow.
 */
import type { Rule, RuleCode } from '../findings';
import { actionAsCauseRule } from './actionAsCause';
import { actionIncompleteRule } from './actionIncomplete';
import { blameRule } from './blame';
import { chainBreakRule } from './chainBreak';
import { circularRule } from './circular';
import { compoundRule } from './compound';
import { coverageRule } from './coverage';
import { duplicateIdRule } from './duplicateId';
import { noActionRule } from './noAction';
import { notAQuestionRule } from './notAQuestion';
import { offTopicRule } from './offTopic';
import { schemaRule } from './schema';
import { shallowRule } from './shallow';
import { syntaxRule } from './syntax';
import { unknownRefRule } from './unknownRef';
import { vagueRule } from './vague';

/** Structural rules: they read the shape of the analysis. */
export const STRUCTURAL_RULES: readonly Rule[] = [
  syntaxRule,
  schemaRule,
  duplicateIdRule,
  unknownRefRule,
  shallowRule,
  noActionRule,
  actionIncompleteRule,
  coverageRule,
];

/** Reasoning rules: they judge whether each answer and question hold together. */
export const REASONING_RULES: readonly Rule[] = [
  offTopicRule,
  chainBreakRule,
  circularRule,
  blameRule,
  vagueRule,
  actionAsCauseRule,
  compoundRule,
  notAQuestionRule,
];

/** Every rule. */
export const RULES: readonly Rule[] = [...STRUCTURAL_RULES, ...REASONING_RULES];

const byCode = new Map<RuleCode, Rule>(RULES.map((rule) => [rule.code, rule]));

/** The rule with a code. */
export function ruleFor(code: RuleCode): Rule | undefined {
  return byCode.get(code);
}
