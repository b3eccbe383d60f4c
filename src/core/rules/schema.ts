import type { Rule } from '../findings';

/**
 * `schema`: a missing required field, an unknown key, a wrong type, a bad enum value or date.
 * The validator reports these findings against the JSON Schema (src/core/validate.ts).
 */
export const schemaRule: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  reasoning: false,
  title: 'Missing field, unknown key, wrong type, bad enum value or date',
  explanation:
    'The analysis does not follow the `.whys.yaml` format here. Unknown keys are errors so that a typo such as `becuase` never drops an answer silently; the quick fix renames it to the closest known key.',
  check: () => [],
};
