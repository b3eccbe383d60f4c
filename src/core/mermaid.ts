/**
 * The why-tree as a Mermaid flowchart: problem → roots → steps → causes, with nested chains
 * under causes. Pure: the preview, the Markdown report and the CLI all draw from here.
 *
 * Node ids come from the model path (`roots[0].whys[2]` → `r0_w2`), so an edit elsewhere in the
 * file never renames a node. Every label is escaped with Mermaid's entity codes, so no text in
 * a file can close its node, start a directive or add a `click`, `style` or `classDef` line.
 */
import type { Finding } from './findings';
import type { Analysis, Cause, Chain, ModelPath, Root, Span, Step } from './model';

/** How the flowchart is laid out and how long its labels may grow. */
export interface MermaidOptions {
  /** Top-down (default) or left-right. */
  readonly direction?: 'TD' | 'LR';
  /** The most characters of one text (a question, an answer) shown in a node (default 240). */
  readonly maxLabel?: number;
}

/** What a node of the tree stands for. */
export type TreeNodeKind = 'problem' | 'root' | 'step' | 'cause';

/** One node of the flowchart and where it comes from. */
export interface TreeNode {
  /** The Mermaid node id (stable: derived from the path). */
  readonly id: string;
  readonly kind: TreeNodeKind;
  /** The model path (`problem` for the problem node). */
  readonly path: ModelPath;
  /** The node's whole source range (the step's list item, the cause, the root). */
  readonly span: Span;
  /** The range to select when the node is revealed: the `why`, the cause, the question. */
  readonly focus: Span;
  /** Whether a warning or error is about this node (it gets the class `weak`). */
  readonly weak: boolean;
  /**
   * Text for a tooltip: the findings about the node, then the full text when the label was
   * shortened. Empty when there is nothing to add.
   */
  readonly tooltip: string;
}

/** The Mermaid source of an analysis with its nodes. */
export interface TreeDiagram {
  readonly source: string;
  readonly nodes: TreeNode[];
}

/** The default for `MermaidOptions.maxLabel`. */
export const DEFAULT_MAX_LABEL = 240;

/** The icon that marks a weak node's label. */
export const WEAK_ICON = '⚠';

/** The class definitions of the tree (colours that read on light and dark backgrounds). */
const CLASS_DEFS = [
  'classDef problem stroke-width:2px',
  'classDef root stroke-width:2px',
  'classDef weak stroke:#d97706,stroke-width:3px,stroke-dasharray:6 3',
];

/** Characters that Mermaid gives a meaning to, even inside a quoted label. */
const ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  ';': '#59;',
  ':': '#58;',
  '%': '#37;',
  '`': '#96;',
  '\\': '#92;',
  '*': '#42;',
  '_': '#95;',
  '~': '#126;',
};

/**
 * Escapes plain text for a Mermaid quoted label: line breaks and control characters become
 * spaces, and every character with a meaning to Mermaid becomes an entity code (`#quot;`,
 * `#35;`), so `%%{init}%%`, `:::`, `"]`, `click` or `<script>` in the text stay text.
 */
export function escapeLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')) {
    out += ENTITY[ch] ?? ch;
  }
  return out;
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function shortenText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** The Mermaid node id for a model path: `roots[0].whys[2].because[1]` → `r0_w2_c1`. */
export function nodeIdOf(path: ModelPath): string {
  if (path === 'problem') return 'problem';
  return path
    .replace(/^roots\[(\d+)\]/, 'r$1')
    .replace(/\.whys\[(\d+)\]/g, '_w$1')
    .replace(/\.because\[(\d+)\]/g, '_c$1')
    .replace(/[^A-Za-z0-9_]/g, '_');
}

/** The Mermaid source of the why-tree (see `treeDiagram` for the nodes as well). */
export function toMermaid(analysis: Analysis, findings: readonly Finding[] = [], options: MermaidOptions = {}): string {
  return treeDiagram(analysis, findings, options).source;
}

/** Builds the flowchart of an analysis and lists its nodes with their source ranges. */
export function treeDiagram(analysis: Analysis, findings: readonly Finding[] = [], options: MermaidOptions = {}): TreeDiagram {
  return new TreeWriter(analysis, findings, options).write();
}

/** The number of nodes `treeDiagram` would draw, without building labels. */
export function countTreeNodes(analysis: Analysis): number {
  let count = analysis.problem ? 1 : 0;
  const visit = (chain: Chain): void => {
    for (const step of chain.steps) {
      count++;
      for (const cause of step.causes ?? []) {
        count++;
        visit(cause.chain);
      }
    }
  };
  for (const root of analysis.roots) {
    count++;
    visit(root.chain);
  }
  return count;
}

/** The innermost node whose source range holds an offset (a cause before its step). */
export function nodeAtOffset(nodes: readonly TreeNode[], offset: number): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const node of nodes) {
    if (node.kind === 'problem') continue;
    if (offset < node.span.start || offset > node.span.end) continue;
    if (!best || node.span.end - node.span.start < best.span.end - best.span.start) best = node;
  }
  if (!best) {
    const problem = nodes.find((n) => n.kind === 'problem');
    if (problem && offset >= problem.span.start && offset <= problem.span.end) return problem;
  }
  return best;
}

/** Findings that mark a node weak. */
function isWeakening(finding: Finding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

class TreeWriter {
  private readonly lines: string[] = [];
  private readonly nodes: TreeNode[] = [];
  private readonly weakIds: string[] = [];
  private readonly byPath = new Map<string, Finding[]>();
  private readonly maxLabel: number;

  constructor(
    private readonly analysis: Analysis,
    findings: readonly Finding[],
    private readonly options: MermaidOptions,
  ) {
    this.maxLabel = Math.max(10, Math.floor(options.maxLabel ?? DEFAULT_MAX_LABEL));
    for (const finding of findings) {
      if (finding.path === undefined) continue;
      const list = this.byPath.get(finding.path) ?? [];
      list.push(finding);
      this.byPath.set(finding.path, list);
    }
  }

  write(): TreeDiagram {
    this.lines.push(`flowchart ${this.options.direction === 'LR' ? 'LR' : 'TD'}`);
    const problem = this.analysis.problem;
    if (problem) {
      const label = this.label([['', problem.text]], [], 'Problem');
      this.node('problem', 'problem', 'problem', problem.span, problem.span, `(["${label.text}"])`, [], label.full);
    }
    for (const root of this.analysis.roots) this.root(root, problem ? 'problem' : undefined);
    this.lines.push(...CLASS_DEFS.map((line) => '  ' + line));
    this.classLine('problem', this.nodes.filter((n) => n.kind === 'problem').map((n) => n.id));
    this.classLine('root', this.nodes.filter((n) => n.kind === 'root').map((n) => n.id));
    this.classLine('weak', this.weakIds);
    return { source: this.lines.join('\n') + '\n', nodes: this.nodes };
  }

  private root(root: Root, parent: string | undefined): void {
    const id = nodeIdOf(root.path);
    const parts: [string, string][] = [];
    if (root.question) parts.push(['', root.question.text]);
    if (root.perspective) parts.push(['as seen by ', root.perspective.text]);
    const findings = this.findingsAt(root.path);
    const label = this.label(parts, findings, `Root ${root.index + 1}${root.id ? ` · ${shortenText(root.id.text, this.maxLabel)}` : ''}`);
    const focus = root.question?.span ?? root.headSpan;
    this.node(id, 'root', root.path, root.span, focus, `[["${label.text}"]]`, findings, label.full);
    if (parent) this.edge(parent, id);
    this.chain(root.chain, id);
  }

  private chain(chain: Chain, parent: string): void {
    let previous = parent;
    for (const step of chain.steps) {
      previous = this.step(step, previous);
    }
  }

  private step(step: Step, parent: string): string {
    const id = nodeIdOf(step.path);
    const parts: [string, string][] = [['', step.why?.text ?? '(no question)']];
    if (step.because) parts.push(['→ ', step.because.text]);
    else if (!step.causes || step.causes.length === 0) parts.push(['→ ', '(no answer)']);
    const findings = this.findingsAt(step.path);
    const label = this.label(parts, findings);
    this.node(id, 'step', step.path, step.span, step.why?.span ?? step.span, `["${label.text}"]`, findings, label.full);
    this.edge(parent, id);
    for (const cause of step.causes ?? []) this.cause(cause, id);
    return id;
  }

  private cause(cause: Cause, parent: string): void {
    const id = nodeIdOf(cause.path);
    const findings = this.findingsAt(cause.path);
    const label = this.label([['', cause.cause?.text ?? '(no cause)']], findings);
    this.node(id, 'cause', cause.path, cause.span, cause.cause?.span ?? cause.span, `("${label.text}")`, findings, label.full);
    this.edge(parent, id);
    this.chain(cause.chain, id);
  }

  /** The findings about a node itself (not its children). */
  private findingsAt(path: ModelPath): Finding[] {
    return this.byPath.get(path) ?? [];
  }

  /**
   * Builds an escaped label from parts (prefix, text), one per line, under an optional bold
   * heading of our own words, with the weak icon first when needed.
   */
  private label(parts: [string, string][], findings: readonly Finding[] = [], heading?: string): { text: string; full?: string } {
    const weak = findings.some(isWeakening);
    let shortened = false;
    const shown = parts.map(([prefix, text]) => {
      const short = shortenText(text, this.maxLabel);
      if (short !== text.replace(/\s+/g, ' ').trim()) shortened = true;
      return escapeLabel(prefix + short);
    });
    if (heading) shown.unshift(`<b>${escapeLabel(heading)}</b>`);
    const text = (weak ? `${WEAK_ICON} ` : '') + shown.join('<br/>');
    return { text, full: shortened ? parts.map(([prefix, t]) => prefix + t).join('\n') : undefined };
  }

  private node(id: string, kind: TreeNodeKind, path: ModelPath, span: Span, focus: Span, shape: string, findings: readonly Finding[], full?: string): void {
    const weak = findings.some(isWeakening);
    if (weak) this.weakIds.push(id);
    const tooltip = [
      ...findings.map((f) => `${f.severity === 'error' || f.severity === 'warning' ? WEAK_ICON + ' ' : ''}${f.rule}: ${f.message}`),
      ...(full ? [full] : []),
    ].join('\n\n');
    this.nodes.push({ id, kind, path, span, focus, weak, tooltip });
    this.lines.push(`  ${id}${shape}`);
  }

  private edge(from: string, to: string): void {
    this.lines.push(`  ${from} --> ${to}`);
  }

  private classLine(name: string, ids: readonly string[]): void {
    if (ids.length > 0) this.lines.push(`  class ${ids.join(',')} ${name}`);
  }
}
