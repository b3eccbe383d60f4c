/**
 * Parsing: `.whys.yaml` text → YAML tree (eemeli/yaml, with source ranges) → the typed model.
 * Syntax errors and schema problems are returned as findings next to the model; the model holds
 * whatever could be read, so later rules and the preview still work on a half-written file.
 */
import { Composer, Parser, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { RuleFinding } from './findings';
import type { Action, Analysis, Cause, Chain, Incident, Root, Span, Step, TextValue } from './model';
import { commentAt, lineFeeds, type Comment } from './text';
import { MAX_NESTING_DEPTH, MAX_TEXT_LENGTH } from './limits';
import { SchemaValidator, spanOf } from './validate';

/** The outcome of parsing one file. */
export interface ParsedAnalysis {
  readonly text: string;
  readonly analysis: Analysis;
  /** `syntax` and `schema` findings. */
  readonly problems: RuleFinding[];
  readonly comments: Comment[];
  /** Whether the YAML itself parsed (no `syntax` finding). */
  readonly wellFormed: boolean;
}

/** The most syntax errors reported for one file; past that the rest are noise. */
const MAX_SYNTAX_FINDINGS = 50;

/**
 * Parses a whole analysis. Never throws: any failure becomes a `syntax` finding. Old Mac line
 * endings (a CR alone) are read as line breaks, as YAML 1.2 says; offsets stay those of `text`.
 */
export function parseAnalysis(original: string): ParsedAnalysis {
  const parsed = parseLines(lineFeeds(original));
  return parsed.text === original ? parsed : { ...parsed, text: original };
}


function parseLines(text: string): ParsedAnalysis {
  const empty: Analysis = { roots: [], span: { start: 0, end: text.length } };
  if (text.length > MAX_TEXT_LENGTH) {
    const size = (text.length / (1024 * 1024)).toFixed(1);
    const problem: RuleFinding = {
      rule: 'syntax',
      span: { start: 0, end: Math.min(text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length, 200) },
      message: `This file is ${size} M characters long: an analysis is never this large (whys reads up to ${MAX_TEXT_LENGTH / (1024 * 1024)} M), so it was not checked. Is it the file you meant?`,
    };
    return { text, analysis: empty, problems: [problem], comments: [], wellFormed: false };
  }
  let document: Document;
  let comments: Comment[] = [];
  let refs = true;
  let list: RootsList | undefined;
  try {
    ({ document, comments, refs, list } = readYaml(text));
  } catch (error) {
    const problem: RuleFinding = {
      rule: 'syntax',
      span: { start: 0, end: Math.min(1, text.length) },
      message: /call stack/i.test(String(error)) ? syntaxMessage('', String(error)) : `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
    return { text, analysis: empty, problems: [problem], comments: [], wellFormed: false };
  }
  const problems: RuleFinding[] = document.errors.slice(0, MAX_SYNTAX_FINDINGS).map((error) => ({
    rule: 'syntax' as const,
    span: widen({ start: error.pos[0], end: error.pos[1] }, text),
    message: syntaxMessage(error.code, error.message),
  }));
  if (problems.length > 0) {
    // Read what can be read, but report only the syntax: schema findings on a broken tree mislead.
    return { text, analysis: safeBuild(new ModelBuilder(text, document)) ?? empty, problems, comments, wellFormed: false };
  }
  const schemaProblems = new SchemaValidator(text, document).run();
  const builder = new ModelBuilder(text, document);
  const analysis = safeBuild(builder) ?? empty;
  const parsed: ParsedAnalysis = { text, analysis, problems: [...schemaProblems, ...builder.problems], comments, wellFormed: true };
  const layout = refs ? undefined : rootsLayout(document, list, schemaProblems.length);
  if (layout) layouts.set(parsed, layout);
  return parsed;
}

/**
 * Where the roots of a parsed file stand, kept so that an edit inside some roots can re-read
 * only those (`reparseAnalysis`). Recorded only for a file that parsed without a syntax error,
 * with no anchor, alias or directive anywhere (a root read alone must mean what it meant in
 * the file), and with `roots` a block list of blocks of keys whose dashes stand at one column,
 * each first on its line.
 */
export interface RootsLayout {
  /** Where the line of each root's `-` starts: the item runs to the next one's. */
  readonly starts: readonly number[];
  /** The column of the dashes. */
  readonly column: number;
  /** Where the last root ends: the text's end when `roots` is the file's last key, else -1 (never re-read alone). */
  readonly end: number;
  /** How many of `problems` come from the schema check (the rest from reading the model). */
  readonly schemaCount: number;
}

const layouts = new WeakMap<ParsedAnalysis, RootsLayout>();

/** The layout of the roots of a parse (see `RootsLayout`), when one was recorded. */
export function layoutOf(parsed: ParsedAnalysis): RootsLayout | undefined {
  return layouts.get(parsed);
}

/** Records the layout of a parse put together from parts (by `reparseAnalysis`). */
export function setLayout(parsed: ParsedAnalysis, layout: RootsLayout): void {
  layouts.set(parsed, layout);
}

function rootsLayout(document: Document, list: RootsList | undefined, schemaCount: number): RootsLayout | undefined {
  const top = document.contents;
  if (!isMap(top) || !list) return undefined;
  const at = top.items.findIndex((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === 'roots');
  const seq = at >= 0 ? top.items[at].value : undefined;
  if (!isSeq(seq) || seq.items.length === 0 || seq.items.length !== list.starts.length || !seq.items.every((item) => isMap(item))) return undefined;
  return { starts: list.starts, column: list.column, end: at === top.items.length - 1 ? list.textLength : -1, schemaCount };
}

/**
 * The line starts of the dashes of a block list's items and their column, when each dash is the
 * first thing on its line and all stand at one column; undefined otherwise.
 */
function dashLines(text: string, items: readonly CST.BlockSequence['items'][number][]): { starts: number[]; column: number } | undefined {
  const starts: number[] = [];
  let column = -1;
  for (const item of items) {
    const dash = item.start.find((token) => token.type === 'seq-item-ind');
    if (!dash) return undefined;
    const lineStart = text.lastIndexOf('\n', dash.offset - 1) + 1;
    for (let i = lineStart; i < dash.offset; i++) if (text.charCodeAt(i) !== 32) return undefined;
    if (column >= 0 && dash.offset - lineStart !== column) return undefined;
    column = dash.offset - lineStart;
    starts.push(lineStart);
  }
  return { starts, column };
}

/** What reading the YAML of a text (or of a part of it) gives. */
export interface YamlRead {
  readonly document: Document;
  readonly comments: Comment[];
  /** Whether the text holds an anchor, an alias or a directive. */
  readonly refs: boolean;
  /** Whether a document-end marker (`...`) was read. */
  readonly ended: boolean;
  /** Whether a document-start marker (`---`) was read. */
  readonly started: boolean;
  /**
   * Where the items of the roots' block list start (read whole: the list under `roots`; a part:
   * the list the part is), when each dash starts its line at one column (see `dashLines`).
   */
  readonly list: RootsList | undefined;
}

/** The dashes of a block list of roots: see `YamlRead.list`. */
export interface RootsList {
  readonly starts: number[];
  readonly column: number;
  /** The length of the text read. */
  readonly textLength: number;
}

/**
 * The block list of roots in a concrete syntax tree: under the key `roots` when the text is read
 * whole, else the list that the part read is. Looked up right after composing, so that the tree
 * itself is not kept while the model is built.
 */
function rootsList(text: string, document: Document, cst: CST.Document | undefined, whole: boolean): RootsList | undefined {
  let token: CST.Token | undefined = cst?.value;
  if (whole) {
    const top = document.contents;
    const pair = isMap(top) ? top.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'roots') : undefined;
    const seq = pair?.value;
    if (!isSeq(seq)) return undefined;
    // The block list that starts where the composed list does.
    const start = seq.range?.[0];
    token = token?.type === 'block-map' ? token.items.find((item) => item.value?.offset === start)?.value : undefined;
  }
  if (token?.type !== 'block-seq') return undefined;
  const dashes = dashLines(text, token.items);
  return dashes && { ...dashes, textLength: text.length };
}

/**
 * Lexes, parses and composes the text once, collecting its comments from the same concrete
 * syntax tree (a second lexer pass would cost a sixth of the parse). With `from` and `to`, reads
 * only that part of the text, as if it stood alone, with every offset still one of `text`.
 */
export function readYaml(text: string, from = 0, to = text.length): YamlRead {
  const parser = new Parser();
  // Duplicate keys are found by the schema check with a hash set: yaml's own check compares
  // every key of a map with every other, which never ends on a map of a million keys.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const documents: Document[] = [];
  const found: Found = { comments: [], refs: false };
  let cst: CST.Document | undefined;
  let ended = false;
  let started = false;
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const token of parser.parse(source)) {
    if (from !== 0) shiftOffsets(token, from);
    if (token.type === 'document') {
      cst ??= token;
      if (token.start.some((t) => t.type === 'doc-start')) started = true;
    } else if (token.type === 'doc-end') ended = true;
    collectComments(token, found);
    documents.push(...(composer.next(token) as Iterable<Document>));
  }
  documents.push(...(composer.end(true, to) as Iterable<Document>));
  const document = documents[0];
  for (const extra of documents.slice(1)) {
    const at = extra.range?.[0] ?? to;
    document.errors.push(new YAMLParseError([at, at + 3], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
  }
  const comments = found.comments.map(({ offset, source }) => commentAt(text, offset, source));
  const list = rootsList(text, document, cst, from === 0 && to === text.length);
  return { document, comments: comments.sort((a, b) => a.span.start - b.span.start), refs: found.refs, ended, started, list };
}

/** Moves every offset of a CST token (and of the tokens inside it) by `by`. */
function shiftOffsets(node: unknown, by: number): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) shiftOffsets(child, by);
    return;
  }
  const token = node as Record<string, unknown>;
  for (const key in token) {
    const value = token[key];
    if (key === 'offset' && typeof value === 'number') token[key] = value + by;
    else if (value !== null && typeof value === 'object') shiftOffsets(value, by);
  }
}

/** The comments found in a CST, and whether an anchor, alias or directive was seen. */
type Found = { comments: { offset: number; source: string }[]; refs: boolean };
type SourceToken = { type: string; offset: number; source: string };
type CollectionItem = { start?: SourceToken[]; key?: unknown; sep?: SourceToken[]; value?: unknown };

/** The comments among a list of source tokens (where a CST keeps them). */
function commentsIn(tokens: readonly SourceToken[] | undefined, out: Found): void {
  if (!tokens) return;
  for (const token of tokens) {
    if (token.type === 'comment') out.comments.push({ offset: token.offset, source: token.source });
    else if (token.type === 'anchor') out.refs = true;
  }
}

/**
 * Every comment token in a CST token. Comments only stand in the source-token lists of a
 * document, a collection item, a scalar's end or a block scalar's header, so the walk visits
 * those and the nested collections, nothing else.
 */
function collectComments(node: unknown, out: Found): void {
  if (node === null || typeof node !== 'object') return;
  const token = node as { type?: string } & Record<string, unknown>;
  switch (token.type) {
    case 'document':
      commentsIn(token.start as SourceToken[], out);
      collectComments(token.value, out);
      commentsIn(token.end as SourceToken[], out);
      return;
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      if (token.type === 'flow-collection') commentsIn([token.start as SourceToken], out);
      for (const item of token.items as CollectionItem[]) {
        commentsIn(item.start, out);
        collectComments(item.key, out);
        commentsIn(item.sep, out);
        collectComments(item.value, out);
      }
      commentsIn(token.end as SourceToken[] | undefined, out);
      return;
    case 'block-scalar':
      commentsIn(token.props as SourceToken[], out);
      return;
    case 'alias':
      out.refs = true;
      commentsIn(token.end as SourceToken[] | undefined, out);
      return;
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      commentsIn(token.end as SourceToken[] | undefined, out);
      return;
    case 'comment':
      out.comments.push({ offset: token.offset as number, source: token.source as string });
      return;
    case 'anchor':
    case 'directive':
      out.refs = true;
      return;
    default:
      // `directive`, `error`, `doc-end` and any token type a later yaml adds: look everywhere.
      for (const key in token) {
        const child = token[key];
        if (Array.isArray(child)) for (const c of child) collectComments(c, out);
        else collectComments(child, out);
      }
  }
}

function safeBuild(builder: ModelBuilder): Analysis | undefined {
  try {
    return builder.build();
  } catch {
    return undefined;
  }
}

/** Error spans can be one character wide (a duplicate key): widen them to the word there. */
function widen(span: Span, text: string): Span {
  const start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(start, Math.min(span.end, text.length));
  if (end - start <= 1) {
    end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r' && text[end] !== ':' && text[end] !== '#') end++;
    while (end > start + 1 && text[end - 1] === ' ') end--;
    if (end === start && start < text.length) end = start + 1;
  }
  return { start, end };
}

function syntaxMessage(code: string, message: string): string {
  const text = message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  if (/call stack/i.test(text)) return 'The YAML is nested too deeply to read here: an analysis never needs thousands of levels.';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same block: keep one (YAML map keys must be unique).';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `YAML syntax: ${text}. Check the indentation of this line against its siblings.`;
    case 'MULTIPLE_DOCS':
      return 'A .whys.yaml file holds one analysis: remove the second document (after `---`).';
    default:
      return `YAML syntax: ${text}.`;
  }
}

type MutableChain = { -readonly [K in keyof Chain]: Chain[K] };

/** Reads the YAML tree into the model, taking only values of the right type. */
export class ModelBuilder {
  /** Causes nested past MAX_NESTING_DEPTH, reported as `schema` findings. */
  readonly problems: RuleFinding[] = [];

  constructor(
    private readonly text: string,
    private readonly document: Document,
  ) {}

  build(): Analysis {
    const top = this.document.contents as YamlNode | null;
    const span = { start: 0, end: this.text.length };
    if (!isMap(top)) return { roots: [], span };
    const version = this.value(top, 'version');
    const rootsPair = this.pair(top, 'roots');
    const roots: Root[] = [];
    const analysis: Analysis = {
      version: isScalar(version) && typeof version.value === 'number' ? version.value : undefined,
      title: this.textOf(top, 'title'),
      incident: this.incident(this.value(top, 'incident')),
      problem: this.textOf(top, 'problem'),
      roots,
      rootsKeySpan: rootsPair ? spanOf(rootsPair.key as YamlNode, this.text) : undefined,
      span,
    };
    const rootNodes = this.value(top, 'roots');
    if (isSeq(rootNodes)) {
      rootNodes.items.forEach((node, index) => {
        if (isMap(node)) roots.push(this.root(node as YAMLMap, index));
      });
    }
    return analysis;
  }

  private resolve(node: unknown): YamlNode | undefined {
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      return isScalar(target) ? target : undefined;
    }
    return (node as YamlNode | null) ?? undefined;
  }

  private pair(map: YAMLMap, key: string) {
    return map.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
  }

  private value(map: YAMLMap, key: string): YamlNode | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  private textOf(map: YAMLMap, key: string): TextValue | undefined {
    const pair = this.pair(map, key);
    const node = this.resolve(pair?.value);
    if (!isScalar(node) || typeof node.value !== 'string') return undefined;
    const span = spanOf(node, this.text);
    if (!span) return undefined;
    return { text: node.value, span, keySpan: spanOf(pair?.key as YamlNode, this.text) };
  }

  private texts(map: YAMLMap, key: string): TextValue[] {
    const node = this.value(map, key);
    if (isSeq(node)) {
      return node.items.flatMap((item) => {
        const resolved = this.resolve(item);
        const span = spanOf(resolved, this.text);
        return isScalar(resolved) && typeof resolved.value === 'string' && span ? [{ text: resolved.value, span }] : [];
      });
    }
    const single = this.textOf(map, key);
    return single ? [single] : [];
  }

  private spanOrZero(node: YamlNode): Span {
    return spanOf(node, this.text) ?? { start: 0, end: 0 };
  }

  private incident(node: YamlNode | undefined): Incident | undefined {
    if (!isMap(node)) return undefined;
    const timelineNode = this.value(node, 'timeline');
    const timeline: { phase: string; at: TextValue }[] = [];
    if (isMap(timelineNode)) {
      for (const phase of ['started', 'detected', 'mitigated', 'resolved']) {
        const at = this.textOf(timelineNode, phase);
        if (at) timeline.push({ phase, at });
      }
    }
    return {
      date: this.textOf(node, 'date'),
      severity: this.textOf(node, 'severity'),
      summary: this.textOf(node, 'summary'),
      impact: this.textOf(node, 'impact'),
      timeline,
      span: this.spanOrZero(node),
    };
  }

  /** The root read from the item `index` of `roots`. */
  root(node: YAMLMap, index: number): Root {
    const path = `roots[${index}]`;
    const firstKey = node.items.find(isPair)?.key as YamlNode | undefined;
    const span = this.spanOrZero(node);
    const actions: Action[] = [];
    const chain: MutableChain = { path: `${path}.whys`, steps: [], owner: undefined as unknown as Root, root: undefined as unknown as Root, depth: 0 };
    const root: Root = {
      kind: 'root',
      path,
      index,
      id: this.textOf(node, 'id'),
      question: this.textOf(node, 'question'),
      perspective: this.textOf(node, 'perspective'),
      note: this.textOf(node, 'note'),
      chain,
      actions,
      span,
      headSpan: (firstKey && spanOf(firstKey, this.text)) ?? span,
    };
    chain.owner = root;
    chain.root = root;
    this.fillChain(chain, this.value(node, 'whys'));
    const actionNodes = this.value(node, 'actions');
    if (isSeq(actionNodes)) {
      actionNodes.items.forEach((item, i) => {
        if (isMap(item)) actions.push(this.action(item as YAMLMap, i, root));
      });
    }
    return root;
  }

  private fillChain(chain: MutableChain, node: YamlNode | undefined): void {
    if (!isSeq(node)) return;
    chain.span = spanOf(node, this.text);
    node.items.forEach((item) => {
      if (isMap(item)) chain.steps.push(this.step(item as YAMLMap, chain.steps.length, chain));
    });
  }

  private step(node: YAMLMap, index: number, chain: Chain): Step {
    const path = `${chain.path}[${index}]`;
    const becausePair = this.pair(node, 'because');
    const becauseNode = this.resolve(becausePair?.value);
    const causes: Cause[] = [];
    const step: Step = {
      kind: 'step',
      path,
      index,
      id: this.textOf(node, 'id'),
      why: this.textOf(node, 'why'),
      because: this.textOf(node, 'because'),
      causes: isSeq(becauseNode) ? causes : undefined,
      becauseKeySpan: becausePair ? spanOf(becausePair.key as YamlNode, this.text) : undefined,
      evidence: this.texts(node, 'evidence'),
      note: this.textOf(node, 'note'),
      chain,
      span: this.spanOrZero(node),
    };
    if (isSeq(becauseNode)) {
      becauseNode.items.forEach((item, i) => {
        if (isMap(item)) causes.push(this.cause(item as YAMLMap, i, step, `${path}.because[${i}]`));
      });
    }
    return step;
  }

  private cause(node: YAMLMap, index: number, step: Step, path: string): Cause {
    const chain: MutableChain = {
      path: `${path}.whys`,
      steps: [],
      owner: undefined as unknown as Cause,
      root: step.chain.root,
      depth: step.chain.depth + 1,
    };
    const cause: Cause = {
      kind: 'cause',
      path,
      index,
      id: this.textOf(node, 'id'),
      cause: this.textOf(node, 'cause'),
      evidence: this.texts(node, 'evidence'),
      note: this.textOf(node, 'note'),
      step,
      chain,
      span: this.spanOrZero(node),
    };
    chain.owner = cause;
    const whys = this.value(node, 'whys');
    if (chain.depth <= MAX_NESTING_DEPTH) this.fillChain(chain, whys);
    else if (isSeq(whys) && whys.items.length > 0) {
      this.problems.push({
        rule: 'schema',
        span: spanOf(this.pair(node, 'whys')?.key as YamlNode, this.text) ?? this.spanOrZero(node),
        message: `These whys are nested ${chain.depth} levels deep, past the ${MAX_NESTING_DEPTH} whys reads: they were not checked. Move this line of inquiry into a root of its own.`,
        path,
      });
    }
    return cause;
  }

  private action(node: YAMLMap, index: number, root: Root): Action {
    return {
      kind: 'action',
      path: `${root.path}.actions[${index}]`,
      index,
      root,
      do: this.textOf(node, 'do'),
      owner: this.textOf(node, 'owner'),
      due: this.textOf(node, 'due'),
      actionKind: this.textOf(node, 'kind'),
      status: this.textOf(node, 'status'),
      for: this.textOf(node, 'for'),
      span: this.spanOrZero(node),
    };
  }
}
