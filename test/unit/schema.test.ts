import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, VALID, yaml } from './helpers';

const schema = (text: string) => only('schema', text).map((f) => [f.at, f.text, f.message]);

test('an unknown key is flagged on the key with the closest known key', () => {
  const text = VALID.replace('        because: Its connection pool', '        becuase: Its connection pool');
  const found = only('schema', text);
  assert.deepEqual(
    found.map((f) => [f.at, f.text]),
    [
      ['10:9-10:12', 'why'],
      ['11:9-11:16', 'becuase'],
    ],
  );
  assert.match(found[0].message, /step is missing `because`\. Write the answer to “Why did the payment service time out\?”/);
  assert.match(found[1].message, /Unknown key `becuase` in a step\. Did you mean `because`\?/);
});

test('a missing required field is flagged on the first key of its block', () => {
  const text = yaml('version: 1', 'problem: p', 'roots:', '  - whys:', '      - why: a?', '        because: b');
  assert.deepEqual(schema(text), [['1:1-1:8', 'version', 'An analysis is missing `title`.']]);
});

test('bad enum values, dates and timestamps are flagged on the value', () => {
  const text = yaml(
    'version: 1',
    'title: t',
    'incident:',
    '  date: 2024-02-30',
    '  severity: hihg',
    '  timeline:',
    '    started: yesterday',
    'problem: p',
    'roots:',
    '  - whys:',
    '      - why: a?',
    '        because: b',
    '    actions:',
    '      - do: x',
    '        owner: o',
    '        due: 31/08/2024',
    '        kind: prevents',
    '        status: closed',
  );
  const found = schema(text);
  assert.deepEqual(
    found.map(([at, value]) => [at, value]),
    [
      ['4:9-4:19', '2024-02-30'],
      ['5:13-5:17', 'hihg'],
      ['7:14-7:23', 'yesterday'],
      ['16:14-16:24', '31/08/2024'],
      ['17:15-17:23', 'prevents'],
      ['18:17-18:23', 'closed'],
    ],
  );
  assert.match(found[1][2], /must be one of critical, high, medium, low; “hihg” is not\. Did you mean `high`\?/);
  assert.match(found[4][2], /Did you mean `prevent`\?/);
});

test('wrong types are named in the message', () => {
  const text = yaml('version: "1"', 'title: [a]', 'problem: 42', 'roots: none');
  const found = schema(text);
  assert.deepEqual(
    found.map(([at, , message]) => [at, message]),
    [
      ['1:10-1:13', '`version` must be the number 1, not the text “1”.'],
      ['2:8-2:11', '`title` must be text, not a list.'],
      ['3:10-3:12', '`problem` must be text, not the number 42.'],
      ['4:8-4:12', '`roots` must be a list, not text.'],
    ],
  );
});

test('an empty answer and an empty chain are errors', () => {
  const text = yaml('version: 1', 'title: t', 'problem: p', 'roots:', '  - whys:', '      - why: a?', '        because:', '  - whys: []');
  const found = schema(text);
  assert.deepEqual(found.map(([at]) => at), ['7:9-7:16', '8:11-8:13']);
  assert.match(found[0][2], /`because` must be text or a list, not nothing/);
});

test('ids must be kebab-case', () => {
  const text = VALID.replace('id: trigger', 'id: Trigger Event');
  assert.deepEqual(schema(text), [['5:9-5:22', 'Trigger Event', '`id` “Trigger Event” must be kebab-case (lower-case words joined by hyphens), e.g. `trigger-event`.']]);
});

test('a step after a list of causes must move into a cause', () => {
  const text = yaml(
    'version: 1',
    'title: t',
    'problem: p',
    'roots:',
    '  - whys:',
    '      - why: a?',
    '        because:',
    '          - cause: one',
    '          - cause: two',
    '      - why: b?',
    '        because: c',
  );
  const found = schema(text);
  assert.equal(found.length, 1);
  assert.equal(found[0][0], '10:9-10:12');
  assert.match(found[0][2], /follows step 1, whose answer is a list of causes/);
});

test('an alias of a single value is allowed, an alias of a block is not', () => {
  const text = yaml(
    'version: 1',
    'title: &t Checkout',
    'problem: *t',
    'roots:',
    '  - whys: &chain',
    '      - why: a?',
    '        because: b',
    '  - whys: *chain',
  );
  const found = schema(text);
  assert.deepEqual(found.map(([at]) => at), ['8:11-8:17']);
  assert.match(found[0][2], /alias of a block/);
});

test('an empty file and a file that is not a map say what an analysis needs', () => {
  assert.match(schema('')[0][2], /holds no analysis/);
  assert.match(schema('just some words\n')[0][2], /must hold an analysis/);
  assert.equal(schema('- a\n- b\n')[0][0], '1:1-1:4');
});
