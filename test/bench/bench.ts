/**
 * `npm run bench`: the speed figures of SPEC §5 and issues 4 and 12, printed, not asserted.
 *   - parse + check of 50 and 2,000 steps, and how the cost beyond the YAML parse grows per
 *     step from 50 to 8,000 steps (every run checks texts never seen before: a cold check),
 *     measured in interleaved rounds so that a loaded machine moves both sides alike;
 *   - the largest analysis under the 4 M-character limit: its full check against a bare
 *     `yaml.parseDocument` of it, in pairs taken side by side, and the heap the check keeps;
 *   - the longest block of the extension host's thread while that file is checked, on the
 *     thread and through the background worker (dist/checkWorker.js);
 *   - a re-check after editing one step, against a bare parse of the same text.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDocument } from 'yaml';
import { checkText, configureSynonyms, loadLearned, recheckText, type LearnedWeightsFile } from '../../src/core';
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

fullCheck(50, 5);
fullCheck(500);
fullCheck(2000, 500);
fullCheck(8000);

/** Wall-clock and CPU time (every thread of the process, the collector's helpers too) of `work`, in ms. */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * How the cost beyond the parse grows per step from 50 to 8,000 steps, read so that a loaded
 * machine moves both sides alike: each round times, back to back, cold checks and bare parses
 * of 160 files of 50 steps (8,000 steps in all, as many as the other side) and of one file of
 * 8,000 steps, the order turned every round; each round gives a ratio, the figure is the
 * median of the rounds' ratios (after one round to warm up). The rows above time each size
 * apart, minutes apart on a busy machine: their ratio moves with the load.
 */
function growth(rounds = 7): void {
  const files = 160;
  // Variants of their own, far past the others': thousands of them, whose longer numbers would
  // take the largest file past the limit were they taken from the shared count.
  let fresh = 10_000;
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const perStep = { small: [] as number[], large: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    const smallChecked = Array.from({ length: files }, () => generateAnalysis(50, fresh++));
    const smallParsed = Array.from({ length: files }, () => generateAnalysis(50, fresh++));
    const largeChecked = generateAnalysis(8000, fresh++);
    const largeParsed = generateAnalysis(8000, fresh++);
    const small = () => {
      const check = timed(() => smallChecked.forEach((text) => checkText(text)));
      const parse = timed(() => smallParsed.forEach((text) => parseDocument(text, { prettyErrors: false })));
      return { wall: (check.wall - parse.wall) / (files * 50), cpu: (check.cpu - parse.cpu) / (files * 50) };
    };
    const large = () => {
      const check = timed(() => checkText(largeChecked));
      const parse = timed(() => parseDocument(largeParsed, { prettyErrors: false }));
      return { wall: (check.wall - parse.wall) / 8000, cpu: (check.cpu - parse.cpu) / 8000 };
    };
    let s: { wall: number; cpu: number };
    let l: { wall: number; cpu: number };
    if (round % 2 === 0) {
      s = small();
      l = large();
    } else {
      l = large();
      s = small();
    }
    if (round === 0) continue;
    ratios.push(l.wall / s.wall);
    cpuRatios.push(l.cpu / s.cpu);
    perStep.small.push(s.wall * 1000);
    perStep.large.push(l.wall * 1000);
  }
  const ratio = middle(ratios);
  row(
    'growth of the cost beyond the parse, per step, 50 → 8,000 steps (interleaved)',
    `${ratio.toFixed(2)}×`,
    `median of ${rounds} rounds (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×; CPU time ${middle(cpuRatios).toFixed(2)}×)`,
    `beyond the parse ${middle(perStep.small).toFixed(1)} and ${middle(perStep.large).toFixed(1)} µs/step`,
    goal('within 1.3×', ratio <= 1.3),
  );
}

growth();

// The largest analysis under the limit: roots of ten steps up to 4 M characters.
const perThousand = generateAnalysis(1000).length;
let steps = Math.floor((MAX_TEXT_LENGTH / perThousand) * 1000 / 10) * 10;
while (generateAnalysis(steps, 999).length > MAX_TEXT_LENGTH) steps -= 10;
// Three pairs taken side by side (the order turned each pair), each on texts never checked
// before (a cold check): the ratio is the median of the pairs' ratios.
setFlagsFromString('--expose-gc');
/** A full garbage collection (V8's `gc`, exposed above). */
const collect = runInNewContext('gc') as () => void;
const pairs: { check: number; parse: number; cpu: number }[] = [];
let largest = '';
let kept: unknown;
for (let pair = 0; pair < 3; pair++) {
  const checked = generateAnalysis(steps, variant++);
  const parsed = generateAnalysis(steps, variant++);
  largest = checked;
  kept = undefined;
  collect();
  const check = () => timed(() => void (kept = checkText(checked)));
  const parse = () => timed(() => void parseDocument(parsed, { prettyErrors: false }));
  let c: { wall: number; cpu: number };
  let p: { wall: number; cpu: number };
  if (pair % 2 === 0) {
    c = check();
    p = parse();
  } else {
    p = parse();
    c = check();
  }
  pairs.push({ check: c.wall, parse: p.wall, cpu: c.cpu / p.cpu });
}
// What one cold check of the file keeps (its result held, as the editor holds it, and the caches
// for re-checks): the earlier checks' cached texts and verdicts dropped first (new synonyms drop
// them), then one more check.
kept = undefined;
configureSynonyms([]);
collect();
const heapBefore = process.memoryUsage().heapUsed / 1e6;
kept = checkText(generateAnalysis(steps, variant++));
collect();
const heldMB = process.memoryUsage().heapUsed / 1e6;
void kept;
const largestRatio = middle(pairs.map((p) => p.check / p.parse));
row(`largest file: ${steps.toLocaleString('en')} steps, ${(largest.length / 1e6).toFixed(2)} M chars, full check`, `${middle(pairs.map((p) => p.check)).toFixed(0)} ms`, `bare parse ${middle(pairs.map((p) => p.parse)).toFixed(0)} ms (3 pairs side by side; CPU time ${middle(pairs.map((p) => p.cpu)).toFixed(2)}×)`, `ratio ${largestRatio.toFixed(2)}×`, goal('within 2× the bare parse', largestRatio <= 2));
row('  heap used after a cold check of it, the result held', `${heldMB.toFixed(0)} MB`, `(${(heldMB - heapBefore).toFixed(0)} MB more than before it; after a full collection, earlier checks' caches dropped)`, '', '');

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
