/** Where an offset stands in the tree, and the keys and values suggested there. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, keyAt, keySuggestions, positionAt, scopeAt, valueSuggestions, type KeyPosition, type ValuePosition } from '../../src/core';

const FILE = `version: 1
title: Disk full
incident:
  severity: high
  timeline:
    started: 2024-01-01T00:00:00Z
problem: The database stopped accepting writes.
roots:
  - id: disk
    question: Why did the disk fill up?
    whys:
      - why: Why did writes fail?
        because: The data volume was full.
      - id: logs
        why: Why was the volume full?
        because:
          - id: verbose
            cause: Debug logging was left on.
            whys:
              - why: Why was debug logging on?
                because: A flag from an incident last month was never reverted.
    actions:
      - do: Alert at 80% disk use.
        kind: detect
        for: logs
`;

/** The offset of the `n`th occurrence of `needle`, plus `delta`. */
function at(text: string, needle: string, delta = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in text`);
  return index + delta;
}

function keyPosition(text: string, offset: number): KeyPosition {
  const position = positionAt(text, offset);
  assert.ok(position && position.kind === 'key', `expected a key at ${offset}, got ${JSON.stringify(position?.kind)}`);
  return position;
}

function valuePosition(text: string, offset: number): ValuePosition {
  const position = positionAt(text, offset);
  assert.ok(position && position.kind === 'value', `expected a value at ${offset}, got ${JSON.stringify(position?.kind)}`);
  return position;
}

test('on an existing key: its block, its span and the sibling keys', () => {
  const offset = at(FILE, 'because: The data', 3);
  const position = keyPosition(FILE, offset);
  assert.equal(position.block, 'step');
  assert.equal(position.key, 'because');
  assert.deepEqual(position.span, { start: at(FILE, 'because: The data'), end: at(FILE, 'because: The data') + 7 });
  assert.deepEqual(position.present, ['why']);
  assert.deepEqual(position.path, ['roots', 0, 'whys', 0]);
});

test('each kind of block is recognised from its keys', () => {
  const cases: [string, string][] = [
    ['title: Disk', 'analysis'],
    ['severity: high', 'incident'],
    ['started:', 'timeline'],
    ['question: Why did the disk', 'root'],
    ['cause: Debug', 'cause'],
    ['why: Why was debug', 'step'],
    ['kind: detect', 'action'],
  ];
  for (const [needle, block] of cases) assert.equal(keyPosition(FILE, at(FILE, needle, 1)).block, block, needle);
});

test('on an empty line inside a step: the step keys not yet written, required first', () => {
  const text = FILE.replace('        because: The data volume was full.\n', '        because: The data volume was full.\n        \n');
  const offset = at(text, 'The data volume was full.\n', 26 + 8);
  const position = keyPosition(text, offset);
  assert.equal(position.block, 'step');
  assert.equal(position.key, '');
  assert.deepEqual(position.span, { start: offset, end: offset });
  assert.deepEqual(
    keySuggestions(position).map((s) => s.key),
    ['id', 'evidence', 'note'],
  );
});

test('a key being typed is completed with the keys of its block, with their descriptions', () => {
  const text = FILE.replace('        because: The data volume was full.\n', '        because: The data volume was full.\n        evi\n');
  const offset = at(text, '        evi\n', 11);
  const position = keyPosition(text, offset);
  assert.equal(position.block, 'step');
  assert.equal(position.key, 'evi');
  assert.deepEqual(position.span, { start: offset - 3, end: offset });
  const evidence = keySuggestions(position).find((s) => s.key === 'evidence');
  assert.ok(evidence);
  assert.match(evidence.description, /Where the answer is shown to be true/);
  assert.equal(evidence.snippet, 'evidence: $0');
});

test('a new list item under whys is a step with no keys yet; under because a cause; under actions an action', () => {
  const step = FILE.replace('    actions:\n', '      - \n    actions:\n');
  const position = keyPosition(step, at(step, '      - \n', 8));
  assert.equal(position.block, 'step');
  assert.deepEqual(position.present, []);
  assert.deepEqual(
    keySuggestions(position).map((s) => s.key),
    ['why', 'because', 'id', 'evidence', 'note'],
  );

  const cause = FILE.replace('    actions:\n', '          - \n    actions:\n');
  assert.equal(keyPosition(cause, at(cause, '          - \n', 12)).block, 'cause');

  const action = FILE + '      - \n';
  const actionPosition = keyPosition(action, action.length - 1);
  assert.equal(actionPosition.block, 'action');
  assert.equal(keySuggestions(actionPosition)[0].key, 'do');
});

test('keys already present are not suggested; arrays and enums get snippets', () => {
  const position = keyPosition(FILE, at(FILE, 'kind: detect', 1));
  const keys = keySuggestions(position).map((s) => s.key);
  assert.ok(!keys.includes('do'), 'do is present');
  assert.ok(!keys.includes('for'), 'for is present');
  assert.deepEqual(keys.sort(), ['due', 'kind', 'note', 'owner', 'status']);
  const status = keySuggestions(position).find((s) => s.key === 'status');
  assert.equal(status?.snippet, 'status: ${1|open,done|}$0');
  const top = keySuggestions(keyPosition(FILE, at(FILE, 'title', 1)));
  assert.deepEqual(top.map((s) => s.key), ['title', 'note']);
  const root = keySuggestions(keyPosition(FILE.replace('    whys:\n', '    \n    whys:\n'), at(FILE, '    whys:\n') + 4));
  assert.deepEqual(root.map((s) => s.key), ['perspective', 'note']);
});

test('values: enums after severity, kind and status; ids after for', () => {
  const severity = valuePosition(FILE, at(FILE, 'severity: high', 12));
  assert.equal(severity.key, 'severity');
  assert.equal(severity.value, 'high');
  assert.deepEqual(severity.span, { start: at(FILE, 'high\n'), end: at(FILE, 'high\n') + 4 });
  assert.deepEqual(
    valueSuggestions(severity).map((s) => s.value),
    ['critical', 'high', 'medium', 'low'],
  );
  const kind = valuePosition(FILE, at(FILE, 'kind: detect', 7));
  assert.deepEqual(
    valueSuggestions(kind).map((s) => s.value),
    ['prevent', 'detect', 'mitigate', 'process'],
  );
  const empty = FILE.replace('        kind: detect\n', '        status: \n');
  const status = valuePosition(empty, at(empty, 'status: \n', 8));
  assert.equal(status.value, '');
  assert.deepEqual(status.span, { start: at(empty, 'status: \n', 8), end: at(empty, 'status: \n', 8) });
  assert.deepEqual(
    valueSuggestions(status).map((s) => s.value),
    ['open', 'done'],
  );
  const analysis = checkText(FILE).parsed.analysis;
  const forPosition = valuePosition(FILE, at(FILE, 'for: logs', 6));
  const ids = valueSuggestions(forPosition, analysis);
  assert.deepEqual(
    ids.map((s) => s.value),
    ['disk', 'logs', 'verbose'],
  );
  assert.match(ids[1].description, /Why was the volume full\?/);
});

test('no suggestions for free-text values, and nothing in comments', () => {
  const why = valuePosition(FILE, at(FILE, 'Why did writes fail', 3));
  assert.equal(why.key, 'why');
  assert.deepEqual(valueSuggestions(why), []);
  const commented = FILE.replace('roots:\n', '# a comment here\nroots:\n');
  assert.equal(positionAt(commented, at(commented, 'a comment', 2)), undefined);
});

test('keyAt: only on the key itself, not on its value', () => {
  const onKey = keyAt(FILE, at(FILE, 'because: The data', 0));
  assert.equal(onKey?.key, 'because');
  assert.equal(keyAt(FILE, at(FILE, 'because: The data', 7))?.key, 'because');
  assert.equal(keyAt(FILE, at(FILE, 'because: The data', 10)), undefined);
  assert.equal(keyAt(FILE, at(FILE, '- why: Why did writes', 0)), undefined);
  assert.equal(keyAt(FILE, at(FILE, '- why: Why did writes', 2))?.key, 'why');
});

test('never throws on junk, and positions outside the tree are undefined', () => {
  for (const text of ['', ':::', '- - -\n  ? x', '{ a: [1, 2', 'version: 1\nroots: |\n  why: no\n', '\u0000\u0001']) {
    for (let offset = 0; offset <= text.length; offset++) positionAt(text, offset);
  }
  const block = 'version: 1\nroots: |\n  why: no\n';
  assert.equal(positionAt(block, block.indexOf('why') + 1), undefined);
});

test('in a large analysis only the root at the offset is read (scopeAt): every position is the one the whole file gives', () => {
  const repo = join(__dirname, '..', '..', '..', 'test');
  for (const name of ['examples/crowdstrike.whys.yaml', 'fixtures/lens.whys.yaml', 'fixtures/hover.whys.yaml', 'fixtures/fixes-reasoning.whys.yaml']) {
    // An empty line inside a step and one after a root, where a key is typed.
    const written = readFileSync(join(repo, name), 'utf8');
    // As written, and with each list item's `-` alone on its line (its keys on the lines below).
    for (const original of [written, written.replace(/^( *)- (?=[A-Za-z_-]+:)/gm, (_m, pad: string) => `${pad}-\n${pad}  `)]) {
      const text = original.replace(/(\n {6}- why: [^\n]*\n)/, '$1        \n').replace(/\n {2}- /g, (m, at: number) => (at > original.length / 2 ? `\n    \n${m.slice(1)}` : m));
      const parsed = checkText(text).parsed;
      assert.ok(parsed.analysis.roots.length >= 2, name);
      let compared = 0;
      for (let offset = 0; offset <= text.length; offset += offset % 5 === 0 ? 3 : 2) {
        const scope = scopeAt(parsed, offset);
        assert.ok(scope.start <= offset && offset <= scope.end, `${name} @${offset}`);
        const scoped = positionAt(text, offset, scope);
        const whole = positionAt(text, offset);
        const where = `${name} @${offset}: ${JSON.stringify(text.slice(offset - 10, offset + 10))}`;
        if (scoped === undefined && whole !== undefined) {
          // Only on a line indented no deeper than the roots' `-`: a new root or a top-level key.
          const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1);
          assert.ok(scope.path.length > 0 && line.search(/[^ ]/) <= 2, where);
          continue;
        }
        assert.deepEqual(scoped, whole, where);
        compared++;
      }
      assert.ok(compared > 100);
    }
  }
});

test('with old Mac line endings (a lone CR), every position reads as in the LF copy', () => {
  const lf = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'language.whys.yaml'), 'utf8').replace(/\r\n/g, '\n');
  const cr = lf.replace(/\n/g, '\r');
  const parsed = checkText(cr).parsed;
  for (let offset = 0; offset <= lf.length; offset += 7) {
    const expected = positionAt(lf, offset);
    assert.deepEqual(positionAt(cr, offset), expected, `offset ${offset}`);
    // Read a root at a time, as the editor does for a long file.
    assert.deepEqual(positionAt(cr, offset, scopeAt(parsed, offset)), positionAt(lf, offset, scopeAt(checkText(lf).parsed, offset)), `offset ${offset}, in its root's lines`);
  }
});
