import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('action-as-cause: a remedy instead of a cause, with the remedy as the suggested action', () => {
  const because = 'Because we should add a per-query memory limit.';
  const text = analysis([{ why: 'Why did the query use all the memory?', because }]);
  const found = findings(text, 'action-as-cause');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.equal(found[0].data?.suggestion, 'Add a per-query memory limit.');
  assert.deepEqual(found[0].data?.evidence, ['we should add']);
  const remedies: [string, string][] = [
    ['Add a check for the number of input fields.', 'Add a check for the number of input fields.'],
    ['Implement rate limiting on the public API.', 'Implement rate limiting on the public API.'],
    ['The team needs to review every config change.', 'Review every config change.'],
    ['A second sign-off should be required for high-risk doses.', 'A second sign-off should be required for high-risk doses.'],
    ['We will move the job to a dedicated runner.', 'Move the job to a dedicated runner.'],
    ['The fix is to pin the library version.', 'Pin the library version.'],
    ['Set up an alert on disk usage.', 'Set up an alert on disk usage.'],
  ];
  for (const [b, action] of remedies) {
    const f = judge('action-as-cause', 'Why did it happen?', b);
    assert.equal(f.length, 1, b);
    assert.equal(f[0].data?.suggestion, action, b);
  }
});

test('action-as-cause: factual "should", "needed to" and nouns that look like verbs are causes', () => {
  const clean = [
    'Because the alert that should have fired was muted.',
    'Because the job should have finished by 6am but ran until 9am.',
    'The team needed to ship before the holiday freeze.',
    'Test cases were copied from the instances in use at the time.',
    'Review comments were resolved without changes.',
    'Because the batch must finish before the backup starts, it was scheduled at 2am.',
    'Check constraints were disabled during the migration.',
    'Update traffic doubled after the release.',
  ];
  for (const b of clean) assert.deepEqual(judge('action-as-cause', 'Why did it happen?', b), [], b);
});

test('action-as-cause: a department proposing, a bare "Need to", a negative order', () => {
  const remedies: [string, string][] = [
    ['HR should benchmark bands every year.', 'Benchmark bands every year.'],
    ['Need to script the CDN certificate upload.', 'Script the CDN certificate upload.'],
    ['Do not deploy on Fridays.', 'Do not deploy on Fridays.'],
    ['Order the 10 units/mL product from a different supplier.', 'Order the 10 units/mL product from a different supplier.'],
  ];
  for (const [b, action] of remedies) {
    const f = judge('action-as-cause', 'Why did it happen?', b);
    assert.equal(f.length, 1, b);
    assert.equal(f[0].data?.suggestion, action, b);
  }
  assert.deepEqual(judge('action-as-cause', 'Why did it happen?', 'The service should restart on its own, but the watchdog was off.'), []);
});

test('action-as-cause: a rule in force ("operators must confirm") is a fact, not a proposal', () => {
  for (const b of ['Because operators must confirm each step, the procedure took 40 minutes.', 'Drivers have to sign for every pallet at the gate.']) {
    assert.deepEqual(judge('action-as-cause', 'Why did it take so long?', b), [], b);
  }
});

test('action-as-cause: reported advice and advice not taken are history', () => {
  for (const b of ['It is a 2015 model that the vendor said should be replaced in 2021, but the replacement was deferred.', 'The audit recommended that access should be reviewed quarterly.']) {
    assert.deepEqual(judge('action-as-cause', 'Why is the printer so slow?', b), [], b);
  }
});

test('action-as-cause: an order followed by a condition clause is still an order', () => {
  assert.equal(judge('action-as-cause', 'Why did the exit code not stop the pipeline?', 'Make the script exit non-zero when the export is empty.').length, 1);
  assert.deepEqual(judge('action-as-cause', 'Why did the exit code not stop the pipeline?', 'Make files were regenerated when the export was empty.'), []);
});

test('action-as-cause: "we need a …", "there needs to be …", "it would help to …" and "the cure is to …" are remedies; a need stated as a fact is not', () => {
  const remedies = [
    'We need a quarterly review of every alert threshold.',
    'You need better handover notes between shifts.',
    'They need more training on the new scanners.',
    'There needs to be an owner for access reviews.',
    'It would help to add a temperature field to the app.',
    'It would be wise to pin the base image.',
    'The cure is to merge the two checklists.',
  ];
  for (const b of remedies) assert.equal(judge('action-as-cause', 'Why did it happen?', b).length, 1, b);
  const causes = [
    'The pickers need two hands to work the old scanners.',
    'They need a manager code for every refund, and managers leave at six.',
    'Refunds need a manager code that only the day shift holds.',
    'It would have helped, but the vendor never shipped the patch.',
    'We needed a signature from legal, which took three weeks.',
  ];
  for (const b of causes) assert.deepEqual(judge('action-as-cause', 'Why did it happen?', b), [], b);
});

test('action-as-cause: more orders ("Finish the upgrade", "Compare the counts", "Redesign the form"); a noun in their place is a cause', () => {
  for (const b of ['Finish the guarding upgrade so the tail can go back on the round.', 'Compare the loaded row count with the source count.', 'Redesign the intake form around the new codes.']) {
    assert.equal(judge('action-as-cause', 'Why is it still fenced off?', b).length, 1, b);
  }
  assert.deepEqual(judge('action-as-cause', 'How come it has never been redesigned?', 'Redesign requests go to the product backlog, where they lose to ad work.'), []);
});

test('action-as-cause: an order addressed to people ("Give staff …", "Train pickers …") is a remedy; people as a subject are not', () => {
  for (const b of ['Give host-store staff a master unlock procedure for each locker bank.', 'Train pickers on the new layout.', 'Tell nurses to double-check the pump.']) {
    assert.equal(judge('action-as-cause', 'Why could the lockers not be opened?', b).length, 1, b);
  }
  for (const b of ['Train drivers were not told about the diversion.', 'Staff were given no unlock procedure.']) {
    assert.deepEqual(judge('action-as-cause', 'Why could the lockers not be opened?', b), [], b);
  }
});

test('action-as-cause: "must be" with any participle, and more orders ("Load …", "Fit …")', () => {
  const remedies = [
    'The protocol must be extended to check every user setting after a battery change.',
    'Cutovers must be planned with at least one quiet week before any ship window.',
    'Load a local whitelist onto each reader and sync it every 60 seconds.',
    'Fit the stroke indicators to every rear brake chamber.',
  ];
  for (const b of remedies) assert.equal(judge('action-as-cause', 'Why did it happen?', b).length, 1, b);
  const causes = [
    // A rule in force told as a fact, and advice told as history.
    'Orders over £10k must be approved by two directors, but the system checked only one approval.',
    'The vendor said the valve should be replaced at 5,000 cycles.',
    'Load shedding started at 14:02 when the frequency fell below 49.2 Hz.',
  ];
  for (const b of causes) assert.deepEqual(judge('action-as-cause', 'Why did it happen?', b), [], b);
});

test('action-as-cause: "ought to", "From now on …", and a department or procedure that "needs to" are remedies; a machine that needs to is a fact', () => {
  const remedies = [
    'Any equipment transferred in from another site ought to get a full code-of-practice compliance check before it is commissioned.',
    'From now on any change to Filebeat index naming has to ship in the same PR as the matching template change.',
    'Going forward, every change needs a ticket.',
    'Pharmacy needs to review par levels for sepsis antibiotics every quarter against actual usage.',
    'Impact assessments need to pull every downstream consumer of a changed field from the data catalogue before sign-off.',
  ];
  for (const b of remedies) assert.equal(judge('action-as-cause', 'Why did it happen?', b).length, 1, b);
  const causes = [
    'The kiln needs to cool to 80 C before crews can enter.',
    'The vendor said the valve ought to be replaced at 5,000 cycles.',
    'In future releases the flag defaults to off.',
    "Planning for breakdowns on this farm isn't what it ought to be.",
  ];
  for (const b of causes) assert.deepEqual(judge('action-as-cause', 'Why did it happen?', b), [], b);
});

test('action-as-cause: a labelled recommendation and a thing that "needs building" are remedies', () => {
  const remedies = [
    // (Quoted: a plain YAML scalar cannot hold ": ".)
    '"Recommendation: a daily alert to the waste ops duty manager whenever the unassigned queue tops 20 items."',
    'A ward-level results inbox needs building so that critical values go to whoever is holding the bleep.',
    'The interlock logic needs rewriting before the line restarts.',
  ];
  for (const b of remedies) assert.equal(judge('action-as-cause', 'Why did it happen?', b).length, 1, b);
  const causes = ['The pump needs priming before each start, and the night crew had no priming step.', 'Action on the ticket stalled for nine days.'];
  for (const b of causes) assert.deepEqual(judge('action-as-cause', 'Why did it happen?', b), [], b);
});

test('action-as-cause: a hyphenated noun in first place ("Check-in kept …") is no order', () => {
  assert.deepEqual(judge('action-as-cause', 'Why were cars still queuing at 10:00?', 'Check-in kept accepting vehicles for the cancelled sailings until 10:15.'), []);
});
