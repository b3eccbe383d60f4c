/** The outline (document symbols) and the folding blocks of an analysis. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, foldingBlocksInSlices, foldingBlocksOf, LineIndex, outlineOf, type OutlineEntry } from '../../src/core';
import { generateAnalysis } from '../bench/generate';

const FILE = `# Top comment
# on two lines
version: 1
title: Disk full
incident:
  severity: high
problem: The database stopped accepting writes.
roots:
  - id: disk
    question: Why did the disk fill up?
    whys:
      - why: Why did writes fail?
        because: The data volume was full.
      - why: Why was the volume full?
        because:
          - cause: Debug logging was left on.
            whys:
              - why: Why was debug logging on?
                because: A flag was never reverted.
          - cause: Nobody watched disk use.
    actions:
      - do: Alert at 80% disk use.
        owner: sre
        due: 2024-02-01
  - whys:
      - why: Why did recovery take an hour?
        because: The runbook was out of date.
# region notes
# endregion
`;

/** name (kind) with children, indented, for a readable comparison. */
function tree(entries: OutlineEntry[], depth = 0): string[] {
  return entries.flatMap((e) => [`${'  '.repeat(depth)}${e.kind}: ${e.name}`, ...tree(e.children, depth + 1)]);
}

test('the outline: title, incident, problem, roots → steps → causes → steps, actions', () => {
  const outline = outlineOf(checkText(FILE).parsed.analysis);
  assert.deepEqual(tree(outline), [
    'title: Disk full',
    'incident: incident',
    'problem: The database stopped accepting writes.',
    'roots: roots',
    '  root: disk',
    '    step: Why did writes fail?',
    '    step: Why was the volume full?',
    '      cause: Debug logging was left on.',
    '        step: Why was debug logging on?',
    '      cause: Nobody watched disk use.',
    '    actions: actions',
    '      action: Alert at 80% disk use.',
    '  root: Why did recovery take an hour?',
    '    step: Why did recovery take an hour?',
  ]);
});

test('outline ranges contain their selections, and selections are the right texts', () => {
  const outline = outlineOf(checkText(FILE).parsed.analysis);
  const check = (e: OutlineEntry): void => {
    assert.ok(e.span.start <= e.selection.start && e.selection.end <= e.span.end, `${e.kind} ${e.name}`);
    for (const c of e.children) {
      assert.ok(e.span.start <= c.span.start && c.span.end <= e.span.end, `child ${c.name} inside ${e.name}`);
      check(c);
    }
  };
  outline.forEach(check);
  const root = outline[3].children[0];
  assert.equal(FILE.slice(root.selection.start, root.selection.end), 'disk');
  assert.equal(root.detail, 'Why did the disk fill up?');
  const step = root.children[0];
  assert.equal(FILE.slice(step.selection.start, step.selection.end), 'Why did writes fail?');
  assert.equal(step.detail, 'The data volume was full.');
  assert.equal(root.children[1].detail, '2 causes');
  const action = root.children[2].children[0];
  assert.equal(action.detail, 'sre · 2024-02-01');
  const title = outline[0];
  assert.equal(FILE.slice(title.span.start, title.span.end), 'title: Disk full');
});

test('a root is named by its id, else its question, else its first why', () => {
  const text = `version: 1
title: t
problem: p
roots:
  - question: Why was it slow?
    whys:
      - why: Why A?
        because: B.
  - whys:
      - why: Why C?
        because: D.
`;
  const roots = outlineOf(checkText(text).parsed.analysis)[2].children;
  assert.deepEqual(
    roots.map((r) => r.name),
    ['Why was it slow?', 'Why C?'],
  );
});

test('the outline of a half-written file holds what can be read', () => {
  const outline = outlineOf(checkText('version: 1\ntitle: t\nroots:\n  - whys:\n      - why: Why?\n        because: [unclosed\n').parsed.analysis);
  assert.equal(outline[0].name, 't');
});

test('folding: each root, step, cause, chain, actions block, comment runs and regions', () => {
  const { comments } = checkText(FILE).parsed;
  const blocks = foldingBlocksOf(FILE, comments);
  const lines = FILE.split('\n');
  const shown = blocks.map((b) => `${b.startLine}-${b.endLine}${b.kind ? ' ' + b.kind : ''}: ${lines[b.startLine].trim()}`);
  assert.deepEqual(shown, [
    '0-1 comment: # Top comment',
    '4-5: incident:',
    '7-26: roots:',
    '8-23: - id: disk',
    '10-19: whys:',
    '11-12: - why: Why did writes fail?',
    '13-19: - why: Why was the volume full?',
    '14-19: because:',
    '15-18: - cause: Debug logging was left on.',
    '16-18: whys:',
    '17-18: - why: Why was debug logging on?',
    '20-23: actions:',
    '21-23: - do: Alert at 80% disk use.',
    '24-26: - whys:',
    '25-26: - why: Why did recovery take an hour?',
    '27-28 region: # region notes',
  ]);
});

test('folding never throws and stays inside the file on every example and on junk', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'examples');
  for (const name of ['crowdstrike.whys.yaml', 'crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml']) {
    const text = readFileSync(join(dir, name), 'utf8');
    const count = new LineIndex(text).lineCount;
    const blocks = foldingBlocksOf(text, checkText(text).parsed.comments);
    assert.ok(blocks.length >= 8, `${name}: ${blocks.length} blocks`);
    for (const b of blocks) assert.ok(b.startLine < b.endLine && b.endLine < count, `${name} ${JSON.stringify(b)}`);
  }
  for (const junk of ['', '- [', 'a: |\n  b\n  c\n', '\u0000']) foldingBlocksOf(junk, []);
});

test('folding read a root at a time (foldingBlocksInSlices) gives the blocks of the whole tree’s reading', () => {
  const repo = join(__dirname, '..', '..', '..', 'test');
  const texts = ['examples/crowdstrike.whys.yaml', 'fixtures/lens.whys.yaml', 'fixtures/hover.whys.yaml', 'fixtures/fixes-reasoning.whys.yaml', 'fixtures/language.whys.yaml'].map((name) => [name, readFileSync(join(repo, name), 'utf8')]);
  texts.push(['generated, 300 steps', generateAnalysis(300)], ['generated, CRLF', generateAnalysis(40).replace(/\n/g, '\r\n')]);
  for (const [name, text] of texts) {
    const { parsed } = checkText(text);
    const lines = new LineIndex(text);
    const slices = foldingBlocksInSlices(parsed, (offset) => lines.position(offset).line, 3);
    let step = slices.next();
    let pauses = 0;
    while (!step.done) {
      pauses++;
      step = slices.next();
    }
    assert.deepEqual(step.value, foldingBlocksOf(text, parsed.comments), name);
    if (parsed.analysis.roots.length > 3) assert.ok(pauses > 0, `${name}: read in slices`);
  }
});

test('a file with old Mac line endings (a lone CR) folds and reads as its LF copy does, whole or in slices', () => {
  const repo = join(__dirname, '..', '..', '..', 'test');
  for (const name of ['examples/crowdstrike.whys.yaml', 'fixtures/language.whys.yaml']) {
    const lf = readFileSync(join(repo, name), 'utf8').replace(/\r\n/g, '\n');
    const cr = lf.replace(/\n/g, '\r');
    const expected = foldingBlocksOf(lf, checkText(lf).parsed.comments);
    const { parsed } = checkText(cr);
    assert.deepEqual(foldingBlocksOf(cr, parsed.comments), expected, name);
    const lines = new LineIndex(cr);
    const slices = foldingBlocksInSlices(parsed, (offset) => lines.position(offset).line, 2);
    let step = slices.next();
    while (!step.done) step = slices.next();
    assert.deepEqual(step.value, expected, `${name}, in slices`);
    assert.deepEqual(outlineOf(parsed.analysis), outlineOf(checkText(lf).parsed.analysis), `${name}, outline`);
  }
});
