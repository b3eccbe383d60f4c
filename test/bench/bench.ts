/**
 * `npm run bench`: the speed figures of SPEC §5 and issues 4 and 12, printed, not asserted.
 *   - parse + check of 50 and 2,000 steps, and how the cost beyond the YAML parse grows per
 *     step from 50 to 8,000 steps (every run checks texts never seen before: a cold check);
 *   - the largest analysis under the 4 M-character limit: its full check against a bare
 *     `yaml.parseDocument` of it;
 *   - the longest block of the extension host's thread while that file is checked, on the
 *     thread and through the background worker (dist/checkWorker.js);
 *   - a re-check after editing one step, against a bare parse of the same text.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkText, loadLearned, recheckText, type LearnedWeightsFile } from '../../src/core';
import { MAX_TEXT_LENGTH } from '../../src/core/limits';
import { BackgroundChecker } from '../../src/extension/background';
import { longestBlock } from './blocks';
import { generateAnalysis } from './generate';

const LEARNED = join(__dirname, '..', '..', '..', 'dist', 'learned');

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
/** The last cell of a row with a goal: the goal, and whether this run met it. */
const goal = (text: string, met: boolean) => `goal ${text}: ${met ? 'met' : 'NOT MET'}`;
let variant = 1;

/** Cold full checks and bare parses of `steps`-step analyses, every text new. */
function fullCheck(steps: number, bar?: number): { check: number; parse: number } {
  const runs = steps <= 500 ? 31 : steps <= 2000 ? 9 : 5;
  const warm = steps <= 500 ? 60 : 2;
  const fresh = () => generateAnalysis(steps, variant++);
  const texts = Array.from({ length: runs + warm }, fresh);
  let i = 0;
  const check = median(() => void checkText(texts[i++]), runs, warm);
  const parseTexts = Array.from({ length: runs + warm }, fresh);
  let j = 0;
  const parse = median(() => void parseDocument(parseTexts[j++], { prettyErrors: false }), runs, warm);
  const beyond = ((check - parse) / steps) * 1000;
  row(`full check, ${steps} steps`, `${check.toFixed(2)} ms`, `${((check / steps) * 1000).toFixed(1)} µs/step`, `bare parse ${parse.toFixed(2)} ms; beyond it ${beyond.toFixed(1)} µs/step`, bar ? goal(`under ${bar} ms`, check < bar) : '');
  return { check, parse };
}

const small = fullCheck(50, 5);
fullCheck(500);
const large = fullCheck(2000, 500);
const huge = fullCheck(8000);
const beyond = (r: { check: number; parse: number }, steps: number) => (r.check - r.parse) / steps;
const growth = beyond(huge, 8000) / beyond(small, 50);
row('growth of the cost beyond the parse, per step, 50 → 8,000 steps', `${growth.toFixed(2)}×`, `(2,000: ${(beyond(large, 2000) / beyond(small, 50)).toFixed(2)}×)`, '', goal('within 1.3×', growth <= 1.3));

// The largest analysis under the limit: roots of ten steps up to 4 M characters.
const perThousand = generateAnalysis(1000).length;
let steps = Math.floor((MAX_TEXT_LENGTH / perThousand) * 1000 / 10) * 10;
while (generateAnalysis(steps, 999).length > MAX_TEXT_LENGTH) steps -= 10;
// The median of three, each on texts never checked before (a cold check).
const parseTexts = [0, 1, 2].map(() => generateAnalysis(steps, variant++));
const largestParseMs = median(() => void parseDocument(parseTexts.shift()!, { prettyErrors: false }), 3, 0);
const largestTexts = [0, 1, 2].map(() => generateAnalysis(steps, variant++));
const largest = largestTexts[0];
const largestCheckMs = median(() => void checkText(largestTexts.shift()!), 3, 0);
const largestRatio = largestCheckMs / largestParseMs;
row(`largest file: ${steps.toLocaleString('en')} steps, ${(largest.length / 1e6).toFixed(2)} M chars, full check`, `${largestCheckMs.toFixed(0)} ms`, `bare parse ${largestParseMs.toFixed(0)} ms`, `ratio ${largestRatio.toFixed(2)}×`, goal('within 2× the bare parse', largestRatio <= 2));

async function hostBlocks(): Promise<void> {
  const onThread = await longestBlock(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    checkText(generateAnalysis(steps, variant++));
  });
  row('longest block of the host, largest file checked on its thread', `${onThread.toFixed(0)} ms`, '', '', '');
  const background = new BackgroundChecker(join(__dirname, '..', '..', '..', 'dist', 'checkWorker.js'));
  // The worker starts and compiles the core once, as it does on the first large file.
  await background.check('warm', generateAnalysis(50, variant++), {}, []);
  const text = generateAnalysis(steps, variant++);
  const inWorker = await longestBlock(() => background.check('largest', text, {}, []));
  background.dispose();
  row('longest block of the host, largest file checked in the worker', `${inWorker.toFixed(0)} ms`, '', '', goal('under 50 ms', inWorker <= 50));
}

// Edit one step of a 2,000-step file and check again, as the editor does on each keystroke:
// `recheckText` with the result of the text before the edit (what the extension and its worker call).
function recheck(): void {
  const base = generateAnalysis(2000, variant++);
  const k = 1000 + (variant - 1) * 960_000;
  let previous = checkText(base);
  let edits = 0;
  const editedText = () => base.replace(`in case ${k}?`, `in case ${k} (edit ${edits++})?`);
  if (editedText() === base) throw new Error('the bench edit changed nothing');
  const again = median(() => void (previous = recheckText(previous, editedText())), 21);
  const bare = median(() => void parseDocument(editedText(), { prettyErrors: false }), 21);
  const cold = median(() => void checkText(editedText()), 5, 1);
  row('re-check after a one-step edit, 2,000 steps', `${again.toFixed(2)} ms`, `(checkText of it without the previous result: ${cold.toFixed(0)} ms)`, '', '');
  row('bare yaml.parseDocument, same text', `${bare.toFixed(2)} ms`, `ratio ${(again / bare).toFixed(2)}×`, '', goal('under 1.2× the bare parse', again / bare < 1.2));
  // As the extension re-checks by default: with the shipped learned detector (dist/learned).
  const file = JSON.parse(readFileSync(join(LEARNED, 'weights.json'), 'utf8')) as LearnedWeightsFile;
  const options = { learned: loadLearned(readFileSync(join(LEARNED, 'word-vectors.bin')), file), learnedMode: 'default' as const };
  previous = checkText(base, options);
  const learned = median(() => void (previous = recheckText(previous, editedText(), options)), 21);
  row('  the same re-check with the shipped learned detector', `${learned.toFixed(2)} ms`, `ratio ${(learned / bare).toFixed(2)}×`, '', '');
}

void (async () => {
  await hostBlocks();
  recheck();
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  // Figures taken on a busy machine are slower and noisier: say how busy it was.
  console.log(`whys bench (median of repeated runs; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i])).join('   ').trimEnd());
})();
