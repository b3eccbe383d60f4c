import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, REASONING_RULES } from '../../src/core';

const REASONING = new Set<string>(REASONING_RULES.map((r) => r.code));
const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');

function reasoningFindings(name: string) {
  const text = readFileSync(join(fixtures, name), 'utf8');
  return checkText(text).findings.filter((f) => REASONING.has(f.rule));
}

test('the essay\'s short list: step 4 ("Why was it set for 20? — New templates weren\'t fully tested.") is off-topic; steps 1-3 and 5 are clean', () => {
  const found = reasoningFindings('crowdstrike-short.whys.yaml');
  assert.deepEqual(
    found.map((f) => ({ rule: f.rule, path: f.path })),
    [{ rule: 'off-topic', path: 'roots[0].whys[3]' }],
  );
  assert.match(found[0].message, /“Why was it set for 20\?”/);
  assert.match(found[0].message, /not why it was made that way/);
});

test('the essay\'s chain as written: step 4 stays off-topic, nothing else', () => {
  assert.deepEqual(
    reasoningFindings('crowdstrike-as-written.whys.yaml').map((f) => ({ rule: f.rule, path: f.path })),
    [{ rule: 'off-topic', path: 'roots[0].whys[3]' }],
  );
});
