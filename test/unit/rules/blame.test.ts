import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('blame: an answer that stops at a person or at human error', () => {
  const because = 'Because the engineer forgot to update the config.';
  const text = analysis([{ why: 'Why did the service use the old endpoint?', because }]);
  const found = findings(text, 'blame');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.deepEqual(found[0].data?.evidence, ['the engineer forgot']);
  const blamed: [string, string][] = [
    ['Why was the wrong dose given?', 'Human error.'],
    ['Why was the wrong dose given?', 'The nurse made a mistake.'],
    ['Why was the pallet dropped?', 'Because the forklift driver was careless.'],
    ['Why was the table deleted?', 'The DBA accidentally ran the script against production.'],
    ['Why was the order keyed twice?', 'Because the clerk entered the wrong order number.'],
    ['Why did the release go out unreviewed?', 'The developer did not follow the review procedure.'],
  ];
  for (const [why, b] of blamed) assert.equal(judge('blame', why, b).length, 1, b);
});

test('blame: a person in the answer is fine when a system carries the cause', () => {
  const clean: [string, string][] = [
    ['Why was the query not optimized?', 'Because the development team lacked training on database optimization, and there were no guidelines or automated checks to enforce memory limits.'],
    ['Why was the wrong dose given?', 'The nurse picked the 10 mg vial because both strengths had identical labels.'],
    ['Why was the table deleted?', 'The deploy script ran the cleanup step against production without a confirmation prompt.'],
    ['Why did the engineer run the command on production?', 'The terminal prompt looked the same on staging and production.'],
    ['Why was the order keyed twice?', 'The order form accepted a duplicate order number without a warning.'],
    ['Why did the operator open the valve?', 'The operator followed the procedure, which listed the steps in the wrong order.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('blame', why, b), [], b);
});
