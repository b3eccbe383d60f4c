/** Old Mac line endings and tagged values: read as a person would expect (issue 12). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/core';
import { placed, VALID } from './helpers';

test('a file with CR-only line endings is read as the same analysis, with positions in the original text', () => {
  const lf = checkText(VALID);
  const crText = VALID.replace(/\n/g, '\r');
  const cr = checkText(crText);
  assert.ok(cr.parsed.wellFormed);
  assert.equal(cr.parsed.text, crText);
  assert.deepEqual(cr.findings.map((f) => `${f.rule} ${f.span.start}-${f.span.end}`), lf.findings.map((f) => `${f.rule} ${f.span.start}-${f.span.end}`));
  assert.equal(cr.parsed.analysis.roots[0].chain.steps.length, lf.parsed.analysis.roots[0].chain.steps.length);
  assert.equal(cr.parsed.analysis.title?.text, lf.parsed.analysis.title?.text);
  // Positions are those of the CR file: line 2 starts after the first CR.
  assert.deepEqual(placed(crText.replace('title:', 'titel:')).filter((p) => p.rule === 'schema').map((p) => p.at.split('-')[0]), ['1:1', '2:1']);
});

test('`!!binary` on an answer says it is binary data, not "must be text, not text"', () => {
  const text = VALID.replace(/because: ([^\n]+)/, 'because: !!binary aGVsbG8=');
  const schema = checkText(text).findings.filter((f) => f.rule === 'schema');
  assert.equal(schema.length, 1, JSON.stringify(schema));
  assert.match(schema[0].message, /not binary data \(a `!!binary` tag\)/);
  assert.doesNotMatch(schema[0].message, /not text/);
});
