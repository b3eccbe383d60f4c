import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allSteps, parseAnalysis, previousAnswer } from '../../src/core';
import { placed, VALID, yaml } from './helpers';

test('a valid analysis has no finding and a model with exact spans', () => {
  assert.deepEqual(placed(VALID), []);
  const { analysis, text } = { ...parseAnalysis(VALID), text: VALID };
  assert.equal(analysis.version, 1);
  assert.equal(analysis.title?.text, 'Checkout outage');
  assert.equal(analysis.roots.length, 1);
  const steps = allSteps(analysis);
  assert.equal(steps.length, 3);
  const second = steps[1];
  assert.equal(second.path, 'roots[0].whys[1]');
  assert.equal(text.slice(second.why!.span.start, second.why!.span.end), 'Why did the payment service time out?');
  assert.equal(text.slice(second.because!.span.start, second.because!.span.end), 'Its connection pool was exhausted.');
  assert.equal(text.slice(second.becauseKeySpan!.start, second.becauseKeySpan!.end), 'because');
  assert.equal(previousAnswer(second, analysis)?.text, 'The payment service timed out on every request.');
  assert.equal(previousAnswer(steps[0], analysis)?.from, 'problem');
  assert.equal(analysis.roots[0].actions[0].owner?.text, 'payments');
});

test('causes carry nested chains whose first step asks about the cause', () => {
  const text = yaml(
    'version: 1',
    'title: t',
    'problem: p',
    'roots:',
    '  - whys:',
    '      - why: Why?',
    '        because:',
    '          - id: first',
    '            cause: The validator skipped the field count.',
    '            whys:',
    '              - why: Why did it skip it?',
    '                because: Nobody specified it.',
    '          - cause: "Quoted: the rollout was global"',
  );
  const { analysis } = parseAnalysis(text);
  const [step, nested] = allSteps(analysis);
  assert.equal(step.causes?.length, 2);
  assert.equal(step.causes?.[1].cause?.text, 'Quoted: the rollout was global');
  assert.equal(text.slice(step.causes![1].cause!.span.start, step.causes![1].cause!.span.end), '"Quoted: the rollout was global"');
  assert.equal(nested.path, 'roots[0].whys[0].because[0].whys[0]');
  assert.equal(nested.chain.depth, 1);
  assert.deepEqual(previousAnswer(nested, analysis), {
    text: 'The validator skipped the field count.',
    span: step.causes![0].cause!.span,
    from: 'cause',
  });
});

test('block scalars are read whole and their span ends at the text', () => {
  const text = yaml('version: 1', 'title: t', 'problem: >', '  Two lines', '  folded.', 'roots:', '  - whys:', '      - why: a?', '        because: b');
  const { analysis } = parseAnalysis(text);
  assert.equal(analysis.problem?.text, 'Two lines folded.\n');
  assert.equal(text.slice(analysis.problem!.span.start, analysis.problem!.span.end), '>\n  Two lines\n  folded.');
});

test('syntax errors are reported at their position and stop the other rules', () => {
  const text = yaml('version: 1', 'title: t', 'problem: p', 'roots:', '  - whys:', '      - why: a?', '       because: b');
  const found = placed(text);
  assert.ok(found.length >= 1);
  assert.ok(found.every((f) => f.rule === 'syntax'));
  assert.equal(found[0].at.split('-')[0].split(':')[0], '7');
});

test('a duplicate key is a syntax error widened to the key', () => {
  const text = yaml('version: 1', 'title: t', 'title: u', 'problem: p', 'roots:', '  - whys:', '      - why: a?', '        because: b');
  const found = placed(text).filter((f) => f.rule === 'syntax');
  assert.equal(found.length, 1);
  assert.equal(found[0].at, '3:1-3:6');
  assert.equal(found[0].text, 'title');
});

test('a second document is reported', () => {
  const found = placed(VALID + '---\nversion: 1\n');
  assert.ok(found.some((f) => f.rule === 'syntax' && /one analysis/.test(f.message)));
});

test('CRLF line endings keep exact spans', () => {
  const crlf = VALID.replace(/\n/g, '\r\n').replace('due: 2024-09-01', 'due: 2024-9-1');
  const found = placed(crlf);
  assert.deepEqual(
    found.map((f) => [f.rule, f.at, f.text]),
    [['schema', '17:14-17:22', '2024-9-1']],
  );
});

test('every comment is found once, with its position, and none inside block scalars', () => {
  const text = yaml(
    '# top',
    'version: 1 # v',
    'incident: {severity: high, # in flow',
    '  date: 2024-01-01}',
    'problem: |',
    '  # not a comment',
    '  text',
    '# before roots',
    'roots:',
    '  # before item',
    '  - whys: # after key',
    '      - why: a? # q',
    '        because: b',
    '# end',
  );
  const { comments } = parseAnalysis(text);
  assert.deepEqual(
    comments.map((c) => [c.text, c.ownLine]),
    [['top', true], ['v', false], ['in flow', false], ['before roots', true], ['before item', true], ['after key', false], ['q', false], ['end', true]],
  );
  for (const c of comments) assert.equal(text.slice(c.span.start, c.span.end), '# ' + c.text);
});

test('absurdly deep nesting is a syntax finding that says so, not a crash', () => {
  const text = 'version: 1\nx: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
  const found = placed(text);
  assert.ok(found.length > 0);
  assert.ok(found.some((f) => f.rule === 'syntax' && /nested too deeply/.test(f.message)), JSON.stringify(found.map((f) => f.message)));
});

test('a file past the size limit is reported, not read', () => {
  const text = 'version: 1\n' + '# padding\n'.repeat(450_000);
  const found = placed(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'syntax');
  assert.equal(found[0].at, '1:1-1:11');
  assert.match(found[0].message, /4\.3 M characters long: an analysis is never this large/);
});

test('each rule lists at most 100 findings, then one that counts the rest; missing fields come first', () => {
  const keys = Array.from({ length: 250 }, (_, i) => `k${i}: v`).join('\n');
  const found = placed(`version: 1\ntitle: t\nproblem: p\n${keys}\na: 1\na: 2\n`);
  const schema = found.filter((f) => f.rule === 'schema');
  assert.equal(schema.length, 101);
  assert.match(schema[0].message, /missing `roots`/);
  assert.equal(schema[100].message, '…and 153 more `schema` problems from here on (only the first 100 are listed).');
  assert.deepEqual(found.filter((f) => f.rule === 'syntax').map((f) => f.at), ['255:1-255:2']);
});
