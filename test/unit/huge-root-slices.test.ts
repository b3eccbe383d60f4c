/**
 * The outline and folding of one huge root, built a part at a time on the editor's thread (issue
 * 12): by steps, not only by roots. Whatever the cut, the result is the whole reading's: the
 * outline `outlineOf` gives, and the folding blocks `foldingBlocksOf` finds reading the whole
 * YAML tree, on one long chain, the deepest nesting whys reads, the examples, fixtures and corpus
 * read with tiny parts (so every cut is tried), and files with comments, empty lines and CRLF
 * between the steps.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkText, keySuggestions, outlineInSlices, outlineOf, parseAnalysis, PART_CHARS, positionAt, scopeAt } from '../../src/core';
import { MAX_NESTING_DEPTH } from '../../src/core/limits';
import { deepNesting, singleChain } from '../bench/hugeRoot';
import { drain, sliced, whole } from './foldingReadings';

const REPO = join(__dirname, '..', '..', '..');

/** The same YAML with each list item's `-` alone on its line, its map's keys on the lines below. */
function dashAlone(text: string): string {
  return text.replace(/^( *)- (?=[A-Za-z_-]+:)/gm, (_m, pad: string) => `${pad}-\n${pad}  `);
}

test('one root of one 3,000-step chain folds in many parts, and gives the blocks of the whole reading', () => {
  for (const text of [singleChain(3000), dashAlone(singleChain(3000))]) {
    const { blocks, pauses } = sliced(text);
    assert.ok(pauses >= 5, `${pauses} slices`);
    const expected = whole(text);
    assert.ok(expected.length > 3000, `${expected.length} blocks`);
    assert.deepStrictEqual(blocks, expected);
  }
});

test('one long chain with comments (at any indentation) and empty lines between its steps folds in many parts, and gives the blocks of the whole reading', () => {
  let n = 0;
  const text = singleChain(3000).replace(/(\n +because: [^\n]*)/g, (answer) => {
    n++;
    return n % 3 === 0 ? `${answer}\n        # a note` : n % 3 === 1 ? `${answer}\n# at the margin\n\n` : `${answer}\n\n              # deeper`;
  });
  const { blocks, pauses } = sliced(text);
  assert.ok(pauses >= 5, `${pauses} slices`);
  assert.deepStrictEqual(blocks, whole(text));
});

test(`one root nested ${MAX_NESTING_DEPTH} deep folds in parts down every level, and gives the blocks of the whole reading`, () => {
  for (const [levels, perLevel, partChars] of [[MAX_NESTING_DEPTH, 3, undefined], [10, 40, 2000], [30, 5, 300]] as const) {
    for (const text of [deepNesting(levels, perLevel), dashAlone(deepNesting(levels, perLevel))]) {
      const { blocks, pauses } = sliced(text, partChars);
      assert.ok(pauses >= levels, `${levels} levels: ${pauses} slices`);
      assert.deepStrictEqual(blocks, whole(text), `${levels} levels of ${perLevel} steps, parts of ${partChars ?? 'default'}`);
    }
  }
});

test('the examples, fixtures and corpus read in tiny parts, and with comments, empty lines and CRLF between steps, give the blocks of the whole reading', () => {
  const files = [
    ...['crowdstrike.whys.yaml', 'crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml'].map((f) => join(REPO, 'examples', f)),
    ...readdirSync(join(REPO, 'test', 'fixtures')).filter((f) => f.endsWith('.whys.yaml')).map((f) => join(REPO, 'test', 'fixtures', f)),
    ...readdirSync(join(REPO, 'test', 'corpus')).filter((f) => f.endsWith('.whys.yaml')).map((f) => join(REPO, 'test', 'corpus', f)),
  ];
  let split = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const variants: [string, string][] = [
      ['as written', text],
      ['a comment before each step', text.replace(/^( *)- why:/gm, '$1# a comment\n$1- why:')],
      ['an empty line before each cause', text.replace(/^( *)- cause:/gm, '\n$1- cause:')],
      ['a comment after each answer', text.replace(/^( *)because: (.+)$/gm, '$1because: $2\n$1# after the answer')],
      ['CRLF', text.replace(/\n/g, '\r\n')],
      ['each item’s `-` alone on its line', dashAlone(text)],
      ['each item’s `-` alone on its line, CRLF', dashAlone(text).replace(/\n/g, '\r\n')],
    ];
    for (const [name, variant] of variants) {
      for (const partChars of [40, 400]) {
        const { blocks, pauses } = sliced(variant, partChars);
        const expected = whole(variant);
        if (pauses > sliced(variant, 1e9).pauses) split++;
        assert.deepStrictEqual(blocks, expected, `${file}, ${name}, parts of ${partChars}`);
      }
    }
  }
  assert.ok(split > files.length, `${split} readings split a root (of ${files.length} files)`);
});

test('the outline built a few entries at a time is outlineOf, and pauses inside one huge root', () => {
  for (const text of [singleChain(3000), deepNesting(MAX_NESTING_DEPTH, 3), readFileSync(join(REPO, 'examples', 'crowdstrike.whys.yaml'), 'utf8')]) {
    const { analysis } = checkText(text).parsed;
    const { value, pauses } = drain(outlineInSlices(analysis, 50));
    assert.deepStrictEqual(value, outlineOf(analysis));
    if (analysis.roots.length === 1) assert.ok(pauses >= 6, `${pauses} pauses in one root`);
  }
});

test('in one huge root, the key hover and completion read only the step at the cursor, and answer what the whole file’s reading answers', () => {
  const commented = singleChain(1500).replace(/(\n +because: [^\n]*)/g, '$1\n        # a note').replace('    actions:', '# before the actions\n\n    actions:');
  for (const text of [singleChain(1500), deepNesting(20, 6), deepNesting(8, 60), commented, dashAlone(singleChain(1500)), dashAlone(deepNesting(8, 60))]) {
    const parsed = parseAnalysis(text);
    // Every key and value of some lines: the root's own, steps at the start, middle and end, causes, the actions.
    const lines = text.split('\n');
    const picks = [...new Set([4, 5, 6, 7, 8, 9, Math.floor(lines.length / 2), Math.floor(lines.length / 2) + 1, Math.floor(lines.length / 3) + 1, lines.length - 9, lines.length - 8, lines.length - 7, lines.length - 6, lines.length - 5, lines.length - 4, lines.length - 3, lines.length - 2])];
    let narrow = 0;
    for (const line of picks) {
      // Empty lines are left out: there a large file's reading, a root at a time, already answers nothing at the margin.
      if (lines[line].trim() === '') continue;
      const start = lines.slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
      for (let column = 0; column <= lines[line].length; column += 4) {
        const offset = start + column;
        const scope = scopeAt(parsed, offset);
        if (scope.end - scope.start < 20_000) narrow++;
        const [part, all] = [positionAt(text, offset, scope), positionAt(text, offset)];
        // The keys already present too: the lines of a long item before and after its list are read together.
        assert.deepStrictEqual(part, all, `line ${line + 1}, column ${column + 1}: ${lines[line]}`);
      }
    }
    assert.ok(narrow > picks.length, `${narrow} narrow scopes`);
  }
});

/** The keys completion offers at an offset, the way the editor's provider asks (a large file: the scope there only). */
function offered(text: string, offset: number, scoped: boolean): string[] {
  const parsed = parseAnalysis(text);
  const position = positionAt(text, offset, scoped ? scopeAt(parsed, offset) : undefined);
  assert.ok(position?.kind === 'key', `a key position at ${offset}: ${JSON.stringify(text.slice(offset - 20, offset + 20))}`);
  return keySuggestions(position).map((s) => s.key);
}

test('in a long root, step or cause, completion never offers a key it already has, written before or after its list', () => {
  const steps = Array.from({ length: 400 }, (_, i) => `      - why: Why did stage ${i} wait?\n        because: Stage ${i} waited on lock ${i}.\n`).join('');
  const causes = Array.from({ length: 300 }, (_, i) => `          - cause: Lock ${i} was held.\n`).join('');
  const nested = Array.from({ length: 300 }, (_, i) => `              - why: Why ${i}?\n                because: Limit ${i} hit.\n`).join('');
  const text = [
    'version: 1\ntitle: Keys on both sides of long lists\nproblem: The import stalled.\nroots:\n',
    // A root: its question before its steps, its id and perspective after them.
    '  - question: Why did the import stall?\n    \n    whys:\n',
    // A step: its id before its causes, its question after them.
    '      - id: first\n        \n        because:\n',
    causes,
    '        why: Why did the first stage wait?\n',
    // A cause: its own steps, then its id.
    '      - why: Why did the second stage wait?\n        because:\n          - cause: The pool was full.\n            \n            whys:\n',
    nested,
    '            id: full-pool\n',
    steps,
    '    actions:\n      - do: Add lock timeouts.\n    id: import\n    perspective: data team\n    \n',
  ].join('');
  const cases: [string, string, string[]][] = [
    // The line typed on, and the keys its block already has (none of which may be offered).
    ['    \n    whys:', 'root, before its steps', ['question', 'whys', 'actions', 'id', 'perspective']],
    ['    \n', 'root, after its steps', ['question', 'whys', 'actions', 'id', 'perspective']],
    ['        \n        because:', 'step, before its causes', ['id', 'because', 'why']],
    ['            \n            whys:', 'cause, before its steps', ['cause', 'whys', 'id']],
  ];
  for (const eol of ['\n', '\r\n']) {
    const file = text.replace(/\n/g, eol);
    const parsed = parseAnalysis(file);
    for (const [line, what, present] of cases) {
      const needle = line.replace(/\n/g, eol);
      const at = what === 'root, after its steps' ? file.lastIndexOf(needle) : file.indexOf(needle);
      assert.ok(at > 0, what);
      const offset = at + needle.indexOf(eol);
      const keys = offered(file, offset, true);
      for (const key of present) assert.ok(!keys.includes(key), `${what} (${JSON.stringify(eol)}): ${key} is offered again (${keys.join(', ')})`);
      assert.deepStrictEqual(keys, offered(file, offset, false), `${what}: the keys the whole file's reading offers`);
      // Read in parts all the same: the item's list is left out.
      const scope = scopeAt(parsed, offset);
      assert.ok(scope.gap !== undefined && scope.gap.end - scope.gap.start > PART_CHARS / 2, `${what}: ${JSON.stringify(scope)}`);
    }
  }
});
