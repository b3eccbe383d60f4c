/** Formatting keeps every comment and all the data, refuses broken files, and edits little. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { commentsOf, formatEdits, formatText, type FormatEdit } from '../../src/core';

const EXAMPLES = join(__dirname, '..', '..', '..', 'test', 'examples');

function apply(text: string, edits: readonly FormatEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

test('the examples are already formatted: formatting gives them back byte for byte', () => {
  for (const name of ['crowdstrike.whys.yaml', 'crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml']) {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    assert.equal(formatText(text), text, name);
    assert.deepEqual(formatEdits(text), [], name);
  }
});

const MESSY = `# Heading comment, first line
# heading comment, second line

version: 1   # the format version
title:    Disk full
incident:
    severity: high # how bad
    # a comment between keys
    date: 2024-01-01
problem: >-
    The database stopped
    accepting writes.
roots:
# comment before the first root, at column 0
-   id: disk  # root id
    whys:
    -   why: "Why did writes fail?"   # quoted question
        because: 'The data volume was full.'
        evidence: [graph one, "graph two"]   # flow list
        # whys-ignore shallow -- one step is enough here

    -   why: Why was the volume full?
        because: |
            Debug logging was left on
              for a month.
    actions: []
# trailing comment at the end of the file
`;

test('a heavily commented, oddly indented file: re-indented with every comment kept, in order', () => {
  const out = formatText(MESSY);
  assert.ok(out !== undefined, 'refused');
  assert.deepEqual(
    commentsOf(out).map((c) => c.text),
    commentsOf(MESSY).map((c) => c.text),
  );
  assert.deepEqual(parse(out), parse(MESSY));
  assert.equal(
    out,
    `# Heading comment, first line
# heading comment, second line

version: 1 # the format version
title: Disk full
incident:
  severity: high # how bad
  # a comment between keys
  date: 2024-01-01
problem: >-
  The database stopped accepting writes.
roots:
  # comment before the first root, at column 0
  - id: disk # root id
    whys:
      - why: "Why did writes fail?" # quoted question
        because: 'The data volume was full.'
        evidence: [ graph one, "graph two" ] # flow list
        # whys-ignore shallow -- one step is enough here

      - why: Why was the volume full?
        because: |
          Debug logging was left on
            for a month.
    actions: []
# trailing comment at the end of the file
`,
  );
  // Formatting is stable: a second pass changes nothing.
  assert.equal(formatText(out), out);
});

test('edits turn the text into the formatted text, and a range gets only its own lines', () => {
  const edits = formatEdits(MESSY);
  assert.ok(edits && edits.length > 1);
  assert.equal(apply(MESSY, edits), formatText(MESSY));
  const start = MESSY.indexOf('title:');
  const ranged = formatEdits(MESSY, {}, { start, end: start + 5 });
  assert.ok(ranged);
  assert.deepEqual(ranged, [{ span: { start, end: start + 'title:    Disk full\n'.length }, newText: 'title: Disk full\n' }]);
});

test('four-space indentation on request, and CRLF files stay CRLF', () => {
  const text = 'version: 1\ntitle: t\nproblem: p\nroots:\n  - whys:\n      - why: Why?\n        because: B.\n';
  assert.equal(
    formatText(text, { indent: 4 }),
    'version: 1\ntitle: t\nproblem: p\nroots:\n    - whys:\n          - why: Why?\n            because: B.\n',
  );
  const crlf = text.replace(/\n/g, '\r\n').replace('title: t', 'title:   t');
  assert.equal(formatText(crlf), text.replace(/\n/g, '\r\n'));
});

test('refuses (no edits) when the YAML has syntax errors, or is empty', () => {
  for (const broken of ['version: 1\ntitle: [unclosed\n', 'a: 1\na: 2\n', 'roots:\n  - why: x\n   because: y\n', '---\na: 1\n---\nb: 2\n', '', '   \n']) {
    assert.equal(formatText(broken), undefined, JSON.stringify(broken));
    assert.equal(formatEdits(broken), undefined, JSON.stringify(broken));
  }
});

test('anchors, aliases, tags and odd scalars survive', () => {
  const text = 'a: &x {b: 1}\nc: *x\nd: !!str 12\ne: "multi\\nline"\nf: ~\ng:\nh: 0x1F\n';
  const out = formatText(text);
  assert.ok(out !== undefined);
  assert.deepEqual(parse(out), parse(text));
  assert.match(out, /&x/);
  assert.match(out, /\*x/);
  assert.match(out, /!!str "12"/);
});

test('a comment that ends the file keeps the spacing its author gave it (no blank line added above it)', () => {
  const tight = 'version: 1\ntitle: T\nproblem: P\nroots:\n  - whys:\n      - why: Why?\n        because: B.\n# a note\n# on two lines\n';
  assert.equal(formatText(tight), tight);
  assert.deepEqual(formatEdits(tight), []);
  const spaced = 'version: 1\ntitle: T\nproblem: P\nroots:\n  - whys:\n      - why: Why?\n        because: B.\n\n# set apart\n';
  assert.equal(formatText(spaced), spaced);
  const crlf = tight.replace(/\n/g, '\r\n');
  assert.equal(formatText(crlf), crlf);
});
