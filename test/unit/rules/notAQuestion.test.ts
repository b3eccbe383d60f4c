import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, spanOf } from './reasoning.helpers';

test('not-a-question: a statement in the why, with a "Why …?" rephrasing', () => {
  const cases: [string, string][] = [
    ['The database ran out of memory', 'Why did the database run out of memory?'],
    ['The query was not optimized.', 'Why was the query not optimized?'],
    ['Nobody reviewed the change', 'Why did nobody review the change?'],
    ['The pump leaks at the seal', 'Why does the pump leak at the seal?'],
    ['There were no memory limits', 'Why were there no memory limits?'],
    ['The team had no runbook', 'Why did the team have no runbook?'],
  ];
  for (const [why, suggestion] of cases) {
    const text = analysis([{ why, because: 'Because nobody set a limit.' }]);
    const found = findings(text, 'not-a-question');
    assert.equal(found.length, 1, why);
    assert.deepEqual(found[0].span, spanOf(text, why));
    assert.equal(found[0].path, 'roots[0].whys[0]');
    assert.equal(found[0].data?.suggestion, suggestion);
  }
});

test('not-a-question: questions with or without a question mark pass', () => {
  for (const why of ['Why did the disk fill up?', 'Why did the disk fill up', 'How did the bad config get past review', 'What made the job retry forever?', 'The job retried forever, why?']) {
    assert.deepEqual(findings(analysis([{ why, because: 'Because nobody set a limit.' }]), 'not-a-question'), [], why);
  }
});

test('not-a-question: gerund and noun-phrase statements get a grammatical "Why …?"', () => {
  const cases: [string, string][] = [
    ['The assignment being that long.', 'Why was the assignment that long?'],
    ['Recovery taking 49 minutes although detection took one.', 'Why did recovery take 49 minutes although detection took one?'],
    ['The dryer missing from the maintenance system.', 'Why was the dryer missing from the maintenance system?'],
    ['No expected date on the portal.', 'Why was there no expected date on the portal?'],
    ['The reused code never being re-analysed for the new machine.', 'Why was the reused code never re-analysed for the new machine?'],
    ['Sam deleted the field', 'Why did Sam delete the field?'],
  ];
  for (const [why, suggestion] of cases) {
    const found = findings(analysis([{ why, because: 'Because nobody set a limit.' }]), 'not-a-question');
    assert.equal(found[0]?.data?.suggestion, suggestion, why);
  }
});
