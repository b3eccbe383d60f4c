import type { Rule } from '../findings';

/**
 * `syntax`: YAML that does not parse. The parser reports these findings (src/core/parse.ts);
 * the rule exists so the code has a severity, a title and an explanation like every other.
 */
export const syntaxRule: Rule = {
  code: 'syntax',
  defaultSeverity: 'error',
  reasoning: false,
  title: 'YAML that does not parse',
  explanation:
    'The file is not valid YAML here, so nothing after this point can be read reliably. Usually the indentation of a line differs from its siblings, or a value with a colon needs quotes.',
  check: () => [],
};
