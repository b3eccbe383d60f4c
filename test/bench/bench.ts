/**
 * `npm run bench`: the speed figures of SPEC §5 and issue 4, printed, not asserted.
 *   - parse + check of 50 and 2,000 steps, and how the cost grows (per step, up to 8,000);
 *   - a re-check after editing one step, against a bare `yaml.parseDocument` of the same text.
 */
import { parseDocument } from 'yaml';
import { checkText } from '../../src/core';
import { generateAnalysis } from './generate';

/** The median of `runs` timings of `work`, in milliseconds, after `warm` warm-up runs. */
function median(work: () => void, runs = 15, warm = 3): number {
  for (let i = 0; i < warm; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

function fullCheck(steps: number, bar?: number): number {
  // Every run checks fresh text, so no cache of step verdicts helps: a cold, full check.
  let run = 0;
  const texts = Array.from({ length: 40 }, (_, i) => generateAnalysis(steps).replace('Generated analysis', `Generated analysis ${i}`).replace(/case (\d+)/g, `case $1-${i}`));
  // Small files get more warm-up so the JIT has compiled the parser before timing starts.
  const warm = steps <= 500 ? 200 : 3;
  const ms = median(() => void checkText(texts[run++ % texts.length]), steps <= 500 ? 31 : 15, warm);
  const parseMs = median(() => void parseDocument(texts[run++ % texts.length], { prettyErrors: false }), steps <= 500 ? 31 : 15, warm);
  row(`full check, ${steps} steps`, `${ms.toFixed(2)} ms`, `${((ms / steps) * 1000).toFixed(1)} µs/step`, `(bare parse ${parseMs.toFixed(2)} ms)`, bar ? `${ms < bar ? 'under' : 'OVER'} ${bar} ms` : '');
  return ms;
}

const small = fullCheck(50, 5);
fullCheck(500);
const large = fullCheck(2000, 500);
const huge = fullCheck(8000);
row('growth 50 → 2,000 steps (per step)', `${(large / 2000 / (small / 50)).toFixed(2)}×`, '', '', '');
row('growth 2,000 → 8,000 steps (per step)', `${(huge / 8000 / (large / 2000)).toFixed(2)}×`, '', '', 'near 1× is linear');

// Edit one step of a 2,000-step file and check again, as the editor does on each keystroke.
const base = generateAnalysis(2000);
checkText(base);
let edits = 0;
const editedText = () => base.replace('in case 1000?', `in case 1000 (edit ${edits++})?`);
const recheck = median(() => void checkText(editedText()), 21);
const bare = median(() => void parseDocument(editedText(), { prettyErrors: false }), 21);
row('re-check after a one-step edit, 2,000 steps', `${recheck.toFixed(2)} ms`, '', '', '');
row('bare yaml.parseDocument, same text', `${bare.toFixed(2)} ms`, `ratio ${(recheck / bare).toFixed(2)}×`, '', `${recheck / bare <= 1.5 ? 'within' : 'OVER'} 1.5×`);

const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log('whys bench (median of repeated runs; Node ' + process.version + ')\n');
for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i])).join('   ').trimEnd());
