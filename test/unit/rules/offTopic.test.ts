import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('off-topic: a turn to testing after "but" is flagged on the answer, with evidence and the on-topic part', () => {
  const because =
    'Because the new IPC Template Type defined 21 input fields, but the testing processes did not include a scenario where the 21st input field was required.';
  const text = analysis([
    { why: 'Why were only 20 input parameters provided?', because: 'Because the integration code was only set up to handle 20 inputs.' },
    { why: 'Why was the integration code only set up for 20 inputs?', because },
  ]);
  const found = findings(text, 'off-topic');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.equal(found[0].path, 'roots[0].whys[1]');
  assert.deepEqual(found[0].data?.evidence, ['integration code', '20 inputs', 'testing processes']);
  assert.equal(found[0].data?.suggestion, 'The new IPC Template Type defined 21 input fields.');
  assert.match(found[0].message, /after “but”, the answer turns to “testing processes”/);
});

test('off-topic: an answer about who noticed, or how long recovery took, is not why it happened', () => {
  assert.equal(judge('off-topic', 'Why did the parser crash on empty input?', 'Because the unit tests did not cover empty input.').length, 1);
  assert.equal(judge('off-topic', 'Why did the pump bearing overheat?', 'Because nobody noticed the temperature alarm for an hour.').length, 1);
  assert.equal(judge('off-topic', 'Why did the shipment leave the dock late?', 'Because it took the carrier three days to send a replacement truck.').length, 0, 'lateness is what the question asks');
  assert.equal(judge('off-topic', 'Why did the checkout service crash?', 'The rollback took 40 minutes because the previous image had been deleted.').length, 1);
  assert.equal(judge('off-topic', 'Why did the order service return errors?', 'Thousands of customers were affected and complained on social media.').length, 1);
});

test('off-topic: answers that address the question are not flagged', () => {
  const clean: [string, string][] = [
    ['Why did the system crash?', 'Because the content interpreter attempted to access an out-of-bounds memory location.'],
    ['Why did it access an out-of-bounds memory location?', 'Because it expected 21 input parameters, but only 20 were provided.'],
    ['Why did the interpreter read out of bounds?', 'The IPC template type declared 21 input fields, but the sensor supplied only 20 values.'],
    ['Why did the truck arrive late?', 'The driver left on time, but a bridge closure forced a 40-mile detour.'],
    ['Why did the deploy fail?', 'Because the smoke test failed on the canary.'],
    ['Why was the bug not caught before release?', 'Because the tests did not cover the empty-list case.'],
    ['Why did the recovery take six hours?', 'Because the restore from backup took six hours to run.'],
    ['Why was the query not optimized?', 'Because it was written for a table of 1,000 rows that has since grown to 40 million.'],
  ];
  for (const [why, because] of clean) assert.deepEqual(judge('off-topic', why, because), [], `${why} / ${because}`);
});

test('off-topic: a root framed around detection may talk about tests', () => {
  const text = [
    'version: 1',
    'title: T',
    'problem: Bad prices reached production.',
    'roots:',
    '  - question: Why did this reach production undetected?',
    '    whys:',
    '      - why: Why did the price feed break?',
    '        because: The feed format changed, but no test compared it with the old format.',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'off-topic'), []);
});

test('off-topic: turns inside a longer subject, with a dummy "it", or after "and"', () => {
  const turned: [string, string][] = [
    ['Why did the parser crash on empty input?', 'The integration tests that run on every merge did not cover empty input.'],
    ['Why did the API return stale prices?', 'The cache TTL was set to 24 hours, and the alert on price age never fired.'],
    ['Why did the cluster lose quorum?', 'It took the on-call engineer 45 minutes to respond to the page.'],
  ];
  for (const [why, b] of turned) assert.equal(judge('off-topic', why, b).length, 1, b);
  assert.deepEqual(judge('off-topic', 'Why did the service drop connections?', 'Maintenance on a failing optical link took the link down for 43 seconds.'), []);
});

test('off-topic: turns to how far it spread, to when it happened, and a fault given for "why did nobody notice?"', () => {
  assert.equal(judge('off-topic', 'Why was a rule with that shape accepted?', 'The rollout system pushed the rules to all locations within seconds.').length, 1);
  assert.equal(judge('off-topic', 'Why did the dashboards run inside the same network?', 'The outage started on the first working day after the holidays.').length, 1);
  assert.equal(judge('off-topic', 'Why did no one notice the heater had failed?', 'The resin supplier had changed the grade in July.').length, 1);
  const clean: [string, string][] = [
    ['Why did each host have to be repaired by hand?', 'The crash happened during boot, before the sensor could download the corrected file.'],
    ['Why did the update reach every host at once?', 'The rollout system pushed content to all hosts within seconds.'],
    ['Why did no one notice the heater had failed?', 'The dryer has no alarm for regeneration temperature.'],
    ['Why did the nurses not notice the strength?', 'Both strengths came in vials of the same size with similar blue labels.'],
    ['Why did preventive maintenance not catch the failing heater?', 'The dryer was not in the CMMS, so no PM tasks were ever generated for it.'],
    // A sign that was missing, or a device that stopped transmitting, is how it could have been seen.
    ['Why did the cleaner not notice the floor was wet?', 'Because the yellow warning sign had been taken to another corridor.'],
    ['Why did no one see the pressure fall?', 'The gauge had stopped transmitting an hour earlier.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('off-topic', why, b), [], b);
});

test('off-topic: testing, retry or review words inside the causal subject are not a turn', () => {
  const clean: [string, string][] = [
    ['Why did the firmware jump from version 4 to 6?', 'The upgrade tests install only the previous release, so every test unit started from version 5.'],
    ['Why were cards charged twice?', 'Our HTTP client retries after 3 s without a response, less than the 4 to 9 s the acquirer took.'],
    ['Why did the resolvers serve an empty zone?', 'The directory design has not been reviewed since it was built in 2016.'],
    ['Why was the wrong page followed?', 'Runbooks are reviewed only after incidents that page someone.'],
    ['Why did the kiln overheat?', 'The controller reviews its setpoint only at start-up, and the setpoint had been raised mid-run.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('off-topic', why, b), [], b);
  // The turn itself is still caught: a clause whose subject is the testing activity and says it missed.
  assert.equal(judge('off-topic', 'Why did the kiln overheat?', 'The setpoint had been raised mid-run, but the acceptance tests never covered a mid-run change.').length, 1);
});

test('off-topic: "why did nobody notice?" accepts any answer about a check, swab, sample or schedule of checks', () => {
  const clean: [string, string][] = [
    ['Why did nobody notice the contamination before the loaves shipped?', 'Allergen swabs are taken on Mondays only.'],
    ['Why did nobody notice the low glucose for six hours?', 'Glucose readings on that ward are scheduled every eight hours.'],
    ['Why was the leak not spotted?', 'Water samples are drawn once a quarter.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('off-topic', why, b), [], b);
  assert.equal(judge('off-topic', 'Why did nobody notice the contamination?', 'The flour supplier changed mills in March.').length, 1);
});

test('off-topic: a question about what a person could see is about a line of sight, not about detection', () => {
  // `Why couldn't the driver see …?` asks why the view was blocked; an answer about the blocked
  // view is on topic, though it names no check or alert.
  assert.deepEqual(judge('off-topic', "Why couldn't the driver see the pedestrian at the crossing?", 'A 2.4 m pallet stack on the end bay blocked the view in both directions.'), []);
  // `Why did nobody see …?` is about detection: an answer that repeats the fault turns away.
  assert.equal(judge('off-topic', 'Why did nobody see the failed backups for six weeks?', 'The disk on the storage node had filled up.').length, 1);
});

test('off-topic: "…, but the real issue is …" sets the question aside, in any root', () => {
  const why = 'Why did the batch job overrun?';
  for (const because of [
    'The job read the whole table, but the real problem is that nobody owns the batch schedule.',
    'It ran on the old host; however, the bigger issue was that the team had no capacity plan.',
  ]) {
    const found = judge('off-topic', why, because);
    assert.equal(found.length, 1, because);
    assert.match(found[0].message, /sets the question aside/);
    assert.ok(found[0].data?.suggestion && because.startsWith(found[0].data.suggestion.replace(/\.$/, '')), found[0].data?.suggestion);
  }
  const framed = analysis([{ why: 'Why did nobody notice the overrun?', because: 'The alert watched only failures, but the real issue is that nobody owns the batch schedule.' }]).replace('  - whys:', '  - question: Why did the overrun go unnoticed for a week?\n    whys:');
  assert.equal(findings(framed, 'off-topic').length, 1);
  // A correction of the answer itself stays on the question.
  for (const because of [
    'The index was dropped, but the real cause was a migration that skipped it.',
    'The job read the whole table, but the problem only appears above 10 million rows.',
  ]) assert.deepEqual(judge('off-topic', why, because), [], because);
});

test('off-topic: a fault that went unseen, and a rollout set to 100%, turn to detection and to how far it spread', () => {
  const why = 'Why did the registry pulls fail?';
  const unseen = judge('off-topic', why, 'The gateway’s saturation went unnoticed for two days.');
  assert.equal(unseen.length, 1);
  assert.match(unseen[0].message, /why the problem was not caught/);
  const spread = judge('off-topic', why, 'The staged rollout had been set to 100% on the first day.');
  assert.equal(spread.length, 1);
  assert.match(spread[0].message, /spread as far as it did/);
  // How a part behaved is a cause.
  assert.deepEqual(judge('off-topic', why, 'The cache was invisible to the load balancer, so requests went to the origin.'), []);
  assert.deepEqual(judge('off-topic', 'Why did the outage reach every customer?', 'The staged rollout had been set to 100% on the first day.'), []);
});

test('off-topic: where a thing came from ("it began in 2020 as a debug stream") is no timeline; a screen that hid it answers "why did nobody notice?"', () => {
  assert.deepEqual(judge('off-topic', 'Why was the topic never registered as a data product?', 'It began in 2020 as an internal debug stream and became the warehouse source later.'), []);
  assert.equal(judge('off-topic', 'Why did the dashboards run inside the same network?', 'The outage started on the first working day after the holidays.').length, 1);
  assert.deepEqual(judge('off-topic', 'Why did control not notice the 11 km gap?', 'The dispatcher’s map follows the selected vehicle, so the caller’s location was off screen the whole time.'), []);
});

test('off-topic: who saw it and paged whom is how it was handled; what it cost is impact', () => {
  const why = 'Why was the canary stage skipped for the config push?';
  const handled = judge('off-topic', why, 'The on-call engineer saw the 503 spike on the checkout dashboard at 10:14 and paged the platform team.');
  assert.equal(handled.length, 1);
  assert.match(handled[0].message, /noticed and handled/);
  const cost = judge('off-topic', 'Why was the grid voltage at 1.06 pu at midday?', 'The farm lost about 85 MWh over three afternoons, worth roughly £6,800.');
  assert.equal(cost.length, 1);
  assert.match(cost[0].message, /consequences/);
  assert.deepEqual(judge('off-topic', 'Why was that relay fitted?', 'The cheaper relay, which cost £3 less, was chosen by the 2019 tender.'), []);
});

test('off-topic: "learning of it from users" asks about detection; drills that never exercised it are response', () => {
  assert.deepEqual(judge('off-topic', 'Why did the SOC learn about the poisoning from user reports?', 'No monitor compares the resolvers’ answers with the authoritative servers.'), []);
  const drills = judge('off-topic', 'Why was the script never moved to the new endpoint?', 'The incident rehearsals never exercised a cache purge.');
  assert.equal(drills.length, 1);
});

test('off-topic: a person phoning it in, a check that was passed, the first reports, the reopening and a count of people hurt are turns', () => {
  const cases: [string, string, RegExp][] = [
    ['Why were document queues left out of the weekly report?', 'A practice manager at one of the GP surgeries phoned the ward on 24 March to chase a missing letter.', /noticed and handled/],
    ['Why did the bilge pump stop?', 'The vessel had passed a Port State Control inspection in Rotterdam three weeks earlier with no deficiencies.', /not caught/],
    ['Why did the prewarm code run before the device was unlocked?', 'The first crash reports only reached the mobile team at 21:40, when the velocity alert fired.', /not caught/],
    ['Why is there no radio coverage in the cutting?', 'Yard staff re-railed two of the wagons by 16:00, and the line reopened at 21:10.', /recovery/],
    ['Why does the risk engine trust accounts older than two years?', 'The fraudulent listings had reached 1,340 buyers across 14 categories.', /consequences/],
  ];
  for (const [why, because, what] of cases) {
    const found = judge('off-topic', why, because);
    assert.equal(found.length, 1, because);
    assert.match(found[0].message, what, because);
  }
  const clean: [string, string][] = [
    // A recovery verb without the clock, a report that is the cause, a test passed as part of how the fault got in.
    ['Why did the ATR arrays miss the tags?', 'The ATR arrays on line 3 returned no-reads on 38% of tags from 09:10 onwards.'],
    ['Why did the pump restart?', 'Supply was restored to the pump panel when the feeder breaker reclosed.'],
    ['Why did the firmware pass the release gate?', 'It passed the emulator tests, which never exercise the star tracker.'],
    ['Why did so many customers get the email?', 'The campaign reached 40,000 customers because the segment filter was empty.'],
  ];
  for (const [why, because] of clean) assert.deepEqual(judge('off-topic', why, because), [], because);
});

test('off-topic: in a root about the slow response, a question that asks for a cause still gets no account of the response', () => {
  const root = (why: string, because: string): string =>
    ['version: 1', 'title: T', 'problem: Antibiotics came three hours late.', 'roots:', '  - question: Why did antibiotics take so long after the screen?', '    whys:', '      - why: Why is there no sepsis alert?', '        because: The sepsis module was configured in 2019 as a documentation form only.', `      - why: ${why}`, `        because: ${because}`, ''].join('\n');
  const turned = findings(root('Why was it configured as a form only?', 'The escalation to the outreach team took 40 minutes, because the registrar was in resus.'), 'off-topic');
  assert.equal(turned.length, 1);
  // A question about the response itself may be answered with the response; so may any question with a turn to tests.
  assert.deepEqual(findings(root('Why did the escalation take so long?', 'The escalation to the outreach team took 40 minutes, because the registrar was in resus.'), 'off-topic'), []);
  assert.deepEqual(findings(root('Why was it configured as a form only?', 'The acceptance tests in 2019 did not cover alerting at all.'), 'off-topic'), []);
});

test('off-topic: a vague answer is left to `vague`; a cost-down that saved money is no impact', () => {
  assert.deepEqual(judge('off-topic', 'Why was the low-temperature alarm switched off?', 'The alarm setup was never really thought through properly when the system went in.'), []);
  assert.deepEqual(judge('off-topic', 'Why did purchasing move to a cheaper gas hose?', 'The 2023 cost-down replaced the Festo hose with an unbranded PU hose, saving about €4 a metre.'), []);
});

test('off-topic: a person who never raised a ticket, a check the question itself points at, and a rollout asked about are no turns', () => {
  const clean: [string, string][] = [
    ['Why was the afternoon fix from the sev-2 never revisited?', 'Its author never raised the follow-up ticket that the incident review asked for.'],
    ['Why did the 7-day cubes not warn us?', 'The lab checked the 7-day results against 65% of characteristic strength, and the 27 MPa average passed that check.'],
    ["Why did the import's dimming levels go live?", 'The profile went straight to all 4,200 nodes, because the CMS deploys a profile to every node in its assigned zone.'],
  ];
  for (const [why, because] of clean) assert.deepEqual(judge('off-topic', why, because), [], because);
});

test('off-topic: a scan or a profile is a way of seeing, so it answers "why was it not spotted?"', () => {
  assert.deepEqual(judge('off-topic', 'Why was the thin burden not spotted before the holes were charged?', 'The blast procedure accepts a face profile up to 14 days old with no re-scan after heavy rain.'), []);
});

test('off-topic: an incident nobody declared, and a form or checklist with no place for the fact, answer "why did it go unnoticed?"', () => {
  assert.deepEqual(judge('off-topic', 'Why did the dropped trunk go unnoticed for a shift?', 'The overflow agents picked up every diverted call, so the queue never grew and no supervisor declared a major incident.'), []);
  assert.deepEqual(judge('off-topic', 'Why was the wrong dose not caught before it was given?', 'The drug chart had no field for the patient’s weight, and the second nurse signed after the syringe was drawn up.'), []);
  // An answer that only explains the fault again still turns away from the question.
  assert.equal(judge('off-topic', 'Why was the wrong dose not caught before it was given?', 'The hospital changed its heparin supplier in June.').length, 1);
});
