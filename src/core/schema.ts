/**
 * The JSON Schema (draft-07) of `.whys.yaml` format version 1: the single source of truth for
 * structure. The core validates against it (src/core/validate.ts), the extension takes key
 * documentation and completions from it, and the build writes it to `dist/whys.schema.json` for
 * Red Hat's YAML extension (`yamlValidation`).
 */

/** The subset of JSON Schema this project uses. */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'integer';
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly enum?: readonly (string | number)[];
  readonly const?: string | number;
  readonly pattern?: string;
  readonly format?: 'date' | 'date-time';
  readonly oneOf?: readonly SchemaNode[];
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  /** Our own: a name for the kind of thing, used in messages ("a step", "a cause"). */
  readonly 'x-noun'?: string;
}

const text = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';

const id: SchemaNode = {
  type: 'string',
  pattern: ID_PATTERN,
  description: 'A kebab-case name, unique in the file, that actions can point at with `for:`.',
};
const note = text('Free text for the reader; no rule reads it.');
const evidence: SchemaNode = {
  description: 'Where the answer is shown to be true: a document, a graph, a log line. Text or a list of texts.',
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  ],
};
const date = (description: string): SchemaNode => ({ type: 'string', format: 'date', pattern: DATE_PATTERN, description });
const timestamp = (description: string): SchemaNode => ({
  type: 'string',
  format: 'date-time',
  pattern: DATE_TIME_PATTERN,
  description,
});

/** The schema of a whole analysis. */
export const whysSchema: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://whys.dev/schema/v1.json',
  title: '5 Whys analysis (.whys.yaml), version 1',
  type: 'object',
  'x-noun': 'an analysis',
  required: ['version', 'title', 'problem', 'roots'],
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'The format version: the integer 1.' },
    title: text('A short name for the event.'),
    incident: {
      type: 'object',
      'x-noun': 'the incident block',
      additionalProperties: false,
      description: 'What happened, when, and how bad it was.',
      properties: {
        date: date('The day of the event, as YYYY-MM-DD.'),
        severity: {
          type: 'string',
          enum: ['critical', 'high', 'medium', 'low'],
          description: 'How severe the event was: critical, high, medium or low.',
        },
        summary: text('One or two sentences on what happened.'),
        impact: text('Who was affected and how.'),
        timeline: {
          type: 'object',
          'x-noun': 'the timeline',
          additionalProperties: false,
          description: 'When the event started, was detected, mitigated and resolved (ISO 8601 timestamps).',
          properties: {
            started: timestamp('When the event began.'),
            detected: timestamp('When someone or something noticed.'),
            mitigated: timestamp('When the impact stopped growing.'),
            resolved: timestamp('When everything was back to normal.'),
          },
        },
        note,
      },
    },
    problem: text('The problem statement: what went wrong, observably. The first why of each root asks about it.'),
    roots: {
      type: 'array',
      minItems: 1,
      description: 'Lines of inquiry: each root asks its own first question and follows its own chain of whys.',
      items: { $ref: '#/definitions/root' },
    },
    note,
  },
  definitions: {
    root: {
      type: 'object',
      'x-noun': 'a root',
      required: ['whys'],
      additionalProperties: false,
      description: 'A line of inquiry: a framing question, whose questions these are, the chain of whys and its actions.',
      properties: {
        id,
        question: text('The framing question of this root, e.g. "Why was this able to reach production undetected?"'),
        perspective: text('Whose questions these are, e.g. a team or a company.'),
        whys: {
          type: 'array',
          minItems: 1,
          description: 'The chain of steps: each asks why the previous answer happened.',
          items: { $ref: '#/definitions/step' },
        },
        actions: {
          type: 'array',
          description: 'Corrective actions that address this root.',
          items: { $ref: '#/definitions/action' },
        },
        note,
      },
    },
    step: {
      type: 'object',
      'x-noun': 'a step',
      required: ['why', 'because'],
      additionalProperties: false,
      description: 'One question and its answer. The question asks about the previous answer.',
      properties: {
        id,
        why: text('The question: why did the previous answer happen? Write it as a question.'),
        because: {
          description:
            'The answer: the cause of what the question asks about. Text for one cause, or a list of causes when several contributed; a step with a list of causes ends its chain, and each cause may continue with its own whys.',
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1, items: { $ref: '#/definitions/cause' } },
          ],
        },
        evidence,
        note,
      },
    },
    cause: {
      type: 'object',
      'x-noun': 'a cause',
      required: ['cause'],
      additionalProperties: false,
      description: 'One of several contributing causes; it may continue with its own chain of whys.',
      properties: {
        id,
        cause: text('One contributing cause.'),
        evidence,
        whys: {
          type: 'array',
          minItems: 1,
          description: 'The chain that asks why this cause happened.',
          items: { $ref: '#/definitions/step' },
        },
        note,
      },
    },
    action: {
      type: 'object',
      'x-noun': 'an action',
      required: ['do'],
      additionalProperties: false,
      description: 'A corrective action: what will be done, by whom, by when.',
      properties: {
        do: text('What will be done, as an instruction.'),
        owner: text('Who carries it out: a team or a person.'),
        due: date('When it is due, as YYYY-MM-DD.'),
        kind: {
          type: 'string',
          enum: ['prevent', 'detect', 'mitigate', 'process'],
          description: 'What it does: prevent a recurrence, detect it sooner, mitigate its impact, or change a process.',
        },
        status: { type: 'string', enum: ['open', 'done'], description: 'open or done.' },
        for: {
          type: 'string',
          pattern: ID_PATTERN,
          description: 'The id of the step or cause this action addresses.',
        },
        note,
      },
    },
  },
};

/** Follows a `$ref` of the form `#/definitions/NAME`. */
export function resolveSchema(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  let target = resolved.get(node);
  if (!target) {
    const name = node.$ref.replace('#/definitions/', '');
    target = whysSchema.definitions?.[name];
    if (!target) throw new Error(`Unknown schema reference ${node.$ref}`);
    resolved.set(node, target);
  }
  return target;
}

/** Each `$ref` node's target, looked up once (validation resolves one per value of the file). */
const resolved = new WeakMap<SchemaNode, SchemaNode>();
