/**
 * A huge root whose list is a flow sequence (`whys: [ {why: …, because: …}, … ]`, JSON written
 * as YAML), read a run of its items at a time by folding and by completion (issue 12), gives what
 * the whole file's reading gives: the folding blocks of `foldingBlocksOf`, and at every offset
 * the position (`positionAt`) and keys (`keySuggestions`) of reading the whole text. Items one
 * per line, several per line, spread over several lines, nested flow maps with causes with their
 * own whys, quoted strings holding brackets, braces, commas and `#`, comments between items, CRLF.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keySuggestions, parseAnalysis, PART_CHARS, positionAt, scopeAt } from '../../src/core';
import { singleChainWritten } from '../bench/hugeRoot';
import { sliced, whole } from './foldingReadings';

const HEAD = 'version: 1\ntitle: Flow\nproblem: The service failed.\nroots:\n  - id: flow\n    question: Why did the service fail?\n';
const TAIL = '    actions:\n      - do: Add a limit.\n        owner: platform\n    perspective: ops\n';

/** Step `n` as a flow map, written in one of several ways. */
function flowStep(n: number, style: number): string {
  switch (style % 6) {
    case 0:
      return `{why: "Why ${n}?", because: "Limit ${n} hit."}`;
    case 1:
      // Quoted strings holding what a naive scan would take for structure, with both escapes.
      return `{why: 'Why [${n}], {it''s} # not a comment?', because: "Limit \\"${n}\\" hit, ] } [ { #"}`;
    case 2:
      // Spread over lines, with a comment inside.
      return `{\n        why: Why ${n}?,  # the question\n        because: "Limit ${n} hit."\n      }`;
    case 3:
      // Causes, each with whys of its own, nested flow maps over several lines: a long list of them.
      return `{why: "Why ${n}?", because: [\n${Array.from({ length: 60 }, (_, c) => `        {cause: "Cause ${n}.${c} [x]", whys: [\n          {why: "Why ${n}.${c}a?", because: "Deeper, ${c}."},\n          {why: 'Why ${n}.${c}b?',\n           because: "Deepest # ${c}."}\n        ]}`).join(',\n')}\n      ]}`;
    case 4:
      return `{ id: s${n}, why: "Why ${n}?", because: Limit ${n} hit., evidence: ["log ${n}", 'graph, ${n}'] }`;
    default:
      return `{why: Why ${n}?,\n        because: Limit ${n} hit.}`;
  }
}

/**
 * One root whose `whys` is a flow sequence of `steps` steps: `perLine` items a line, in the
 * styles `styles` (indices of {@link flowStep}), a comment now and then between items, the first
 * items on the `[` line when `onOpenLine`, CRLF when `crlf`.
 */
function flowChain(steps: number, options: { perLine?: number; styles?: number[]; comments?: boolean; onOpenLine?: boolean; crlf?: boolean; openAlone?: boolean } = {}): string {
  const { perLine = 1, styles = [0], comments = false, onOpenLine = false, crlf = false, openAlone = false } = options;
  const lines: string[] = [];
  let line: string[] = [];
  for (let n = 0; n < steps; n++) {
    // Causes (style 3) only in the last step: a step after one whose answer is causes is a schema error.
    const style = styles[n % styles.length] === 3 && n + 1 < steps ? 0 : styles[n % styles.length];
    line.push(flowStep(n, n + 1 === steps && styles.includes(3) ? 3 : style) + (n + 1 < steps ? ',' : ''));
    if (line.length === perLine || n + 1 === steps) {
      lines.push(line.join(' '));
      line = [];
      if (comments && lines.length % 4 === 0) lines.push(lines.length % 8 === 0 ? '# at the margin' : '      # between items');
      if (comments && lines.length % 7 === 0) lines.push('');
    }
  }
  const open = openAlone ? '    whys:\n      [' : '    whys: [';
  const body = onOpenLine ? `${open} ${lines[0]}\n${lines.slice(1).map((l) => `      ${l}`).join('\n')}` : `${open}  # the chain\n${lines.map((l) => (l === '' || l.startsWith('#') ? l : `      ${l}`)).join('\n')}`;
  const text = `${HEAD}${body}\n    ]\n${TAIL}`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

const VARIANTS: [string, string][] = [
  ['one item a line', flowChain(400)],
  ['three items a line', flowChain(600, { perLine: 3 })],
  ['items of every style, one a line', flowChain(300, { styles: [0, 1, 2, 3, 4, 5] })],
  ['items of every style, two a line, comments and empty lines between', flowChain(300, { styles: [0, 1, 2, 3, 4, 5], perLine: 2, comments: true })],
  ['quoted brackets, braces, commas and #, first items on the `[` line', flowChain(400, { styles: [1, 0], onOpenLine: true, perLine: 2 })],
  ['the `[` alone on its line, nested causes', flowChain(200, { styles: [3, 0], openAlone: true })],
  ['CRLF, every style, comments', flowChain(300, { styles: [0, 1, 2, 3, 4, 5], comments: true, crlf: true })],
];

test('a long root written as a flow sequence folds in many parts, and gives the blocks of the whole reading', () => {
  for (const [name, text] of VARIANTS) {
    assert.ok(text.length > 2 * PART_CHARS, `${name}: ${text.length} chars`);
    const expected = whole(text);
    for (const partChars of [undefined, 300, 40]) {
      const { blocks, pauses } = sliced(text, partChars);
      assert.ok(pauses >= 3, `${name}, parts of ${partChars ?? 'default'}: ${pauses} slices`);
      assert.deepStrictEqual(blocks, expected, `${name}, parts of ${partChars ?? 'default'}`);
    }
  }
});

test('the bench’s flow-sequence chain (items one a line) folds in parts and gives the blocks of the whole reading', () => {
  const text = singleChainWritten('flow', 400_000);
  const { blocks, pauses } = sliced(text);
  assert.ok(pauses >= 40, `${pauses} slices`);
  assert.deepStrictEqual(blocks, whole(text));
});

/** The offsets of a text's lines (CR, LF or CRLF). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

test('in a long root written as a flow sequence, positionAt and completion’s keys through scopeAt answer what the whole file’s reading answers, reading only a run of items', () => {
  for (const [name, text] of VARIANTS) {
    const parsed = parseAnalysis(text);
    const starts = lineStarts(text);
    const n = starts.length;
    // The root's own lines, the first and last items, some in the middle, the lines after the list.
    const picks = [...new Set([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, Math.floor(n / 2), Math.floor(n / 2) + 1, Math.floor(n / 2) + 2, Math.floor(n / 3), n - 10, n - 9, n - 8, n - 7, n - 6, n - 5, n - 4, n - 3, n - 2])].filter((l) => l < n);
    let narrow = 0;
    let answered = 0;
    for (const line of picks) {
      // Empty lines are left out, as for block lists: at the margin a reading in parts answers nothing (the last test).
      if (text.slice(starts[line], line + 1 < n ? starts[line + 1] : text.length).trim() === '') continue;
      const end = line + 1 < n ? starts[line + 1] : text.length;
      for (let offset = starts[line]; offset < end; offset += 3) {
        const scope = scopeAt(parsed, offset);
        if (scope.end - scope.start < PART_CHARS && (!scope.gap || scope.gap.end - scope.gap.start > PART_CHARS)) narrow++;
        const part = positionAt(text, offset, scope);
        const all = positionAt(text, offset);
        assert.deepStrictEqual(part, all, `${name}: line ${line + 1}, offset ${offset}: ${JSON.stringify(text.slice(starts[line], end))}`);
        if (all?.kind === 'key') {
          answered++;
          assert.deepStrictEqual(part && part.kind === 'key' ? keySuggestions(part) : undefined, keySuggestions(all), `${name}: keys at line ${line + 1}`);
        }
      }
    }
    assert.ok(narrow > picks.length * 3, `${name}: ${narrow} narrow scopes`);
    assert.ok(answered > 0, `${name}: some key positions`);
  }
});

test('in a long flow-sequence root, a key typed in a step spread over lines gets the whole reading’s keys, with the index of its step in the path', () => {
  const text = flowChain(300, { styles: [0, 2, 5] });
  const parsed = parseAnalysis(text);
  const at = text.lastIndexOf('        because: Limit');
  const offset = at + '        bec'.length;
  const scope = scopeAt(parsed, offset);
  assert.ok(scope.end - scope.start < 200, JSON.stringify(scope));
  const position = positionAt(text, offset, scope);
  assert.ok(position?.kind === 'key', JSON.stringify(position));
  assert.equal(position.path[3], 299);
  assert.deepStrictEqual(position, positionAt(text, offset));
  assert.deepStrictEqual(keySuggestions(position).map((s) => s.key), keySuggestions(positionAt(text, offset) as typeof position).map((s) => s.key));
  assert.ok(!keySuggestions(position).some((s) => s.key === 'why'), 'why is present');
});

test('a long step of a block chain whose causes are a flow sequence folds and completes in parts as the whole reading does', () => {
  const causes = Array.from({ length: 400 }, (_, i) => `          {cause: "Cause ${i}, [held] # not a comment", whys: [{why: "Why ${i}?", because: Limit ${i}.}]},`).join('\n');
  const text = `${HEAD}    whys:\n      - why: Why did it stall?\n        because: [\n${causes}\n        ]\n        id: long-step\n      - why: Why else?\n        because: Nothing.\n${TAIL}`;
  const { blocks, pauses } = sliced(text);
  assert.ok(pauses >= 3, `${pauses} slices`);
  assert.deepStrictEqual(blocks, whole(text));
  const parsed = parseAnalysis(text);
  for (const needle of ['Cause 200', '        id: long-step', '        because: [']) {
    const base = text.indexOf(needle);
    for (let offset = base - 12; offset < base + 30; offset++) {
      const scope = scopeAt(parsed, offset);
      assert.deepStrictEqual(positionAt(text, offset, scope), positionAt(text, offset), `${needle} ${offset - base}`);
    }
  }
  const idLine = text.indexOf('        id: long-step') + 9;
  assert.ok(scopeAt(parsed, idLine).gap, 'the step’s own lines without its causes');
});

test('a long flow sequence holding an item that is not a map (a schema problem) reads as the whole file does: its items’ indices are not the model’s', () => {
  const text = flowChain(300).replace('{why: "Why 150?", because: "Limit 150 hit."},', '"Why 150? Limit 150 hit.",');
  const parsed = parseAnalysis(text);
  assert.ok(parsed.problems.some((p) => p.rule === 'schema'), 'the text item is reported');
  assert.deepStrictEqual(sliced(text).blocks, whole(text));
  const at = text.indexOf('{why: "Why 200?"');
  for (let offset = at - 8; offset < at + 30; offset++) assert.deepStrictEqual(positionAt(text, offset, scopeAt(parsed, offset)), positionAt(text, offset), `offset ${offset - at}`);
  const typed = flowChain(300, { styles: [0, 5] }).replace('{why: "Why 150?", because: "Limit 150 hit."},', '"Why 150? Limit 150 hit.",');
  const key = typed.lastIndexOf('        because: Limit') + 10;
  assert.ok(key > 100);
  const position = positionAt(typed, key, scopeAt(parseAnalysis(typed), key));
  assert.deepStrictEqual(position, positionAt(typed, key));
  assert.equal(position?.path[3], 299);
});

test('on an empty line among a long flow sequence’s items: indented deeper than the list’s key, the whole reading’s answer; no deeper, nothing (as at the margin of a block list’s item)', () => {
  const base = singleChainWritten('flow', 40_000);
  for (let indent = 0; indent <= 10; indent++) {
    for (const eol of ['\n', '\r\n']) {
      const pad = ' '.repeat(indent);
      const text = base.replace('      {why: "Why 300?"', `${pad}\n      {why: "Why 300?"`).replace(/\n/g, eol);
      const offset = text.indexOf(`${pad}${eol}      {why: "Why 300?"`) + indent;
      const parsed = parseAnalysis(text);
      const scope = scopeAt(parsed, offset);
      assert.ok(scope.end - scope.start < 200, JSON.stringify(scope));
      const part = positionAt(text, offset, scope);
      // The list's key, `whys:`, stands at column 4.
      if (indent > 4) assert.deepStrictEqual(part, positionAt(text, offset), `indent ${indent}`);
      else assert.equal(part, undefined, `indent ${indent}`);
    }
  }
});
