/**
 * Structural validation of the YAML tree against the JSON Schema of the format, with findings
 * placed on the offending key or value and written in the file's terms.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { RuleFinding } from './findings';
import type { Span } from './model';
import { resolveSchema, whysSchema, type SchemaNode } from './schema';
import { closestWord } from './words';
import { MAX_FINDINGS_PER_RULE } from './limits';

/** The span of a YAML node's value, without trailing comments or line breaks. */
export function spanOf(node: YamlNode | null | undefined, text: string): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  let end = range[1];
  // Char codes, not a regex: this runs for every node on every keystroke.
  while (end > range[0] && isBlank(text.charCodeAt(end - 1))) end--;
  return { start: range[0], end };
}

/** Space, tab, line breaks and the other white space YAML may leave at a value's end. */
function isBlank(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f;
}

/** Describes a YAML value's type for a message. */
function typeName(node: YamlNode | null | undefined): string {
  if (node == null) return 'nothing';
  if (isMap(node)) return 'a block of keys';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing';
    if (typeof value === 'number') return `the number ${String(value)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
    if (value instanceof Uint8Array) return 'binary data (a `!!binary` tag): write it as plain text';
    if (typeof value !== 'string') return `a value tagged \`${node.tag ?? '?'}\`: write it as plain text`;
    return 'text';
  }
  return 'something else';
}

const quote = (s: string): string => `“${s.length > 60 ? s.slice(0, 57) + '…' : s}”`;

const patterns = new WeakMap<SchemaNode, RegExp>();
const knownKeys = new WeakMap<SchemaNode, string[]>();

/** A schema's `pattern`, compiled once. */
function patternOf(schema: SchemaNode): RegExp {
  let pattern = patterns.get(schema);
  if (!pattern) patterns.set(schema, (pattern = new RegExp(schema.pattern ?? '')));
  return pattern;
}

/** A schema's property names, listed once. */
function keysOf(schema: SchemaNode): string[] {
  let keys = knownKeys.get(schema);
  if (!keys) knownKeys.set(schema, (keys = Object.keys(schema.properties ?? {})));
  return keys;
}

/** Whether a YYYY-MM-DD string names a real day. */
function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates a parsed document against the format's schema. */
export class SchemaValidator {
  readonly findings: RuleFinding[] = [];
  /** Findings past the listing limit, by rule: counted, not built (a file of junk has millions). */
  private readonly omitted = new Map<'schema' | 'syntax', { count: number; span: Span }>();
  private readonly listed = { schema: 0, syntax: 0 };

  constructor(
    private readonly text: string,
    private readonly document: Document,
  ) {}

  /** Validates the whole document. */
  run(): RuleFinding[] {
    const contents = this.document.contents as YamlNode | null;
    if (contents == null || (isScalar(contents) && contents.value == null)) {
      this.report(
        { start: 0, end: Math.min(this.text.length, 1) },
        'The file holds no analysis: it needs `version: 1`, `title`, `problem` and `roots`.',
      );
      return this.findings;
    }
    if (!isMap(contents)) {
      // Flag the first line only: underlining a whole file of junk helps nobody.
      const start = contents.range?.[0] ?? 0;
      let end = start;
      while (end < this.text.length && this.text[end] !== '\n' && this.text[end] !== '\r' && end - start < 200) end++;
      this.report(
        { start, end: Math.max(end, Math.min(start + 1, this.text.length)) },
        `The file must hold an analysis (keys such as \`version: 1\`, \`title\`, \`problem\` and \`roots\`), not ${typeName(contents)}.`,
      );
      return this.findings;
    }
    this.check(contents, whysSchema, 'the file', undefined);
    return this.done();
  }

  private report(span: Span, message: string, data?: RuleFinding['data'], rule: 'schema' | 'syntax' = 'schema'): void {
    if (this.full(rule)) {
      const left = this.omitted.get(rule);
      if (left) left.count++;
      else this.omitted.set(rule, { count: 1, span });
      return;
    }
    this.listed[rule]++;
    this.findings.push({ rule, span, message, data });
  }

  /** Whether a rule has listed as many findings as anyone will read. */
  private full(rule: 'schema' | 'syntax' = 'schema'): boolean {
    return this.listed[rule] >= MAX_FINDINGS_PER_RULE;
  }

  /** The findings, with one per rule that counts those left out. */
  private done(): RuleFinding[] {
    for (const [rule, { count, span }] of this.omitted) {
      this.findings.push({ rule, span, message: `…and ${count} more problems`, data: { omitted: count } });
    }
    return this.findings;
  }

  /** A node's span; an empty value (`because:` with nothing after it) is flagged on its key. */
  private span(node: YamlNode | null | undefined, fallback?: Span): Span {
    const own = spanOf(node, this.text);
    if (own && (own.end > own.start || !fallback)) return own;
    return fallback ?? { start: 0, end: 0 };
  }

  /** `label` names the value in messages, e.g. "`because`"; `keySpan` is where its key stands. */
  private check(node: YamlNode | null | undefined, schemaRef: SchemaNode, label: string, keySpan: Span | undefined): void {
    const schema = resolveSchema(schemaRef);
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target || !isScalar(target)) {
        this.report(this.span(node, keySpan), `${label} is an alias of ${target ? 'a block' : 'nothing'}; write the value out (only aliases of single values are allowed).`);
        return;
      }
      node = target;
    }
    if (schema.oneOf) {
      const fits = schema.oneOf.find((option) => this.fitsType(node, option));
      if (!fits) {
        const wanted = schema.oneOf.map((o) => (o.type === 'array' ? 'a list' : 'text')).join(' or ');
        this.report(this.span(node, keySpan), `${label} must be ${wanted}, not ${typeName(node)}.`);
        return;
      }
      this.check(node, fits, label, keySpan);
      return;
    }
    if (schema.const !== undefined) {
      const value = isScalar(node) ? node.value : undefined;
      if (value !== schema.const) {
        const actual = isScalar(node) && typeof node.value === 'string' ? `the text ${quote(node.value)}` : typeName(node);
        this.report(this.span(node, keySpan), `${label} must be the number ${String(schema.const)}, not ${actual}.`);
      }
      return;
    }
    switch (schema.type) {
      case 'object':
        return this.checkObject(node, schema, label, keySpan);
      case 'array':
        return this.checkArray(node, schema, label, keySpan);
      case 'string':
        return this.checkString(node, schema, label, keySpan);
      default:
        return;
    }
  }

  private fitsType(node: YamlNode | null | undefined, schema: SchemaNode): boolean {
    const resolved = resolveSchema(schema);
    if (resolved.type === 'array') return isSeq(node);
    if (resolved.type === 'object') return isMap(node);
    if (resolved.type === 'string') return isScalar(node) && typeof node.value === 'string';
    return true;
  }

  private checkString(node: YamlNode | null | undefined, schema: SchemaNode, label: string, keySpan: Span | undefined): void {
    if (!isScalar(node) || typeof node.value !== 'string') {
      const empty = node == null || (isScalar(node) && node.value == null);
      this.report(this.span(node, keySpan), empty ? `${label} is empty: write it out.` : `${label} must be text, not ${typeName(node)}.`);
      return;
    }
    const value = node.value;
    const span = this.span(node, keySpan);
    if (schema.minLength && value.trim().length < schema.minLength) {
      this.report(span, `${label} is empty: write it out.`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      const options = schema.enum.map(String);
      const guess = closestWord(value, options);
      this.report(
        span,
        `${label} must be one of ${options.join(', ')}; ${quote(value)} is not.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        guess ? { didYouMean: guess } : undefined,
      );
      return;
    }
    if (schema.format === 'date') {
      if (!patternOf(schema).test(value) || !isRealDate(value)) {
        this.report(span, `${label} must be a date written YYYY-MM-DD (e.g. 2024-08-31); ${quote(value)} is not.`);
      }
      return;
    }
    if (schema.format === 'date-time') {
      if (!patternOf(schema).test(value) || !isRealDate(value)) {
        this.report(span, `${label} must be an ISO 8601 timestamp such as 2024-07-19T04:09:00Z; ${quote(value)} is not.`);
      }
      return;
    }
    if (schema.pattern && !patternOf(schema).test(value)) {
      const suggestion = value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
      this.report(span, `${label} ${quote(value)} must be kebab-case (lower-case words joined by hyphens)${suggestion ? `, e.g. \`${suggestion}\`` : ''}.`);
    }
  }

  private checkArray(node: YamlNode | null | undefined, schema: SchemaNode, label: string, keySpan: Span | undefined): void {
    if (!isSeq(node)) {
      const empty = node == null || (isScalar(node) && node.value == null);
      this.report(this.span(node, keySpan), empty ? `${label} is empty: it needs at least one item.` : `${label} must be a list, not ${typeName(node)}.`);
      return;
    }
    if (schema.minItems && node.items.length < schema.minItems) {
      this.report(this.span(node, keySpan), `${label} is an empty list: it needs at least one item.`);
    }
    const item = schema.items ? resolveSchema(schema.items) : undefined;
    if (!item) return;
    node.items.forEach((child, index) => this.checkItem(child as YamlNode, index, item, label, keySpan));
    if (item === resolveSchema({ $ref: '#/definitions/step' })) this.checkCausesEndChain(node.items as YamlNode[]);
  }

  /** One item of a list: `label` names the list, `keySpan` is where the list's key stands. */
  private checkItem(child: YamlNode, index: number, item: SchemaNode, label: string, keySpan: Span | undefined): void {
    this.check(child, item, `${item['x-noun'] ?? 'item'} (item ${index + 1} of ${label})`, this.span(child, keySpan));
  }

  /**
   * Validates some roots alone, as `run` validates them inside the whole file: `nodes` are the
   * items of `roots` from `firstIndex` on, `keySpan` is where the `roots` key stands. For a
   * re-read of the roots an edit touched (see `reparseAnalysis`); no cap is applied
   * (the caller re-reads only while the file stays under it).
   */
  checkRoots(nodes: readonly YamlNode[], firstIndex: number, keySpan: Span | undefined): RuleFinding[] {
    const roots = resolveSchema(whysSchema.properties!.roots);
    const item = resolveSchema(roots.items!);
    nodes.forEach((child, i) => this.checkItem(child, firstIndex + i, item, '`roots`', keySpan));
    return this.findings;
  }

  /** A step whose answer is a list of causes must be the last of its chain. */
  private checkCausesEndChain(steps: YamlNode[]): void {
    const branching = steps.findIndex((step) => isMap(step) && isSeq(step.get('because', true)));
    if (branching < 0) return;
    for (const later of steps.slice(branching + 1)) {
      const why = isMap(later) ? later.items.find((pair) => isScalar(pair.key) && pair.key.value === 'why') : undefined;
      this.report(
        this.span((why?.key as YamlNode) ?? later),
        `This step follows step ${branching + 1}, whose answer is a list of causes: the chain continues inside each cause. Move this step into the \`whys\` of the cause it asks about.`,
      );
    }
  }

  private checkObject(node: YamlNode | null | undefined, schema: SchemaNode, label: string, keySpan: Span | undefined): void {
    const noun = schema['x-noun'] ?? label;
    if (!isMap(node)) {
      const empty = node == null || (isScalar(node) && node.value == null);
      this.report(this.span(node, keySpan), empty ? `${noun} is empty.` : `${label} must be a block of keys (${noun}), not ${typeName(node)}.`);
      return;
    }
    const known = keysOf(schema);
    // A hash set: a map of a million keys must not take quadratic time.
    const present = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (present.has(name)) {
        this.report(this.span(pair.key as YamlNode), 'This key appears twice in the same block: keep one (YAML map keys must be unique).', undefined, 'syntax');
      } else present.add(name);
    }
    // Missing fields first: past the listing limit they are the findings that matter most.
    const required = schema.required;
    const missing = required && required.some((name) => !present.has(name)) ? required.filter((name) => !present.has(name)) : [];
    if (missing.length > 0) {
      const firstKey = node.items.find(isPair)?.key as YamlNode | undefined;
      const where = this.span(firstKey, this.span(node, keySpan));
      const list = missing.map((m) => `\`${m}\``).join(' and ');
      this.report(where, `${capitalise(noun)} is missing ${list}.${hintFor(missing, node)}`);
    }
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) {
        this.report(this.span(key, this.span(node)), `Keys of ${noun} must be plain names.`);
        continue;
      }
      // As this.span(key, this.span(node)), without the node's span unless the key has none.
      const own = spanOf(key, this.text);
      const span = own && own.end > own.start ? own : this.span(node);
      const property = schema.properties?.[name];
      if (!property) {
        if (schema.additionalProperties === false) {
          // Past a few hundred findings nobody reads more (the checker lists 100 per rule): a file
          // of a million unknown keys must not spend minutes guessing what each one meant.
          if (this.full()) {
            this.report(span, '', { key: name });
            continue;
          }
          const guess = closestWord(name, known.filter((k) => !present.has(k)));
          this.report(
            span,
            `Unknown key \`${name}\` in ${noun}.${guess ? ` Did you mean \`${guess}\`?` : ''} Known keys: ${known.join(', ')}.`,
            { key: name, ...(guess ? { didYouMean: guess } : {}) },
          );
        }
        continue;
      }
      this.check(pair.value as YamlNode, property, `\`${name}\``, span);
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A hint for the commonest missing fields. */
function hintFor(missing: string[], node: { get(key: string): unknown }): string {
  if (missing.includes('because')) {
    const why = node.get('why');
    return typeof why === 'string' ? ` Write the answer to ${quote(why)}.` : ' Write the answer to its question.';
  }
  if (missing.includes('why')) return ' Write the question this answer responds to.';
  return '';
}

