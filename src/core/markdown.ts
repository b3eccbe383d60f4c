/**
 * The analysis as a Correction of Errors (CoE) report in Markdown: title, incident block,
 * problem, one section per root with its chain (flagged steps marked), the actions table and
 * the why-tree as a ```mermaid block, which GitHub renders.
 */
import type { Finding } from './findings';
import type { Analysis, Chain, ModelPath, Root, Step, TextValue } from './model';
import { toMermaid, WEAK_ICON } from './mermaid';

/** Escapes plain text for inline Markdown: no markup, no HTML, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]{}()<>#+!|~&]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '\\' + ch))
    .trim();
}

/** The CoE report of an analysis; findings (optional) mark the flagged steps. */
export function toMarkdownReport(analysis: Analysis, findings: readonly Finding[] = []): string {
  const byPath = new Map<ModelPath, Finding[]>();
  for (const finding of findings) {
    if (finding.path === undefined) continue;
    const list = byPath.get(finding.path);
    if (list) list.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  const flagged = (path: ModelPath): Finding[] => (byPath.get(path) ?? []).filter((f) => f.severity === 'error' || f.severity === 'warning');
  const text = (value: TextValue | undefined, fallback = '—'): string => (value ? escapeMarkdown(value.text) : fallback);

  const out: string[] = [];
  out.push(`# Correction of Errors: ${text(analysis.title, 'Untitled analysis')}`, '');

  const incident = analysis.incident;
  if (incident) {
    out.push('## Incident', '');
    const rows: [string, TextValue | undefined][] = [
      ['Date', incident.date],
      ['Severity', incident.severity],
      ['Summary', incident.summary],
      ['Impact', incident.impact],
    ];
    for (const [name, value] of rows) if (value) out.push(`- **${name}:** ${text(value)}`);
    for (const { phase, at } of incident.timeline) out.push(`- **${escapeMarkdown(phase[0].toUpperCase() + phase.slice(1))}:** ${text(at)}`);
    out.push('');
  }

  out.push('## Problem', '', text(analysis.problem, '_No problem statement._'), '');

  // Every line goes straight into `out`: one chain may hold tens of thousands of steps, too many
  // to spread into a call's arguments, and copying each level's lines into the one above would
  // cost the depth times the lines.
  const flagsFor = (path: ModelPath, indent: string): void => {
    for (const f of flagged(path)) out.push(`${indent}> ${WEAK_ICON} **${f.rule}:** ${escapeMarkdown(f.message)}`);
  };

  const chainLines = (chain: Chain, indent: string): void => {
    for (const step of chain.steps) stepLines(step, indent);
  };

  const stepLines = (step: Step, indent: string): void => {
    const mark = flagged(step.path).length > 0 ? `${WEAK_ICON} ` : '';
    out.push(`${indent}${step.index + 1}. ${mark}**${text(step.why, '(no question)')}**`);
    const inner = indent + '   ';
    if (step.because) out.push(`${inner}${text(step.because)}`);
    for (const evidence of step.evidence) out.push(`${inner}_Evidence:_ ${text(evidence)}`);
    flagsFor(step.path, inner);
    for (const cause of step.causes ?? []) {
      const causeMark = flagged(cause.path).length > 0 ? `${WEAK_ICON} ` : '';
      out.push(`${inner}- ${causeMark}${text(cause.cause, '(no cause)')}`);
      const causeInner = inner + '  ';
      for (const evidence of cause.evidence) out.push(`${causeInner}_Evidence:_ ${text(evidence)}`);
      flagsFor(cause.path, causeInner);
      chainLines(cause.chain, causeInner);
    }
  };

  const rootSection = (root: Root): void => {
    const name = root.question ? text(root.question) : `Root ${root.index + 1}`;
    out.push(`## Root ${root.index + 1}: ${name}`, '');
    const facts: string[] = [];
    if (root.id) facts.push(`id \`${root.id.text.replace(/`/g, '')}\``);
    if (root.perspective) facts.push(`perspective: ${text(root.perspective)}`);
    if (facts.length > 0) out.push(`_${facts.join(' · ')}_`, '');
    flagsFor(root.path, '');
    if (flagged(root.path).length > 0) out.push('');
    chainLines(root.chain, '');
    out.push('');
  };

  for (const root of analysis.roots) rootSection(root);

  const actions = analysis.roots.flatMap((root) => root.actions);
  out.push('## Actions', '');
  if (actions.length === 0) {
    out.push('_No corrective actions yet._', '');
  } else {
    const cell = (value: TextValue | undefined): string => text(value, '—');
    out.push('| # | Action | Root | Owner | Due | Kind | Status | For |', '|---|---|---|---|---|---|---|---|');
    actions.forEach((action, i) => {
      const root = action.root.id ? escapeMarkdown(action.root.id.text) : String(action.root.index + 1);
      out.push(
        `| ${i + 1} | ${cell(action.do)} | ${root} | ${cell(action.owner)} | ${cell(action.due)} | ${cell(action.actionKind)} | ${action.status ? cell(action.status) : 'open'} | ${cell(action.for)} |`,
      );
    });
    out.push('');
  }

  out.push('## Why-tree', '', '```mermaid', toMermaid(analysis, findings).trimEnd(), '```', '');
  return out.join('\n');
}
