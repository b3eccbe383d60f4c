import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, judge, analysis, spanOf, type StepSpec } from './reasoning.helpers';
import { configureSynonyms } from '../../../src/core';

test('circular: the answer says the question again in other words', () => {
  const because = 'Because it ran out of space.';
  const text = analysis([{ why: 'Why did the disk fill up?', because }]);
  const found = findings(text, 'circular');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.deepEqual(found[0].data?.evidence, ['ran out of space', 'fill up']);
  assert.equal(judge('circular', 'Why did the pump fail?', 'Because the pump failed.').length, 1);
  assert.equal(judge('circular', 'Why was the alert not sent?', 'The alert was never sent.').length, 1);
  assert.equal(judge('circular', 'Why was the DB unavailable?', 'Because the database was offline.').length, 1);
  assert.equal(judge('circular', 'Why did the job time out?', 'Because it timed out.').length, 1);
});

test('circular: an answer that adds a cause is not circular', () => {
  const clean: [string, string][] = [
    ['Why did the system go down?', 'Because the database became unresponsive.'],
    ['Why did it run out of memory?', 'Because a query was executed that consumed all available memory.'],
    ['Why did the disk fill up?', 'Because debug logs were written at 2 GB an hour.'],
    ['Why did the disk fill up?', 'It filled up in three hours after log rotation was disabled.'],
    ['Why did the pump fail?', 'Because the pump seal was worn.'],
    ['Why was the query slow?', 'Because of a bug.'],
  ];
  for (const [why, because] of clean) assert.deepEqual(judge('circular', why, because), [], `${why} / ${because}`);
});

test('circular: paraphrases of the question (unnoticed, scoped, slow)', () => {
  const circular: [string, string][] = [
    ['Why did the audit bug go unnoticed?', 'Because it was never detected.'],
    ['Why are the alerts scoped to one queue?', 'The alerts were set up to cover just that queue.'],
    ['Why does the export take 25 minutes?', 'Because the export is slow.'],
    ['Why did replacing the link cut the connection?', 'Because the connection dropped while the link was replaced.'],
    ['How come the silence never expired?', 'Because the silence stayed in place indefinitely.'],
  ];
  for (const [why, b] of circular) assert.equal(judge('circular', why, b).length, 1, b);
  assert.deepEqual(judge('circular', 'Why did the pump fail?', 'Because the pump seal failed.'), []);
  assert.deepEqual(judge('circular', 'Why did the server crash?', 'Because the server ran out of memory.'), []);
});

test('circular: "no free space left" is "full"', () => {
  assert.equal(judge('circular', 'Why did the disk fill up?', 'Because the disk had no free space left.').length, 1);
});

test('circular: extra synonym groups (a team\'s own terms) can be configured', () => {
  const why = 'Why was the WS down?';
  const because = 'Because the widget service was offline.';
  assert.deepEqual(judge('circular', why, because), []);
  configureSynonyms([['ws', 'widget service']]);
  try {
    assert.equal(judge('circular', why, because).length, 1);
  } finally {
    configureSynonyms([]);
  }
  assert.deepEqual(judge('circular', why, because), []);
});

test('circular: the question\'s state said again with a negated opposite, a narrower name or a generic filler', () => {
  const circular: [string, string][] = [
    ['Why was the report late?', 'Because the report wasn’t ready on time.'],
    ['Why did validation fail?', 'Because the signatures were no longer valid.'],
    ["Why didn't the requests carry the flag?", "Because the renewal requests didn't include the flag."],
    ['Why was there not enough time?', "Because there isn't enough time scheduled for it."],
    ['Why did the tracking data go stale?', 'Because the data had not been refreshed.'],
  ];
  for (const [why, b] of circular) assert.equal(judge('circular', why, b).length, 1, b);
  const clean: [string, string][] = [
    ['Why was the report late?', 'Because the data feed arrived at 09:40.'],
    ['Why was the report late?', 'The report was not started until the nightly backup finished.'],
    ['Why did validation fail?', 'Because the certificate chain lacked the intermediate certificate.'],
    ['Why did the pump fail?', 'Because the bearing failed.'],
    ["Why didn't the requests carry the flag?", 'Because the request builder drops unknown headers.'],
    ['Why did the tracking data go stale?', 'Because the sync job was disabled during the migration.'],
    ['Why was there not enough time?', 'Because the audit was moved forward by two weeks.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('circular', why, b), [], b);
});

test('circular: restating verbs (fall behind/lag, overspeed/turn faster, catch/notice/spot, not worked/unattended) and a comparison object say the question again', () => {
  const circular: [string, string][] = [
    ['Why did the indexers fall behind?', 'Because the indexers were lagging behind the crawlers.'],
    ['Why did the spindle overspeed?', 'The spindle turned faster than it was allowed to.'],
    ['Why did nobody catch the drift?', 'Because nobody noticed the drift.'],
    ['Why did no one notice the backlog?', 'Nobody spotted it.'],
    ['Why was the returns queue not worked?', 'The returns queue was left unattended.'],
    ['Why did the export take so long?', 'The export was running slowly.'],
    ['Why did the audit not flag the duplicates?', 'The duplicates slipped past the audit unnoticed.'],
    ['Why was the ticket backlog growing?', 'The ticket backlog kept piling up.'],
  ];
  for (const [why, b] of circular) assert.equal(judge('circular', why, b).length, 1, b);
  const clean: [string, string][] = [
    ['Why did the indexers fall behind?', 'Each indexer waits on a blocking call to the thumbnail service.'],
    ['Why did the spindle overspeed?', 'The drive read a false low speed from a loose encoder.'],
    ['Why did nobody catch the drift?', 'The alarm watches the error rate, not the queue depth.'],
    ['Why was the returns queue not worked?', 'Nobody was assigned to the queue after the reorganisation.'],
    ['Why did the export take so long?', 'The export ran a full table scan on an unindexed column.'],
    ['Why was the delivery slow?', 'The van took longer than planned because of roadworks on the ring road.'],
    ['Why was the report late?', 'The report waited behind the month-end batch.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('circular', why, b), [], `${why} / ${b}`);
});

test('circular: restatements in other words (when again, nobody watching, not succeeding, not open, arriving after the agreed time)', () => {
  const circular: [string, string][] = [
    ['Why did nobody read the inbox at night?', 'Because nobody reads it outside office hours.'],
    ['Why was the queue unattended?', 'Because nobody was watching it.'],
    ['Why did the checkpoint write fail?', 'Because the write did not succeed.'],
    ['Why does the bank office close at 18:00?', 'Because it does not stay open after 18:00.'],
    ['Why did the customer receive the load late?', 'Because the load arrived after the agreed time.'],
  ];
  for (const [why, b] of circular) assert.equal(judge('circular', why, b).length, 1, b);
});

test('circular: a when, a watcher or a failure that comes with a cause is not a restatement', () => {
  const clean: [string, string][] = [
    ['Why did nobody read the inbox at night?', 'Because nobody reads it after hours when the switchboard is closed.'],
    ['Why did nobody respond at night?', 'Because it happened on a weekend.'],
    ['Why did nobody read the inbox?', 'Because nobody reads it outside office hours.'],
    ['Why was the queue unattended?', 'Because the only reviewer was on leave.'],
    ['Why did the checkpoint write fail?', 'Because the volume did not have enough free inodes.'],
    ['Why did the upload fail?', 'Because the token expired before the upload could succeed.'],
    ['Why does the bank office close at 18:00?', 'Because the security contract covers the building only until 18:00.'],
    ['Why did the customer receive the load late?', 'Because the trailer waited two hours for a reefer plug.'],
  ];
  for (const [why, because] of clean) assert.deepEqual(judge('circular', why, because), [], `${why} / ${because}`);
});

test('circular: an answer that only says again what the question and the answer before it said', () => {
  const cases: [StepSpec, string, string][] = [
    [{ why: 'Why did the press stop?', because: 'The press motor overheated and its thermal relay tripped.' }, 'Why did it overheat?', 'Because the motor got hotter than it should.'],
    [{ why: 'Why were the invoices wrong?', because: 'The billing run used the exchange rates of the previous month.' }, 'Why were the rates a month old?', 'Because the billing run used last month’s exchange rates.'],
    [{ why: 'Why did trading continue?', because: 'No automated control halted trading when the limits were passed.' }, 'Why was there no kill switch?', 'The platform had no way to stop trading automatically.'],
  ];
  for (const [before, why, because] of cases) {
    const found = judge('circular', why, because, before);
    assert.equal(found.length, 1, because);
    assert.match(found[0].message, /restates the question and the answer before it/);
  }
  const clean: [StepSpec, string, string][] = [
    [{ why: 'Why did the press stop?', because: 'The press motor overheated and its thermal relay tripped.' }, 'Why did it overheat?', 'Because the cooling fan had seized on a worn bearing.'],
    [{ why: 'Why were the invoices wrong?', because: 'The billing run used the exchange rates of the previous month.' }, 'Why were the rates a month old?', 'The rate feed job had failed silently since the proxy change.'],
    [{ why: 'Why did trading continue?', because: 'No automated control halted trading when the limits were passed.' }, 'Why was there no kill switch?', 'Position limits were watched by the desk, since the pre-trade checks looked only at single orders.'],
  ];
  for (const [before, why, because] of clean) assert.deepEqual(judge('circular', why, because, before), [], because);
});

test('circular: the problem statement may name the first answer without making it circular', () => {
  const text = analysis([{ why: 'Why did the site go down?', because: 'Because the database became unresponsive.' }], 'The site went down because its database became unresponsive.');
  assert.deepEqual(findings(text, 'circular'), []);
});

test('circular: a remedy that repeats the question is action-as-cause, not circular', () => {
  const before = { why: 'Why was the conflict missed?', because: 'The tool checks conflicts only on a full validation; single edits skip it.' };
  assert.deepEqual(judge('circular', 'Why do single edits skip it?', 'Run the conflict check on every single edit, not only on a full validation.', before), []);
});

test('circular: a lag measured against its leader, an inventory by another name, an assigner slow to assign', () => {
  const cases: [StepSpec, string, string][] = [
    [{ why: 'Why were search results stale?', because: 'The search index lagged the database by 40 minutes.' }, 'Why was the index 40 minutes behind?', 'It was trailing the database by a long stretch of updates.'],
    [{ why: 'Why was the vendor never paid?', because: 'The vendor was absent from the approved inventory.' }, 'Why was it absent from the inventory?', 'It had never been recorded in the vendor register.'],
    [{ why: 'Why were loads collected late?', because: 'Drivers were assigned loads 20 minutes after booking.' }, 'Why did assignment take 20 minutes?', 'The dispatcher was slow to pair drivers with loads.'],
  ];
  for (const [before, why, because] of cases) assert.equal(judge('circular', why, because, before).length, 1, because);
  const clean: [StepSpec, string, string][] = [
    [{ why: 'Why were search results stale?', because: 'The search index lagged the database by 40 minutes.' }, 'Why was the index 40 minutes behind?', 'It was trailing because the indexer ran on a single thread.'],
    [{ why: 'Why was the vendor never paid?', because: 'The vendor was absent from the approved inventory.' }, 'Why was it absent from the inventory?', 'Procurement onboarded it by email during the ERP freeze.'],
    [{ why: 'Why were loads collected late?', because: 'Drivers were assigned loads 20 minutes after booking.' }, 'Why did assignment take 20 minutes?', 'The dispatcher paired drivers by hand while the optimiser was down.'],
  ];
  for (const [before, why, because] of clean) assert.deepEqual(judge('circular', why, because, before), [], because);
});

test('circular: "nobody noticed it" says "missed" again; "missing" is another state', () => {
  assert.equal(judge('circular', 'Why was the crack missed?', 'Because nobody noticed it.').length, 1);
  assert.deepEqual(judge('circular', 'Why was the crack missing from the report?', 'Because nobody noticed it.'), []);
});

test('circular: expiry is validity, saturated is full, and measure words ("all it was able to hold") add no cause', () => {
  const circular: [string, string][] = [
    ['Why had the certificate expired?', 'Because it was no longer valid.'],
    ['Why did the session tokens have no TTL?', 'They were issued with no expiry.'],
  ];
  for (const [why, b] of circular) assert.equal(judge('circular', why, b).length, 1, b);
  const before = { why: 'Why did the coating crater?', because: 'The cartridge on the air line was saturated with solvent.' };
  assert.equal(judge('circular', 'Why was the cartridge saturated?', 'It had taken up all the solvent it was able to hold and was completely full.', before).length, 1);
  const clean: [string, string][] = [
    ['Why had the certificate expired?', 'Renewal depended on a cron job that was removed in the March migration.'],
    ['Why was the cartridge saturated?', 'It had been left in service for 900 hours, three times its rating.'],
  ];
  for (const [why, b] of clean) assert.deepEqual(judge('circular', why, b), [], b);
});

test('circular: "running so slowly" is a speed; a setting "to a low level" says it again', () => {
  const before = { why: 'Why did the kitchen fill with smoke?', because: 'The extraction fan was running at 40% of its rated speed.' };
  assert.equal(judge('circular', 'Why was the fan running so slowly?', 'Its speed had been set to a low level.', before).length, 1);
  assert.deepEqual(judge('circular', 'Why was the fan running so slowly?', 'Its speed had been set low during the 2021 noise complaint.', before), []);
});

test('circular: "nothing stopped it" says "kept running" again', () => {
  const before = { why: 'Why did the fire spread down the gantry?', because: 'The conveyor kept running for six minutes after ignition.' };
  assert.equal(judge('circular', 'Why did the conveyor keep running for six minutes?', 'Nothing stopped it in that time.', before).length, 1);
  assert.deepEqual(judge('circular', 'Why did the conveyor keep running for six minutes?', 'The pull-wire stop switches had been bypassed during the belt change.', before), []);
});

test('circular: what a runbook "tells you to do" is what it prescribes; a check is a monitor', () => {
  const before = { why: 'Why did recovery start so late?', because: 'The first two hours went on rolling restarts of the data nodes, as the red-cluster runbook prescribes.' };
  assert.equal(judge('circular', 'Why does the runbook go straight to restarts?', 'Restarting the data nodes is the first thing the red-cluster runbook tells you to do.', before).length, 1);
  assert.equal(judge('circular', "Why doesn't the arc monitor watch gas?", 'Gas just is not among the things the arc monitor checks.').length, 1);
  // A new reason beside the same words.
  assert.deepEqual(judge('circular', 'Why does the runbook go straight to restarts?', 'The runbook was copied from the 6.x cluster, where a restart cleared stuck shards.', before), []);
});
