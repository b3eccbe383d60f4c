import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { allSteps, checkText, toMarkdownReport, toMermaid, type Finding } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('toMarkdownReport', () => {
  test('the CoE report of the CrowdStrike example: title, incident, problem, roots, actions, tree', () => {
    const { parsed, findings } = checkText(read('test/examples/crowdstrike.whys.yaml'));
    const report = toMarkdownReport(parsed.analysis, findings);
    const headings = report.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, [
      '# Correction of Errors: Channel File 291 crashed Windows hosts',
      '## Incident',
      '## Problem',
      '## Root 1: Why was this able to reach production undetected?',
      '## Root 2: Why did it take so long to recover?',
      '## Root 3: Why did the breaking change exist in the first place?',
      '## Root 4: Why was a vendor defect able to cause our severe service outage?',
      '## Actions',
      '## Why-tree',
    ]);
    assert.match(report, /^- \*\*Date:\*\* 2024-07-19$/m);
    assert.match(report, /^- \*\*Severity:\*\* critical$/m);
    assert.match(report, /^- \*\*Started:\*\* 2024-07-19T04:09:00Z$/m);
    assert.match(report, /^_id `vendor-blast-radius` · perspective: Microsoft_$/m);
    // The chain, in order, with nested causes and their chains.
    assert.match(report, /^1\. \*\*Why did the hosts crash\?\*\*\n {3}The content interpreter read memory out of bounds/m);
    assert.match(report, /^ {3}- The content validator checked each template instance on its own/m);
    assert.match(report, /^ {5}1\. \*\*Why did the validator not compare instances with the sensor's inputs\?\*\*$/m);
    // The actions table: one row per action, with owner, due, kind and status.
    assert.match(report, /^\| # \| Action \| Root \| Owner \| Due \| Kind \| Status \| For \|$/m);
    assert.match(report, /^\| 1 \| Check at compile time .* \| undetected \| sensor-content \| 2024-08-31 \| prevent \| open \| validator-gap \|$/m);
    assert.equal(report.match(/^\| \d+ \|/gm)?.length, 5);
    // The tree, as GitHub renders it.
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(report);
    assert.ok(block);
    assert.equal(block[1], toMermaid(parsed.analysis, findings).trimEnd());
  });

  test('flagged steps are marked with the icon and the finding', () => {
    const { parsed } = checkText(read('test/examples/crowdstrike-as-written.whys.yaml'));
    const step4 = allSteps(parsed.analysis)[3];
    const findings: Finding[] = [{ rule: 'off-topic', severity: 'warning', message: 'The answer turns to “testing processes”.', span: step4.because!.span, path: step4.path }];
    const report = toMarkdownReport(parsed.analysis, findings);
    assert.match(report, /^4\. ⚠ \*\*Why was the integration code only set up for 20 inputs\?\*\*$/m);
    assert.match(report, /^ {3}> ⚠ \*\*off-topic:\*\* The answer turns to “testing processes”\.$/m);
    assert.match(report, /^3\. \*\*Why were only 20 input parameters provided\?\*\*$/m);
    assert.match(report, /_No corrective actions yet\._/);
    assert.match(report, /class r0_w3 weak/);
  });

  test('user text cannot add markup, HTML, table cells or break the mermaid fence', () => {
    const { parsed, findings } = checkText(read('test/fixtures/hostile.whys.yaml'));
    const report = toMarkdownReport(parsed.analysis, findings);
    const prose = report.slice(0, report.indexOf('```mermaid'));
    assert.doesNotMatch(prose, /<(script|img|svg|a|iframe|style|b|math)\b/i);
    assert.equal(report.match(/^```/gm)?.length, 2);
    assert.match(report, /^# Correction of Errors: &lt;script&gt;window\.\\_\\_pwned = 'title'&lt;\/script&gt;$/m);
    const text = 'version: 1\ntitle: T\nproblem: P.\nroots:\n  - whys:\n      - why: Why?\n        because: B.\n    actions:\n      - do: "Fix | the | pipes"\n        owner: "a|b"\n        due: 2024-01-01\n';
    const table = toMarkdownReport(checkText(text).parsed.analysis);
    assert.match(table, /^\| 1 \| Fix \\\| the \\\| pipes \| 1 \| a\\\|b \| 2024-01-01 \| — \| open \| — \|$/m);
  });
});
