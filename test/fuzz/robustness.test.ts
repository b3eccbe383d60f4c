/**
 * Bad input of any kind gives findings, never an exception, never a hang (SPEC §5): random and
 * mutated documents, alias bombs, deep nesting, 10 MB files, binary junk. The per-test timeouts
 * only guard against hangs; speed is measured by `npm run bench`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText, commentsOf, parseAnalysis, type Finding } from '../../src/core';

const root = resolve(__dirname, '../../..');
const examples = readdirSync(join(root, 'test', 'examples')).filter((name) => name.endsWith('.whys.yaml')).map((name) => readFileSync(join(root, 'test', 'examples', name), 'utf8'));

function assertSane(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `span ${JSON.stringify(f.span)} outside a text of ${text.length}`);
    assert.ok(f.message.length > 0);
  }
}

function checked(text: string): Finding[] {
  const { findings } = checkText(text);
  assertSane(text, findings);
  return findings;
}

test('random text never throws and every span lies inside the text', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      checked(text);
    }),
    { numRuns: 400, seed: 20241119 },
  );
});

test('random YAML-ish text built from the format’s own tokens never throws', { timeout: 120_000 }, () => {
  const token = fc.constantFrom(
    'version: 1\n', 'title: t\n', 'problem: p\n', 'roots:\n', '  - ', 'whys:\n', '- why: ', 'because: ', 'cause: ', 'actions:\n',
    '    ', '  ', '\n', '# whys-ignore blame\n', '&a ', '*a', '[', ']', '{', '}', ', ', ': ', '"', "'", '|\n', '>\n', 'for: x\n', 'id: x\n', '---\n', '? ', '!!str ', '\t',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 80 }), (tokens) => {
      checked(tokens.join(''));
    }),
    { numRuns: 500, seed: 7 },
  );
});

test('mutated examples never throw', { timeout: 120_000 }, () => {
  const mutation = fc.record({
    example: fc.integer({ min: 0, max: examples.length - 1 }),
    at: fc.nat(),
    remove: fc.nat({ max: 40 }),
    insert: fc.string({ maxLength: 12 }),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
      let text = examples[mutations[0].example];
      for (const m of mutations) {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
      }
      checked(text);
    }),
    { numRuns: 400, seed: 42 },
  );
});

test('the comments read from the parse tree are exactly those YAML’s lexer finds', { timeout: 120_000 }, () => {
  const token = fc.constantFrom('version: 1\n', 'roots:\n', '  - ', 'why: ', 'because: ', '# c\n', ' # t\n', '"a # b"', "'x # y'", '|\n  # in block\n', '[a, # f\n b]', '{k: v} # m\n', '\n', '  ', '---\n', '...\n', '%YAML 1.2\n', '&a ', '*a', '? k\n: v\n');
  fc.assert(
    fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
      const text = tokens.join('');
      const expected = commentsOf(text).map((c) => c.span.start);
      assert.deepEqual(parseAnalysis(text).comments.map((c) => c.span.start), expected, JSON.stringify(text));
    }),
    { numRuns: 500, seed: 11 },
  );
  for (const text of examples) assert.deepEqual(parseAnalysis(text).comments.map((c) => c.span), commentsOf(text).map((c) => c.span));
});

/** Pathological files: each must give at least one finding, without throwing. */
export function pathologicalFiles(): Record<string, string> {
  let bomb = 'version: 1\ntitle: t\nproblem: p\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    bomb += `${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]\n`;
  }
  bomb += 'roots:\n  - whys: *l\n';
  let deep = 'version: 1\ntitle: t\nproblem: p\nroots:\n  - whys:\n';
  let indent = '      ';
  for (let i = 0; i < 60; i++) {
    deep += `${indent}- why: Why ${i}?\n${indent}  because:\n${indent}    - cause: cause ${i}\n${indent}      whys:\n`;
    indent += '        ';
  }
  deep += `${indent}- why: Why last?\n${indent}  because: The end.\n`;
  const step = '      - why: Why did the database become unresponsive again today?\n        because: It ran out of memory.\n';
  let big = 'version: 1\ntitle: t\nproblem: p\nroots:\n';
  const block = '  - whys:\n' + step.repeat(50) + '    actions:\n      - do: x\n        owner: y\n        due: 2024-01-01\n';
  while (big.length < 10 * 1024 * 1024) big += block;
  big += '  - whys: oops\n';
  let seed = 12345;
  const junk = Array.from({ length: 20000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return String.fromCharCode(seed % 256);
  }).join('');
  return {
    'alias-bomb': bomb,
    'deep-nesting': deep,
    'flow-nesting': 'version: 1\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
    'map-nesting': 'version: 1\nx:\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' v\n',
    '10mb': big,
    '10mb-junk': junk.repeat(512),
    'binary-junk': junk,
    'nul-bytes': 'version: 1\ntitle: \u0000\u0000\nproblem: p\n',
    empty: '',
    'only-comments': '# nothing here\n',
    'bad-indentation': 'version: 1\ntitle: t\nproblem: p\nroots:\n  - whys:\n      - why: a?\n       because: b\n',
    'tabs': 'version: 1\ntitle: t\nproblem: p\nroots:\n\t- whys:\n',
    'wrong-types-everywhere': 'version: [1]\ntitle: {a: b}\nincident: 3\nproblem: [x]\nroots:\n  - whys: {why: a}\n    actions: yes\n  - 42\n  - whys:\n      - why: [a]\n        because: {c: d}\n        evidence: {}\n',
  };
}

test('pathological files give findings, never an exception', { timeout: 300_000 }, () => {
  for (const [name, text] of Object.entries(pathologicalFiles())) {
    const findings = checked(text);
    assert.ok(findings.length > 0, `${name}: expected at least one finding`);
  }
});

test('the CLI reports pathological files as findings with exit 1, never a stack trace', { timeout: 300_000 }, () => {
  const cli = join(root, 'dist/cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'whys-bad-'));
  for (const [name, text] of Object.entries(pathologicalFiles())) {
    if (name === 'deep-nesting' || name === 'only-comments') continue; // valid YAML with only info findings
    const file = join(dir, `${name}.whys.yaml`);
    writeFileSync(file, text, 'latin1');
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 1, `${name}: exit ${run.status}, stderr ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, `${name}: stack trace`);
    const [report] = JSON.parse(run.stdout);
    assert.ok(report.errorCount > 0, `${name}: expected an error`);
    for (const m of report.messages) assert.ok(m.line >= 1 && m.column >= 1, `${name}: bad position`);
  }
});
