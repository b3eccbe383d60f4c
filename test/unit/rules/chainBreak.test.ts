import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('chain-break: a question about something the previous answer never mentions is flagged on the why', () => {
  const why = 'Why did the marketing team schedule the campaign for Friday?';
  const text = analysis([
    { why: 'Why did the database become unresponsive?', because: 'Because it ran out of memory.' },
    { why, because: 'Because Friday had the best open rates last year.' },
  ]);
  const found = findings(text, 'chain-break');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, why));
  assert.equal(found[0].path, 'roots[0].whys[1]');
  assert.equal(found[0].data?.suggestion, 'Why did it run out of memory?');
  assert.deepEqual(found[0].data?.evidence, ['marketing team', 'campaign', 'Friday']);
});

test('chain-break: pronouns, short follow-ups and summing-up nouns refer back', () => {
  const previous = { why: 'Why did the build fail?', because: 'Because the compiler ran out of disk space on the runner.' };
  for (const why of ['Why?', 'Why was that?', 'Why did it run out?', 'Why was this mismatch not noticed?', 'Why did such a thing happen?']) {
    assert.deepEqual(findings(analysis([previous, { why, because: 'Because the cache directory was never cleaned.' }]), 'chain-break'), [], why);
  }
});

test('chain-break: paraphrase, abbreviations and part-whole keep the chain', () => {
  const pairs: [string, string][] = [
    ['Because the config file pointed at the old DB host.', 'Why did the configuration point at the old database?'],
    ['Because the disk filled up with logs.', 'Why did the log files grow so large?'],
    ['Because the cooling fan stopped.', 'Why did the fan stop?'],
    ['Because the k8s node ran out of memory.', 'Why did the Kubernetes node exhaust its RAM?'],
    ['Because the pump overheated.', 'Why did the temperature rise?'],
  ];
  for (const [because, why] of pairs) {
    const text = analysis([{ why: 'Why did the service fail?', because }, { why, because: 'Because nobody had set a limit.' }]);
    assert.deepEqual(findings(text, 'chain-break'), [], why);
  }
});

test('chain-break: the first question of a cause asks about that cause', () => {
  const text = [
    'version: 1',
    'title: T',
    'problem: Orders were shipped to old addresses.',
    'roots:',
    '  - whys:',
    '      - why: Why were orders shipped to old addresses?',
    '        because:',
    '          - cause: The address cache was not invalidated after updates.',
    '            whys:',
    '              - why: Why was the cache not invalidated?',
    '                because: The update handler wrote to the database only.',
    '          - cause: The label printer used a nightly export.',
    '            whys:',
    '              - why: Why did the finance team change the invoice template?',
    '                because: A new tax rule required it.',
    '',
  ].join('\n');
  const found = findings(text, 'chain-break');
  assert.equal(found.length, 1);
  assert.equal(found[0].path, 'roots[0].whys[0].because[1].whys[0]');
  assert.equal(found[0].data?.suggestion, 'Why did the label printer use a nightly export?');
});

test('chain-break: the first question of a root may take any angle on the problem', () => {
  const text = analysis([{ why: 'Why did recovery take six hours?', because: 'Because every host had to be restored by hand.' }], 'The payment API returned errors.');
  assert.deepEqual(findings(text, 'chain-break'), []);
});

test('chain-break: "he" with no person before it, and "its" inside the question, do not refer back', () => {
  const brakes = { why: 'Why could the driver not stop the car?', because: 'The brakes faded under continuous full throttle.' };
  assert.equal(findings(analysis([brakes, { why: 'Why could he not switch off the engine?', because: 'The start button needed a three-second press.' }]), 'chain-break').length, 1);
  const prune = { why: 'Why was the volume deleted?', because: 'The old sync job, set to auto-prune, still watched the former path.' };
  assert.equal(findings(analysis([prune, { why: 'Why was the volume not retained when its claim was deleted?', because: 'The storage class used the Delete policy.' }]), 'chain-break').length, 1);
});

test('chain-break: degree words, questions after a blamed person, and detection questions about earlier steps follow on', () => {
  const stream = { why: 'Why was the export the only source?', because: 'The event stream kept just 72 hours of history.' };
  assert.deepEqual(findings(analysis([stream, { why: 'What made retention that short?', because: 'The topic used the cluster default.' }]), 'chain-break'), []);
  const camera = { why: 'Why could the operator not tell steam from water?', because: 'The control room monitor shows the door camera at 320x240.' };
  assert.deepEqual(findings(analysis([camera, { why: 'Why is the picture that coarse?', because: 'The camera feeds an analogue encoder from 2004.' }]), 'chain-break'), []);
  // `that night` is the incident's time, not a degree of the previous answer.
  assert.equal(findings(analysis([camera, { why: 'Why was the furnace tapped by one crew that night?', because: 'The second crew was on a training course.' }]), 'chain-break').length, 1);
  const slip = { why: 'Why were the vials loaded into the wrong pocket?', because: 'The pharmacy technician made a mistake.' };
  assert.deepEqual(findings(analysis([slip, { why: 'Why did the cabinet accept the wrong product?', because: 'Restocking did not require a barcode scan.' }]), 'chain-break'), []);
  const text = analysis([
    { why: 'Why was the latest backup a week old?', because: 'The backup job had been skipping volume snapshots since March.' },
    { why: 'How did it start skipping them?', because: 'A chart upgrade renamed the label the schedule selected on.' },
    { why: 'Why did the skipped snapshots go unnoticed?', because: 'The job reported success, since a selector that matches nothing is not an error.' },
  ]);
  assert.deepEqual(findings(text, 'chain-break'), []);
});

test('chain-break: "the same batch" is not a back-reference', () => {
  const text = analysis([
    { why: 'Why did each gearbox swap take four months?', because: 'The crane each swap requires was booked elsewhere.' },
    { why: 'Why had we not reserved crane capacity?', because: 'The service contract left crane booking to the manufacturer.' },
    { why: 'Why did all three gearboxes come from the same supplier batch?', because: 'They were installed together in 2019.' },
  ]);
  const found = findings(text, 'chain-break');
  assert.equal(found.length, 1);
  assert.equal(found[0].path, 'roots[0].whys[2]');
});

test('chain-break: other forms of detection words ("noticing") make a detection question, which in a root about detection may ask about an earlier answer', () => {
  const steps = [
    { why: 'Why did only a third of patients get a reminder?', because: 'The text provider rejected numbers without a country code.' },
    { why: 'Why did the form store numbers without a country code?', because: 'It was built for landlines, where the local format was enough.' },
    { why: 'What stopped anyone from noticing the rejections?', because: 'The provider reported failures only in a monthly CSV that nobody opened.' },
  ];
  const framed = analysis(steps).replace('  - whys:', '  - question: Why did the failures go on for six weeks?\n    whys:');
  assert.deepEqual(findings(framed, 'chain-break'), []);
  assert.deepEqual(findings(framed, 'off-topic'), []);
  // In a root about the cause, going back to ask how an earlier answer went unnoticed starts the detection line of inquiry.
  const found = findings(analysis(steps), 'chain-break');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /give detection its own root/);
});

test('chain-break: a detection question that follows on from the previous step (its answer or its question) is no break', () => {
  const text = analysis([
    { why: 'Why were the snapshots skipped?', because: 'The schedule selected volumes by a label.' },
    { why: 'How did it start skipping them?', because: 'A chart upgrade renamed the label that the schedule used.' },
    { why: 'Why did the skipped snapshots go unnoticed?', because: 'The backup tool reported them as completed.' },
    { why: 'Why was the renamed label not caught in review?', because: 'The chart diff was thousands of lines long.' },
  ]);
  assert.deepEqual(findings(text, 'chain-break'), []);
});

test('chain-break: a question that follows by a derived form or an idiom is not a break', () => {
  const follows: [string, string, string][] = [
    ['Why was the card format left out?', 'The card format was excluded from the project scope to keep to budget.', 'Why was the exclusion never lifted?'],
    ['Why were the packs mixed up?', 'The two packs sat next to each other on the same shelf.', 'Why were look-alike names shelved side by side?'],
    ['Why did the cluster reject the node?', 'The node’s certificate had not been rotated.', 'Why was certificate rotation skipped that month?'],
    ['Why was the policy changed?', 'The committee decided to drop the second signature.', 'Why was that decision taken without the auditors?'],
  ];
  for (const [why, because, next] of follows) {
    const text = analysis([{ why, because }, { why: next, because: 'Nobody owned it.' }]);
    assert.deepEqual(findings(text, 'chain-break'), [], next);
  }
  const text = analysis([
    { why: 'Why was the card format left out?', because: 'The card format was excluded from the project scope to keep to budget.' },
    { why: 'Why did the hangar heaters fail in January?', because: 'The boiler ran out of oil.' },
  ]);
  assert.equal(findings(text, 'chain-break').length, 1);
});

test('chain-break: a question asking about another form of the same word (rebalances / rebalancing / rebalanced) follows on; "What triggered …" is an ordinary why', () => {
  const follow = (why: string, previous: string, next: string): number =>
    findings(analysis([{ why: 'Why were the consumers behind?', because: previous }, { why, because: next }]), 'chain-break').length;
  assert.equal(follow('What triggered so many rebalances?', 'They spent the morning rebalancing; the consumer group rebalanced 140 times.', 'Each consumer outlived its poll interval.'), 0);
  assert.equal(follow('What caused the balancing to repeat?', 'The scheduler kept balancing the shards across nodes.', 'The shard map is rebuilt every minute.'), 0);
  assert.equal(follow('Why did the service checklist not include the cable?', 'The service crew dropped the ball.', 'The checklist was written for the hub.'), 0);
  // Another subject altogether is still a break.
  assert.equal(follow('What triggered the invoice reminders to go out twice?', 'They spent the morning rebalancing; the consumer group rebalanced 140 times.', 'The mailer retried on timeout.'), 1);
});

test('chain-break: an acronym matches the words whose initials spell it', () => {
  const quiet: [string, string][] = [
    ['Because the garbage-collection job was listing 38 million objects in the same bucket.', 'How come GC was running at 14:00?'],
    ['Because single sign-on was timing out for every login attempt.', 'Why was SSO timing out for everyone?'],
    ['Because her Active Directory account was locked after five failed logins.', 'Why did AD lock her account so quickly?'],
  ];
  for (const [because, why] of quiet) {
    const text = analysis([{ why: 'Why was the store slow?', because }, { why, because: 'Because its schedule was moved.' }]);
    assert.deepEqual(findings(text, 'chain-break'), [], why);
  }
  // Initials that spell nothing in the answer before are no link.
  const text = analysis([
    { why: 'Why was the store slow?', because: 'Because the nightly export was listing every object in the bucket.' },
    { why: 'Why did SSO reject the vendor certificates?', because: 'Because the trust store was outdated.' },
  ]);
  assert.equal(findings(text, 'chain-break').length, 1);
});

test('chain-break: a very common noun alone does not link a question about something else; a shared figure does', () => {
  const broken: [string, string][] = [
    ['Because the sampling plan was written for a slower press that the team replaced in 2022.', 'Why did the support team close the complaint tickets early?'],
    ['Because the customer portal was slow that afternoon.', 'Why did the customer support agents skip the refund queue?'],
  ];
  for (const [because, why] of broken) {
    const text = analysis([{ why: 'Why was the release late?', because }, { why, because: 'Because they were short of staff.' }]);
    assert.equal(findings(text, 'chain-break').length, 1, why);
  }
  // A short follow-up about the figure, or a common noun with a content word of the answer, still follows on.
  const quiet: [string, string][] = [
    ['Because the failover took 14 minutes.', 'Why 14 minutes?'],
    ['Because the failover took 14 minutes.', 'Why did the failover take 14 minutes?'],
    ['Because the data team changed the export schema on Friday.', 'Why did the data team change the schema without notice?'],
    ['Because the nightly job ran at 14:00 on Tuesday.', 'Why did the nightly job run at that time?'],
    // A year or a version picked up from the answer: `built in 2016 to carry orders only` → the implants left out.
    ['Because the interface was built in 2016 to carry orders and results only.', 'Why were implants left out in 2016?'],
  ];
  for (const [because, why] of quiet) {
    const text = analysis([{ why: 'Why was the release late?', because }, { why, because: 'Because a new rule required it.' }]);
    assert.deepEqual(findings(text, 'chain-break'), [], why);
  }
});

test('chain-break: a word the whole analysis keeps saying does not link a question that asks about three other things', () => {
  const steps = [
    { why: 'Why were so many flights cancelled?', because: 'Crews could not be re-paired with aircraft in time.' },
    { why: 'Why not?', because: 'The crew optimizer stalled under the volume of crew changes.' },
    { why: 'What made it stall?', because: 'Crew location updates arrived faster than it could re-solve the network.' },
    { why: 'Why did crews wait hours on hold to report where they were?', because: 'Reassignments were confirmed only by phone.' },
  ];
  const found = findings(analysis(steps, 'Crew scheduling collapsed after the storm and crews were stranded.'), 'chain-break');
  assert.deepEqual(found.map((f) => f.path), ['roots[0].whys[3]']);
  // Where the word is not everyday, it links as any word does.
  const rare = [
    { why: 'Why were so many flights cancelled?', because: 'Aircraft could not be re-paired with schedules in time.' },
    { why: 'Why not?', because: 'The optimizer stalled under the volume of changes.' },
    { why: 'What made it stall?', because: 'Crew location updates arrived faster than it could re-solve the network.' },
    { why: 'Why did crews wait hours on hold to report where they were?', because: 'Reassignments were confirmed only by phone.' },
  ];
  assert.deepEqual(findings(analysis(rare), 'chain-break'), []);
});

test('chain-break: "Why did no trip act?" is a short follow-up (acting is a light verb)', () => {
  const text = analysis([
    { why: 'Why did the belt burn for 20 minutes?', because: 'Nothing stopped it in that time.' },
    { why: 'Why did no trip act?', because: 'The pull-wire switches had been bypassed during the belt change.' },
  ]);
  assert.deepEqual(findings(text, 'chain-break'), []);
});

test('chain-break: "What was missing, specifically?" is a short follow-up; synonyms (provide/supply, read/look up) link', () => {
  const vagueBefore = analysis([
    { why: 'Why was the wrong artifact deployed?', because: 'The pipeline picked the newest file in the bucket.' },
    { why: 'Why did nobody stop it?', because: 'The release checklist lacked a step for it.' },
    { why: 'What was missing, specifically?', because: 'A check that the artifact hash matches the tested build.' },
  ]);
  assert.deepEqual(findings(vagueBefore, 'chain-break'), []);
  const synonyms = analysis([
    { why: 'Why did the services fail to start?', because: 'The bundle provides keys under new names.' },
    { why: 'Why does the bundle supply renamed keys?', because: 'The generator was upgraded to v2.' },
    { why: 'Why did v2 rename them?', because: 'Services now look up keys by path.' },
    { why: 'Why do services read keys by path?', because: 'The client library changed its default.' },
  ]);
  assert.deepEqual(findings(synonyms, 'chain-break'), []);
});

test('chain-break: a compound of two small words ("always-on") is a word of its own that links', () => {
  const before = { why: 'Why did every docked laptop hold a tunnel?', because: 'GlobalProtect runs in always-on mode, so a docked laptop that wakes from sleep reconnects at once.' };
  assert.deepEqual(judge('chain-break', 'Why is always-on enabled for everyone?', 'The 2021 rollout applied one profile to all staff.', before), []);
});

test('chain-break: under a cause, a detection question may go back to that cause; any other question may not', () => {
  const text = (next: string): string =>
    [
      'version: 1',
      'title: T',
      'problem: The backups were deleted.',
      'roots:',
      '  - question: Why were the backups gone?',
      '    whys:',
      '      - why: Why did the lifecycle rule match the backups?',
      '        because:',
      '          - cause: The PR was reviewed against a terraform plan that shows the rule but not which containers it acts on.',
      '            whys:',
      "              - why: Why doesn't the plan show the containers?",
      '                because: Lifecycle rules are evaluated by Azure at run time, so Terraform has no list of matching blobs.',
      `              - why: ${next}`,
      '                because: The change template has no field for data retention.',
      '',
    ].join('\n');
  assert.deepEqual(findings(text("Why didn't reviewers spot the risk anyway?"), 'chain-break'), []);
  assert.equal(findings(text('Why was the storage account shared with the web tier?'), 'chain-break').length, 1);
});

test('chain-break: a duplicate is what was booked twice', () => {
  const before = { why: 'How did the invoice get booked twice?', because: 'It came in once through the AP migration file and again when UK re-sent the PDF on 28 June.' };
  assert.deepEqual(judge('chain-break', "Why didn't NetSuite flag the second one as a duplicate?", 'Its duplicate check compares the supplier invoice number, and the migration file had none.', before), []);
});

test('chain-break: after "Each was …" or "Both were …", the question may pick up the previous question\'s things', () => {
  const text = analysis([
    { why: 'Why did both lots pass dye-house QC?', because: "Each was within the dye house's 1.2 tolerance against the master standard." },
    { why: 'How could two passing lots still be 2.1 apart?', because: 'They sat on opposite sides of the standard.' },
  ]);
  assert.deepEqual(findings(text, 'chain-break'), []);
});

test('chain-break: asking the previous question again in other words (it leaned on a pronoun; this one names what it stood for) is no break', () => {
  const steps = (third: string) => [
    { why: 'Why was the split door seal still in use?', because: "Because door seals aren't on the planned maintenance list; they're swapped when they visibly fail." },
    { why: "Why aren't they on the list?", because: 'Because maintenance at the depot has been run badly for years.' },
    { why: third, because: 'Because the list was copied in 2020 from the asset register, which records each cold room as one asset.' },
  ];
  const again = 'Why were the seals left off when the list was drawn up?';
  assert.deepEqual(findings(analysis(steps(again)), 'chain-break'), []);
  // Something the earlier answer never named is still a break.
  const other = 'Why were the compressors left off when the list was drawn up?';
  assert.equal(findings(analysis(steps(other)), 'chain-break').length, 1);
});

test('chain-break: know-how and knowledge are the same thing', () => {
  const before = { why: 'Why did the night crew not treat the valley road first?', because: 'The gritting team has lost a great deal of its know-how over the years.' };
  assert.deepEqual(judge('chain-break', 'Why was the local knowledge not written down anywhere?', 'Because the routes were planned from memory and nobody was asked to record them.', before), []);
});
