import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysis, findings, judge, spanOf } from './reasoning.helpers';

test('vague: unfalsifiable causes are flagged with the phrase as evidence', () => {
  const because = 'Because of poor communication between the teams.';
  const text = analysis([{ why: 'Why was the change deployed during the sale?', because }]);
  const found = findings(text, 'vague');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].span, spanOf(text, because));
  assert.deepEqual(found[0].data?.evidence, ['poor communication']);
  const vague = [
    'Because the testing was not good enough.',
    'A lack of attention to detail.',
    'We should have done better testing.',
    'Because of insufficient oversight.',
    'Because of a software glitch.',
    'Because the team was not careful enough.',
    'Things fell through the cracks.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why did the wrong file ship?', b).length, 1, b);
});

test('vague: a concrete object makes the same words checkable', () => {
  const clean = [
    'Because the development team lacked training on database optimization, and there were no guidelines or automated checks to enforce memory limits.',
    'Because the container lacked a memory limit.',
    'Because of insufficient disk space on the build runner.',
    'Because there was a lack of testing for the 21st input field.',
    'Because the handover form has no field for pending alarms.',
    'Because a configuration error set the timeout to 0.',
    'The standards at the depot require two signatures for a brake release.',
    'Quality on line 3 dropped after the resin change.',
  ];
  for (const b of clean) assert.deepEqual(judge('vague', 'Why did the job fail?', b), [], b);
});

test('vague: soft qualities stay vague even with an object; activities need one', () => {
  const vague = [
    'The two teams did not communicate well.',
    'The safety analysis was not rigorous enough.',
    'The sorting process just wasn’t efficient enough for that kind of volume.',
    'Coverage of the runbook was not comprehensive enough.',
    'Housekeeping standards on the night shift had slipped over the last year.',
    'Patching just wasn’t enough of a priority for the platform group.',
    'Refrigeration upkeep just doesn’t get the priority it deserves.',
    'Crew engagement has been poor all winter.',
    'Communication between the depot and the yard has never been very good.',
    'The importer has always been fairly basic and was never really fit for purpose.',
    'The sync job was thrown together without much thought for failures.',
    'The clinic simply didn’t have the resources it needed for that many patients.',
    'Lack of foresight.',
    'There was a general lack of attention to lead metrics.',
    'Speed to market was prioritised over quality.',
    'Their manager was a poor leader.',
    'Shell ergonomics never got enough attention.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why did it happen?', b).length, 1, b);
  assert.deepEqual(judge('vague', 'Why did it happen?', 'There was no planning of the cut-over window.'), []);
});

test('vague: "not tested properly" is vague unless it says against what', () => {
  assert.equal(judge('vague', 'Why did it happen?', 'The change was not tested properly.').length, 1);
  assert.deepEqual(judge('vague', 'Why did it happen?', 'The change was not tested properly against the 2.0 schema.'), []);
});

test('vague: "did not prioritise" names no missing thing', () => {
  assert.equal(judge('vague', 'Why only once a year?', 'Management did not prioritise maintenance.').length, 1);
});

test('vague: a quality word in front of a noun describes that thing', () => {
  for (const b of ['The supplier delivered low-quality resin with 0.3 percent moisture.', 'The welds had poor quality penetration at the root.']) {
    assert.deepEqual(judge('vague', 'Why did the parts crack?', b), [], b);
  }
  assert.equal(judge('vague', 'Why did the parts crack?', 'Because of poor quality.').length, 1);
});

test('vague: a judged virtue and "not … to each other enough" are vague', () => {
  const vague = [
    'Because the safety culture on site is weak.',
    'Communication was poor.',
    "Because the two teams don't talk to each other enough.",
    'The wards did not share with one another enough.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why was the template not updated?', b).length, 1, b);
  const clean = [
    'Because the two teams talk to each other only through the ticket queue, which the vendor closes after 5 days.',
    'The culture survey on site is run once a year.',
  ];
  for (const b of clean) assert.deepEqual(judge('vague', 'Why was the template not updated?', b), [], b);
});

test('vague: a vague word beside a concrete mechanism (since/because + a system part) is not vague', () => {
  const b = 'IT logged the fault as low priority, since the dispensing system lets a check go ahead without a scan.';
  assert.deepEqual(judge('vague', 'Why was the scanner fault not fixed?', b), []);
  assert.equal(judge('vague', 'Why was the scanner fault not fixed?', 'IT logged the fault as low priority.').length, 1);
  assert.equal(judge('vague', 'Why was the scanner fault not fixed?', 'It was low priority because nobody cared.').length, 1);
});

test('vague: a virtue with a long scope "was lacking", "dropped the ball", "not on top of", "no good enough handle on" name nothing to check', () => {
  const vague = [
    'Attention to detail during commissioning was lacking.',
    'Attention to detail on the night shift was lacking.',
    'Diligence around vendor capacity planning was insufficient.',
    'The service crew dropped the ball.',
    'Staff were not on top of the fridge manuals.',
    'The team didn\'t have a good enough handle on incident reporting.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why did it happen?', b).length, 1, b);
  const concrete = [
    'Attention to the alarm panel was lacking because the panel sits behind the door.',
    'The pallet was dropped on the ball valve during unloading.',
    'The top of the fridge was not cleaned, so dust blocked the condenser.',
  ];
  for (const b of concrete) assert.deepEqual(judge('vague', 'Why did it happen?', b), [], b);
});

test('vague: "never really been where it should be" judges without naming anything', () => {
  assert.equal(judge('vague', 'Why was the wrong artifact deployed?', 'Release hygiene in our pipelines has never really been where it should be.').length, 1);
});

test('vague: a standard nobody names ("as thorough as it needed to be", "looser than they could be", "not what it ought to be")', () => {
  const vague = [
    "Complaint handling simply wasn't as thorough as it needed to be.",
    'Arrangements between the county and its printer are looser than they could be.',
    "Planning for breakdowns on this farm isn't what it ought to be.",
    'The setup was never properly thought through.',
    'Oversight of clinical document workflows in the IT department is patchy.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why did the letters go unsigned?', b).length, 1, b);
  const clean = [
    // A measure, not a judgement, and a standard that is named.
    'The tank was larger than it needed to be, so the level sensor sat above the sludge line.',
    'The pump was not as fast as it needed to be to fill the tank in ten minutes.',
    'The relay tripped later than it should have, at 340 ms instead of 100 ms.',
    'The process was as good as it could be given the two-person shift.',
    'The design was thought through for 20 inputs, and the template defined 21.',
  ];
  for (const b of clean) assert.deepEqual(judge('vague', 'Why did the tank overflow?', b), [], b);
});

test('vague: "doesn\'t work the way it should" measures against nothing named', () => {
  const found = judge('vague', 'Why was the licence not renewed?', "Honestly the whole licensing process is pretty siloed and it just doesn't work the way it should.");
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].data?.evidence, ["doesn't work the way it should"]);
  assert.deepEqual(judge('vague', 'Why did the relay not trip?', 'The relay did not trip the way it should because its CT was wired with reversed polarity.'), []);
});

test('vague: idioms of a judgement stay vague whatever follows ("much of a feel for", "a bit of a blind spot", "never been taken seriously")', () => {
  const vague = [
    "The shipper's export team doesn't have much of a feel for DG paperwork.",
    'Time zones have always been a bit of a blind spot for the platform team.',
    'Offline programming has just never been taken seriously enough in the robotics team.',
    'The alarm setup was never really thought through properly when the system went in.',
  ];
  for (const b of vague) assert.equal(judge('vague', 'Why was it missed?', b).length, 1, b);
  assert.deepEqual(judge('vague', 'Why did the driver not see the cyclist?', 'The cyclist was in the blind spot of the nearside mirror, which the 2019 cab has no camera for.'), []);
});

test('vague: a hyphenated grade of a named thing ("a low-priority alarm") is a fact; "low priority" alone is vague', () => {
  assert.deepEqual(judge('vague', 'Why did nobody respond to the alarm?', 'The telemetry had it classed as a low-priority alarm.'), []);
  assert.deepEqual(judge('vague', 'Why were the castings rejected?', 'Poor-quality castings came from the new foundry.'), []);
  assert.equal(judge('vague', 'Why was the fix not done?', 'The fix was low priority.').length, 1);
});
