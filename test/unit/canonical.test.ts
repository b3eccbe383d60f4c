import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, REASONING_RULES } from '../../src/core';

const REASONING = new Set<string>(REASONING_RULES.map((r) => r.code));
const examples = join(__dirname, '..', '..', '..', 'test', 'examples');

function reasoningFindings(name: string) {
  const text = readFileSync(join(examples, name), 'utf8');
  return checkText(text).findings.filter((f) => REASONING.has(f.rule)).map((f) => ({ rule: f.rule, path: f.path }));
}

test('canonical: crowdstrike-as-written flags step 4 off-topic and nothing else', () => {
  assert.deepEqual(reasoningFindings('crowdstrike-as-written.whys.yaml'), [{ rule: 'off-topic', path: 'roots[0].whys[3]' }]);
});

test('canonical: crowdstrike has no reasoning finding', () => {
  assert.deepEqual(reasoningFindings('crowdstrike.whys.yaml'), []);
});

test('canonical: database-memory flags compound on steps 4 and 5 and nothing else', () => {
  assert.deepEqual(reasoningFindings('database-memory.whys.yaml'), [
    { rule: 'compound', path: 'roots[0].whys[3]' },
    { rule: 'compound', path: 'roots[0].whys[4]' },
  ]);
});

test('canonical: the off-topic message quotes the file', () => {
  const text = readFileSync(join(examples, 'crowdstrike-as-written.whys.yaml'), 'utf8');
  const finding = checkText(text).findings.find((f) => f.rule === 'off-topic');
  assert.ok(finding);
  assert.equal(text.slice(finding.span.start, finding.span.end).startsWith('Because the new IPC Template Type'), true);
  assert.deepEqual(finding.data?.evidence, ['integration code', '20 inputs', 'testing processes']);
  assert.equal(finding.data?.suggestion, 'The new IPC Template Type, introduced in February 2024, defined 21 input fields.');
});

test('docs/rules.md: each bad example is flagged by its rule, each good example by no reasoning rule', () => {
  const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
  const sections = docs.split(/^## `/m).slice(1);
  assert.equal(sections.length, 8);
  for (const section of sections) {
    const rule = section.slice(0, section.indexOf('`'));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(blocks.length, 2, rule);
    const wrap = (snippet: string): string =>
      'version: 1\ntitle: T\nproblem: P.\nroots:\n  - whys:\n' +
      snippet
        .split('\n')
        .map((line) => (line.startsWith('actions:') || /^ {2}- do:|^ {4}\w/.test(line) && /^\s*(owner|due|- do):/.test(line) ? '    ' + line : line ? '      ' + line : line))
        .join('\n');
    const [bad, good] = blocks.map((b) => checkText(wrap(b)));
    assert.ok(bad.parsed.wellFormed && good.parsed.wellFormed, rule);
    assert.equal(bad.findings.filter((f) => f.rule === rule).length, 1, `${rule}: bad example`);
    assert.deepEqual(good.findings.filter((f) => REASONING.has(f.rule)).map((f) => f.rule), [], `${rule}: good example`);
  }
});
