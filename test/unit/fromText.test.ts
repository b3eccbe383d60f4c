/**
 * Text to analysis in the core: whatever is pasted, the result is YAML that parses, with no
 * schema problem when a step was read; every line that is not a step is kept as a comment.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText, importAnalysis } from '../../src/core';

/** Lines as people paste them, with the characters YAML cares about. */
const line = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('Why? Because it broke.', 'Q: Why did it fail?', 'A: - a: b # c', '1. Why did the job stop? "quoted" answer: yes', '* Why #1: Why? -> ', 'Problem: ', '  - why: nested: yaml', '# heading', '> quote', '\t\tWhy was it late?\t', 'Because: ', '%TAG ! x', '---', '...', '&anchor *alias', '|', '>-', '@at `tick`'),
  fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 })).map(([q, a]) => `Why ${q}? ${a}`),
);

test('any pasted text gives YAML that parses, and no schema problem when a step was read', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
      const imported = importAnalysis(lines.join(eol));
      const { parsed, findings } = checkText(imported.yaml);
      assert.ok(parsed.wellFormed, imported.yaml);
      if (imported.steps > 0) {
        const schema = findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax');
        assert.deepEqual(schema.map((f) => f.message), [], imported.yaml);
      }
    }),
    { numRuns: 400, seed: 20261206 },
  );
});

test('a line that is not a step is kept as a comment, and the steps keep their text exactly', () => {
  const imported = importAnalysis(['Retro notes: #42', 'Why did the deploy fail? Because: the "config" key was missing.', 'See ticket OPS-1: follow up', 'Why was it missing? The template had no default.', ''].join('\n'));
  assert.equal(imported.steps, 2);
  const { parsed } = checkText(imported.yaml);
  const steps = parsed.analysis.roots.flatMap((r) => r.chain.steps);
  assert.deepEqual(
    steps.map((s) => [s.why?.text, s.because?.text]),
    [
      // `Because:` is a label, like `A:`; `Because …` without a colon stays part of the answer.
      ['Why did the deploy fail?', 'the "config" key was missing.'],
      ['Why was it missing?', 'The template had no default.'],
    ],
  );
  assert.deepEqual(
    parsed.comments.map((c) => c.text.trim()),
    [imported.yaml.split('\n')[0].slice(2), 'See ticket OPS-1: follow up'],
  );
  assert.equal(parsed.analysis.problem?.text, 'Retro notes: #42.');
});
