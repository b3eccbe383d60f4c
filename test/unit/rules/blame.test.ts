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
    ['Why do pre-trip inspections miss low pressure?', 'The drivers skip the tyre gauge on their pre-trip checks.'],
    ['Why was the interlock open?', 'Operators bypass it.'],
    ['Why was the new default not caught before go-live?', 'The systems librarian skipped the integration test plan for the upgrade.'],
    ['Why was the paddle at the wrong height?', 'The chemist set the apparatus up wrongly on the day.'],
    ['Why was the lift plan based on revision B?', 'The appointed person worked from the wrong drawing.'],
    ['Why was the pump started in basic mode?', 'The nurse ignored the infusion policy and chose basic mode herself.'],
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
    ['Why do pre-trip inspections miss low pressure?', 'Drivers skip the gauge because the pre-trip form has no pressure field.'],
    ['Why was the setting not reviewed?', 'It lives in a generated project file that reviewers skip, since diffs to it run to thousands of lines.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('blame', why, b), [], b);
});

test('blame: named people, pronouns and judgements of character', () => {
  const blamed: [string, string][] = [
    ['Why did the dashboard not show retries?', 'It was Priya\'s dashboard and she never added attempt counts.'],
    ['Why was the field removed?', 'Sam on the web team deleted it.'],
    ['Why did the team miss its target?', 'Their manager, Dana, was a poor leader.'],
    ['Why were the temps not retrained?', 'Marek, the night lead, did not retrain them on the new layout.'],
  ];
  for (const [why, b] of blamed) assert.equal(judge('blame', why, b).length, 1, b);
});

test('blame: gaps in knowledge and teams that did not talk are not slips of a person', () => {
  const clean: [string, string][] = [
    ['Why was scanning never switched back on?', 'New temporary pickers did not know the product range.'],
    ['Why was the list wrong?', 'The two teams did not communicate well.'],
    ['Why was the reset script run?', 'The on-call engineer ran the reset script, because the runbook listed it as the safe fix.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('blame', why, b), [], b);
});

test('blame: a person who did the job without a step of it, with no system condition named', () => {
  assert.equal(judge('blame', 'Why was the worn brake not replaced?', 'Because the maintenance fitter signed the brake off without measuring it.').length, 1);
  assert.deepEqual(judge('blame', 'Why was the worn brake not replaced?', 'The fitter signed the brake off without measuring it, because the task card has no field for the measured length.'), []);
  assert.deepEqual(judge('blame', 'Why was the worn brake not replaced?', 'The brake could be signed off without measuring it.'), []);
});

test('blame: "never bothered to", "could not be bothered", "too lazy to" stop at a person; a missing check named after it does not', () => {
  const blamed = [
    'The night technician never bothered to check the rerun queue.',
    'The operator couldn\'t be bothered to log the reading.',
    'The nurse was too lazy to ask again.',
    'The store manager failed to move the probe.',
  ];
  for (const b of blamed) assert.equal(judge('blame', 'Why did it happen?', b).length, 1, b);
  const system = [
    'The technician never bothered to check because the checklist has no line for it.',
    'The service crew dropped the ball.',
    'Nobody bothered to read the logs because the alert went to an unread mailbox.',
  ];
  for (const b of system) assert.deepEqual(judge('blame', 'Why did it happen?', b), [], b);
});

test('blame: a verb of a slip whose subject is a thing is no blame ("controllers on firmware 3.1 ignored the push")', () => {
  assert.deepEqual(judge('blame', 'Why did the lockers reject the new key?', 'Controllers on firmware 3.1 ignored the key-rotation push.'), []);
  assert.deepEqual(judge('blame', 'Why was the job not rerun?', 'The scheduler ignored the retry flag.'), []);
  assert.equal(judge('blame', 'Why was the alert not acted on?', 'Sam ignored the alert.').length, 1);
  assert.equal(judge('blame', 'Why was the alert not acted on?', 'The on-call engineer ignored the alert.').length, 1);
});

test('blame: a participle after "with" describes a thing, and arriving late is no slip', () => {
  assert.deepEqual(judge('blame', 'Why could nobody log in?', 'Email, VPN, HR and the service desk tool all accept only SSO logins, with local passwords disabled.'), []);
  assert.deepEqual(judge('blame', 'Why were they trapped for two hours?', 'The contractor’s technician did not arrive until 10:31, 1 h 44 min after the call-out.'), []);
});

test('blame: a person who never got round to it, or whose choice ends the answer', () => {
  const blamed: [string, string][] = [
    ['Why were the settings left at the old values?', "The DNO's protection engineer for the region never got round to changing them."],
    ['Why was the server unpatched?', 'The IT contractor never got round to patching that server.'],
    ['Why was the second check missed?', "The nurse didn't get round to the second check."],
    ['Why was the exception not granted?', 'The security architect running the programme refused every exception request.'],
    ['Why did the prewarm code run at launch?', 'The developer who wrote the launch sequence in 2021 chose to put it there.'],
  ];
  for (const [why, b] of blamed) assert.equal(judge('blame', why, b).length, 1, b);
  const clean: [string, string][] = [
    // A reason the system owns, and a choice that is not a person's.
    ['Why did it ship on Friday?', 'The release manager chose to ship on Friday to meet the contract date.'],
    ['Why was the delivery sent back?', 'The pharmacist refused the delivery because the seal on the cold box was broken.'],
    ['Why was the hold removed?', 'Finance chose to remove the 72-hour hold in April.'],
    ['Why was the upgrade never scheduled?', 'The vendor never got round to publishing the 2.4 installer.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('blame', why, b), [], b);
});

test("blame: the cause named as a person's decision or mistake", () => {
  const blamed = ["It was the drivers' own decision to push through to Glasgow instead of stopping short, and it was the wrong one.", "The fitter's mistake."];
  for (const b of blamed) assert.equal(judge('blame', 'Why did the drivers run over their hours?', b).length, 1, b);
  // A thing the person owns is no act of theirs.
  assert.deepEqual(judge('blame', 'Why did nobody come?', "The nurse's call bell was out of reach of the bed."), []);
});

test('blame: a person who left something off or open', () => {
  const blamed = ['The engineer who built the portal in 2021 left the DR gateway off.', 'The technician left the isolation valve open.'];
  for (const b of blamed) assert.equal(judge('blame', 'Why was there no failover?', b).length, 1, b);
  const clean = ['The engineer left the company in 2022, and nobody inherited the runbook.', 'The heater was left on by the frost-protection schedule.'];
  for (const b of clean) assert.deepEqual(judge('blame', 'Why was there no failover?', b), [], b);
});

test('blame: never seeing something is a gap in what reached them, not a slip', () => {
  assert.deepEqual(judge('blame', 'Why was the sump sized for 2 hours?', 'The project team never saw the blockage history.'), []);
});

test("blame: a person's second act left undone; a thing that failed after ', and' is not the person's", () => {
  assert.equal(judge('blame', 'Why was there a link wire in there?', "The contractor's engineer put it in during the June service and didn't take it out again.").length, 1);
  assert.deepEqual(judge('blame', 'Why did the bridge not slow down?', 'Operators work to the cab slow-down lamp and the painted stop bar on the apron, and the lamp never came on.'), []);
});
