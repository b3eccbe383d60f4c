/**
 * Nothing under the 4 M-character limit overflows the stack: the longest chain and the deepest
 * nesting the limit allows go through the check, every export (Mermaid, Markdown, the preview's
 * tree), the editor's outline, folding, formatting, hover and every quick fix (issue 12).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, checkText, fixesFor, foldingBlocksOf, formatText, outlineOf, parseAnalysis, positionAt, toMarkdownReport, toMermaid, treeDiagram, verdictAt, type CheckResult } from '../../src/core';
import { MAX_NESTING_DEPTH, MAX_TEXT_LENGTH } from '../../src/core/limits';

const HEAD = 'version: 1\ntitle: Limits\nproblem: The service failed.\n# whys-ignore coverage\nroots:\n';

/** One root whose chain holds as many steps as fit under the limit (some compound, some remedies). */
function longestChain(): string {
  const parts = [HEAD, '  - whys:\n'];
  let length = parts.join('').length;
  for (let i = 0; ; i++) {
    // Short steps, so that the chain is as long as the limit allows; now and then one that a
    // rule with a quick fix flags (a remedy, a compound answer, a question without "?").
    const answer = i % 97 === 1 ? `We should add check ${i}` : i % 97 === 2 ? `The filter ${i} was clogged, and the pressure gauge was broken` : `B${i}`;
    const step = `      - why: ${i % 97 === 3 ? 'Step' : 'W'}${i}${i % 97 === 3 ? '' : '?'}\n        because: ${answer}.\n`;
    if (length + step.length > MAX_TEXT_LENGTH) break;
    parts.push(step);
    length += step.length;
  }
  return parts.join('');
}

/** Causes nested in block style, `levels` deep (or as deep as fits under the limit). */
function blockNesting(levels: number): string {
  let out = HEAD + '  - whys:\n';
  let indent = 6;
  for (let d = 0; d < levels; d++) {
    const pad = ' '.repeat(indent);
    const level = `${pad}- why: Why ${d}?\n${pad}  because:\n${pad}    - cause: Cause ${d}.\n${pad}      whys:\n`;
    if (out.length + level.length + 2 * indent + 60 > MAX_TEXT_LENGTH) break;
    out += level;
    indent += 8;
  }
  const pad = ' '.repeat(indent);
  return out + `${pad}- why: Why at the end?\n${pad}  because: The end.\n`;
}

/** Causes nested in flow style, as deep as fits under the limit. */
function flowNesting(): string {
  const open: string[] = [];
  let length = HEAD.length + 40;
  for (let d = 0; ; d++) {
    const level = `[{why: "Why ${d}?", because: [{cause: "Cause ${d}.", whys: `;
    if (length + level.length + 4 + 40 > MAX_TEXT_LENGTH) break;
    open.push(level);
    length += level.length + 4;
  }
  return HEAD + '  - whys: ' + open.join('') + '[{why: "Why?", because: "End."}]' + '}]}]'.repeat(open.length) + '\n';
}

/** Runs everything that walks the model or the text, and each rule's fixes, on one file. */
function everything(name: string, text: string): CheckResult {
  assert.ok(text.length <= MAX_TEXT_LENGTH, `${name}: ${text.length} characters`);
  const result = checkText(text);
  const { parsed, findings } = result;
  assert.ok(toMermaid(parsed.analysis, findings).startsWith('flowchart'), `${name}: mermaid`);
  assert.match(toMarkdownReport(parsed.analysis, findings), /^# Correction of Errors/, `${name}: markdown`);
  treeDiagram(parsed.analysis, findings);
  outlineOf(parsed.analysis);
  foldingBlocksOf(text, parsed.comments);
  formatText(text);
  positionAt(text, text.length - 3);
  verdictAt(result, text.length - 20);
  const done = new Set<string>();
  for (const finding of findings) {
    if (done.has(finding.rule)) continue;
    done.add(finding.rule);
    for (const fix of fixesFor(parsed, finding)) {
      const fixed = applyEdits(text, fix.edits);
      // The rule's own fix leaves a file that still reads (one that adds lines to a file at the
      // limit may take it past, and is then reported as too large, not read).
      if (fix.preferred && fixed.length <= MAX_TEXT_LENGTH) assert.equal(parseAnalysis(fixed).wellFormed, parsed.wellFormed, `${name}: ${fix.title}`);
    }
  }
  return result;
}

test('the longest chain under the limit: check, every export and every fix, no stack overflow', () => {
  const text = longestChain();
  const { parsed, findings } = everything('longest chain', text);
  assert.ok(parsed.wellFormed);
  assert.ok(parsed.analysis.roots[0].chain.steps.length > 85_000, `${parsed.analysis.roots[0].chain.steps.length} steps`);
  for (const rule of ['compound', 'action-as-cause', 'not-a-question']) assert.ok(findings.some((f) => f.rule === rule), `${rule} found, so its fix ran`);
});

test('nesting at the depth whys reads, and one level past it: checked, exported, fixed; the rest reported', () => {
  const atLimit = everything('at the nesting limit', blockNesting(MAX_NESTING_DEPTH));
  assert.ok(atLimit.parsed.wellFormed);
  assert.deepEqual(atLimit.findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax'), []);
  const past = everything('past the nesting limit', blockNesting(MAX_NESTING_DEPTH + 1));
  const deep = past.findings.filter((f) => f.rule === 'schema');
  assert.equal(deep.length, 1, JSON.stringify(past.findings.map((f) => f.message)));
  assert.match(deep[0].message, /nested 101 levels deep, past the 100 whys reads/);
});

test('the deepest nesting under the limit, block and flow style: a finding, not a crash', () => {
  for (const [name, text] of [['block', blockNesting(Number.MAX_SAFE_INTEGER)], ['flow', flowNesting()]] as const) {
    const { findings } = everything(`deepest ${name} nesting`, text);
    assert.ok(findings.some((f) => f.rule === 'syntax' || f.rule === 'schema'), `${name}: ${findings.map((f) => f.message).join('; ')}`);
  }
});
