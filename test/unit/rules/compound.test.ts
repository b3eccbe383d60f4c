import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('compound: two independent faults in one answer, with the parts as clean sentences', () => {
  const because = 'Because the query was not optimized, and no limit was set on the memory it could use.';
  const text = analysis([{ why: 'Why was such a memory-intensive query executed?', because }]);
  const found = findings(text, 'compound');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.deepEqual(found[0].data?.parts, ['The query was not optimized.', 'No limit was set on the memory it could use.']);
  const compound: [string, string[]][] = [
    ['The filter was clogged, and the pressure gauge was broken.', ['The filter was clogged.', 'The pressure gauge was broken.']],
    ['The primary pump failed and the backup pump did not start.', ['The primary pump failed.', 'The backup pump did not start.']],
    ['The label was misprinted. Also, the scanner was not calibrated.', ['The label was misprinted.', 'The scanner was not calibrated.']],
    ['The driver was inexperienced on the route, and the GPS maps were outdated.', ['The driver was inexperienced on the route.', 'The GPS maps were outdated.']],
  ];
  for (const [b, parts] of compound) {
    const f = judge('compound', 'Why did it happen?', b);
    assert.equal(f.length, 1, b);
    assert.deepEqual(f[0].data?.parts, parts, b);
  }
});

test('compound: contrasts, noun lists, sequences and explanations are one cause', () => {
  const clean = [
    'Because it expected 21 input parameters, but only 20 were provided.',
    'Because read and write traffic doubled after the launch.',
    'The validator and the sensor integration code were specified separately, with no shared definition of the field count.',
    'Each crashed host had to be repaired by hand, by booting into safe mode or the recovery environment and deleting the channel file.',
    'The rollout process was designed for sensor code releases, and content updates were considered low risk.',
    'The disk filled up and then the database stopped accepting writes.',
    'The token expired; it had been issued with a 24-hour lifetime.',
    'The vendor changed the API format and our parser assumed the old one.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: "and it …" adds a second fault of the same thing; verbs without a subject and "one of them" do not', () => {
  const f = judge('compound', 'Why did it happen?', 'The tool had no lower bound on capacity, and it removed hosts as fast as it was asked to.');
  assert.deepEqual(f[0]?.data?.parts, ['The tool had no lower bound on capacity.', 'It removed hosts as fast as it was asked to.']);
  const clean = [
    'The deletion API took any object ID and deleted whatever it pointed to, with no check on the type.',
    'The wrapper was written before the library offered single-flight loads and was never migrated to it.',
    'The control law took its input from a single sensor and never compared it with the other.',
    'The runbook listed the three services known to use the token, and the issuer was not one of them.',
    'The chicken cooled too slowly, staying between 5 and 60 °C for nine hours, which let bacteria multiply.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: two limits hit at the same time are two causes', () => {
  const f = judge('compound', 'Why did the service fail?', 'It hit the open-files limit on its hosts and an API rate quota at the same time.');
  assert.deepEqual(f[0]?.data?.parts, ['It hit the open-files limit on its hosts.', 'It hit an API rate quota.']);
  assert.deepEqual(judge('compound', 'Why did the job fail?', 'It hit the memory limit and was killed.'), []);
  assert.deepEqual(judge('compound', 'Why did the job fail?', 'It hit the read and write limits at the same time.'), []);
});

test('compound: an explaining clause after ";" and a clause acting on the first one\'s things are one cause', () => {
  for (const b of [
    'Schema changes have no owner list; whoever makes a change picks where to post it.',
    'The text provider rejected numbers without a country code, and the booking form stored them that way.',
  ]) {
    assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
  }
});

test('compound: the same noun with different owners (the driver, a backup driver) is two things; "there was" is not a copula about the first clause', () => {
  assert.equal(judge('compound', 'Why was the delivery cancelled?', "The supplier's driver called in sick and there was no backup driver.").length, 1);
  assert.deepEqual(judge('compound', 'Why was the script not reassigned?', 'The reorg plan listed services, and scripts were not services.'), []);
  assert.deepEqual(judge('compound', 'Why was the interval never changed?', 'The rod is cleaned at the annual service, and the boiler now runs twice the hours it did when that interval was set.'), []);
});

test('compound: a second clause related to the first (expired … renewal) explains it', () => {
  assert.deepEqual(judge('compound', 'Why did both customers ask for new reviews?', 'Our SOC 2 report expired in July and the renewal audit was not finished.'), []);
});

test('compound: two clauses that each state their own fault or limit are two causes; a neutral setting beside a fault is one', () => {
  const compound = [
    'The duplicates were reversed as refunds instead of voids, and the refund batch was paused that week.',
    'The replica was three hours behind the primary, and the scheduler had been restarted at 04:00, dropping the queued task.',
    'Approval needs a code that takes 48 h to issue, and the night staff had not been trained on the new screens.',
  ];
  for (const b of compound) assert.equal(judge('compound', 'Why was the report missing?', b).length, 1, b);
  const one = [
    'The gauge was sent for calibration and the tool store had no spare.',
    'Design reviews are triggered only by new projects, and the directory has had none.',
    'An override button was added in 2019 for broken scanners and it needs no reason code.',
    'The tills were replaced in April and staff were still learning the new screens.',
  ];
  for (const b of one) assert.deepEqual(judge('compound', 'Why was the report missing?', b), [], b);
});

test('compound: two conditions set off by ", and" with their own subjects and no word in common are two causes, when at least one states a fault', () => {
  const compound = [
    'The intake checklist asks only for a name and a date of birth, and barcode scanning had not yet been rolled out on that ward.',
    'The uptime probe asserts only a 200 status, and the error digests were routed to a mailbox nobody reads.',
    'The billing module has no owner, and the platform guild stopped meeting in 2022.',
    'The subscription tier has no role-based access, and the 2023 audit asked for least privilege.',
    // A lack beside a strain.
    'The glass supplier was short of spare panes, and the plant was under pressure to cut oven downtime.',
    // A subordinate clause of the second clause leans on its own things.
    'The confirmation screen shows the audience size only on a second tab, and scheduled campaigns are not re-approved when their segment changes.',
  ];
  for (const b of compound) assert.equal(judge('compound', 'Why did it happen?', b).length, 1, b);
  // A limit beside a neutral fact is how one cause works.
  const one = [
    'Reminders were classed as transactional in 2021, and the two-person rule applies to promotional campaigns only.',
    // `chafed` is not a word the rule knows as a fault, so it reads as a neutral fact: when
    // unsure, the rule says nothing.
    'Its encoder cable was chafed, and the SCADA historian keeps only daily averages.',
  ];
  for (const b of one) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: a pointing-back word, a shared stem, a change that follows, a mechanism, or no fault at all keeps two clauses one cause', () => {
  const one = [
    'The storage-class field was blank, and the WMS defaults a blank to ambient.',
    'Product codes were renamed in May, and the mapping still used the old codes.',
    'The service was restarted at noon, and it lost its in-memory cache.',
    'The compressor was switched off for a filter change, and the receiver tank drained within an hour.',
    'The actuator lost air supply, and the spring return holds the valve closed without air.',
    'The main valve was stuck closed, and pressure rose in the upstream pipe.',
    'The pallet was staged in lane 4, and the loader scanned lane 3 for the route.',
    'The pump alarm sounded twice, and the nurse was the only one on the bay.',
    'The vendor changed the date format, so the importer rejected every row.',
    'The proxy sends read and write traffic to the same pool of eight connections.',
    'The plan covers two sites, and the audit asked for a third.',
    'The import validator accepts only ISO dates, and the spreadsheet template writes day-month-year.',
    'Its hydraulic power pack failed in August, and the replacement pack had not yet arrived.',
    'The relays were still set to 0.125 Hz/s, and the rate of change in this event reached 0.16 Hz/s.',
    'The inspector tested the forward well alarm by lifting its float, and the aft well sensor was never tried.',
  ];
  for (const b of one) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: a clause after a semicolon elaborates the one before (evidence, the rule behind it), never a second cause', () => {
  const elaborations = [
    'The slip ring had worn contacts; SCADA logged 212 short dropouts on that channel in the month before.',
    "The first signal was a customer's post on a forum; none of our monitoring raised anything.",
    "The queue has no volume alert; the jump from 20 to 140 tickets would only have shown up in Friday's report.",
    'No one was assigned to watch the run over the weekend; dashboard review is an informal habit, not a rota.',
    'The policy defines the zone as the field and the swab board; linen skips were never listed.',
    'The filter was clogged; the pressure gauge was broken.',
  ];
  for (const b of elaborations) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: irregular past forms ("learnt") and "was away" let two conditions be seen', () => {
  const compound = [
    'The SOC learnt of the phishing host only from user reports, and the DNS team has no weekend on-call rota.',
    "The flatsat's real star tracker was away for recalibration, and the release checklist let 3.4.0 ship on emulator-only tests.",
  ];
  for (const b of compound) assert.equal(judge('compound', 'Why did it happen?', b).length, 1, b);
  // Away as a direction, not an absence.
  assert.deepEqual(judge('compound', 'Why did it happen?', 'The crew moved away from the paper log in 2022, and the tablet app syncs only on Wi-Fi.'), []);
});

test('compound: a shortfall as a figure ("only 41%", "two analysts short") and a part taken out of service state faults', () => {
  const compound = [
    'Only 41% of properties in the warning area are signed up to Floodline direct messages, and the Mill Street siren was decommissioned in 2017.',
    'The buffer stock was cut to three days in 2022, and the store ordering team has been two analysts short since March.',
  ];
  for (const b of compound) assert.equal(judge('compound', 'Why did it happen?', b).length, 1, b);
});

test('compound: a serial list of clauses ("A, B, and C") and a subject with its own relative clause', () => {
  const compound = [
    'The print contract was let on a four-week lead time, the council meeting slipped a week for the by-election, and bills need 14 days of statutory notice.',
    'The hatch 2 lashings had worked loose in the swell, the bosun was signed off sick in Immingham, and the safe manning document only provides one rating per watch.',
    'Overtime needs a budget code from finance that takes 48 hours to issue, and the back-office staff who usually cover peaks had not been trained on the new billing screens.',
  ];
  for (const b of compound) assert.equal(judge('compound', 'Why did it happen?', b).length, 1, b);
  // An example between commas illustrates the clause before it; the two left share their codes.
  assert.deepEqual(judge('compound', 'Why did it happen?', "The new PMS version renamed the room-type codes, DBL-SEA became DSV for example, and the channel manager's mapping still used the old codes."), []);
});

test('compound: a setting and its value are one thing, so a reset and a missing handover value are one cause', () => {
  assert.deepEqual(judge('compound', 'Why was the burst pressure wrong?', "The setting went back to the OEM default when the filler PLC was replaced in March, and the site value wasn't on the handover sheet."), []);
});

test('compound: a clause that leans on the first one (a predicate left out, more of a consequence after "so", a stand-in with its noun left out) is one cause', () => {
  const clean = [
    'Because the depot issues winter tyres only to vans on the hill routes, and van 12 was not.',
    'The night porter propped the fire door open, so the cold air kept coming in and nobody felt the draught upstairs.',
    'The main conveyor motor burned out on Tuesday, and the replacement was held at customs for nine days.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
  // Each side still counts on its own: a clause of its own after `and` with its own predicate.
  assert.equal(judge('compound', 'Why did it happen?', 'The depot issues winter tyres only to vans on the hill routes, and the snow chains were missing from the store.').length, 1);
});

test('compound: a state at the first clause\'s moment, a requirement still unmet, a standing rule and a like-for-like renewal are one cause', () => {
  const clean = [
    'Because the payroll export ran on the 25th, and the overtime sheets had not yet been approved.',
    'The new booking screen needs browser version 120, and a third of the surgery PCs still run version 109.',
    'The courier left the blood samples in the van overnight, and the samples cannot be tested once warmed above 25 °C.',
    'The sea wall was designed in 1970 to a rule that ignored overtopping, and the 2015 repair rebuilt the crest like for like.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
});

test('compound: a second clause whose subject is a bare "none" or "neither" counts the first clause\'s things: one cause', () => {
  const clean = [
    'Because the gate opens only on a "clear" or "override" signal from the control room, and none came during those ten minutes.',
    'The pump starts on a low-level switch or a timer, and neither fired that night.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
  // A noun after it makes a subject of its own.
  assert.equal(judge('compound', 'Why did it happen?', 'The relief valve was stuck shut, and no operator was on the night shift.').length, 1);
});

test('compound: a second clause that points back (a person named before, "the one", "from there", "afterwards") or keeps what a change left behind is one cause', () => {
  const clean = [
    'Because the wristbands are printed at admission, and he had been admitted through the side entrance, where the printer was down.',
    'The hoist on level 2 was out of service, and porters had to borrow the one from level 4.',
    'The bypass valve sits in the plant room, and the flow gauge is not visible from there.',
    'Because the roof drain blocked in March, and water had been pooling over the switch room for weeks afterwards.',
    'Bay 7 was added in the 2024 extension, and the fire plan is still printed from the 2018 drawings.',
  ];
  for (const b of clean) assert.deepEqual(judge('compound', 'Why did it happen?', b), [], b);
  // Without the pointer back, two conditions side by side stay two causes.
  assert.equal(judge('compound', 'Why did it happen?', 'The hoist on level 2 was out of service, and the stretcher batteries had not been charged.').length, 1);
  // `still` after a clause that changed nothing is not a mismatch with a change.
  assert.equal(judge('compound', 'Why did it happen?', 'The hoist on level 2 was out of service, and the stretcher batteries were still flat.').length, 1);
});
