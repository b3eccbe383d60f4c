/**
 * `npm run bench` (learned part): what the learned detectors cost on the ~2,000-step file of
 * `reasoning.bench.ts`: reading the asset, the detectors alone (every one on), a full check with
 * them, and a re-check after a one-step edit. Figures are printed, not asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, learnedFindings, loadLearned, parseAnalysis, type LearnedModels, type LearnedWeightsFile } from '../../src/core';
import { corpusAnalysis, generateAnalysis } from './generate';

const ROOT = join(__dirname, '..', '..', '..');
const WEIGHTS = join(ROOT, 'dist', 'learned');

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the figures; returns them as label → value. */
export function benchLearned(steps = 2000, runs = 5): Record<string, string> {
  const figures: Record<string, string> = {};
  let models: LearnedModels | undefined;
  const load = timed(() => {
    const file = JSON.parse(readFileSync(join(WEIGHTS, 'weights.json'), 'utf8')) as LearnedWeightsFile;
    models = loadLearned(readFileSync(join(WEIGHTS, 'word-vectors.bin')), file);
  });
  figures['read and load the asset (dist/learned)'] = `${load.toFixed(1)} ms`;
  const texts = Array.from({ length: runs + 1 }, (_, i) => corpusAnalysis(steps, `l${i}`));
  const count = (texts[0].match(/^\s*-?\s*why:/gm) ?? []).length;
  learnedFindings(parseAnalysis(corpusAnalysis(300, 'warm')).analysis, models!, 'all');
  const alone = median(texts.slice(1).map((t) => {
    const { analysis } = parseAnalysis(t);
    return timed(() => learnedFindings(analysis, models!, 'all'));
  }));
  figures['steps in the file'] = String(count);
  figures['every learned detector alone'] = `${alone.toFixed(1)} ms, ${((alone / count) * 1000).toFixed(0)} µs/step (bar 1 ms/step: ${alone / count < 1 ? 'under' : 'OVER'})`;
  const full = median(texts.slice(1).map((t, i) => timed(() => checkText(t.replace(/\(l(\d+) /g, `(f${i} `), { learned: models, learnedMode: 'all' }))));
  figures['full check, rules + every learned detector (cold)'] = `${full.toFixed(1)} ms (bar 500 ms: ${full < 500 ? 'under' : 'OVER'})`;
  const rulesAlone = median(texts.slice(1).map((t, i) => timed(() => checkText(t.replace(/\(l(\d+) /g, `(r${i} `)))));
  figures['full check, rules alone (cold), the same texts'] = `${rulesAlone.toFixed(1)} ms`;
  // The 2,000-step file of `npm run bench` (generated, every text new), with the shipped detectors.
  const generated = Array.from({ length: runs }, (_, i) => generateAnalysis(steps, 70 + i));
  const generatedRules = median(generated.map((t) => timed(() => checkText(t))));
  const generatedShipped = median(Array.from({ length: runs }, (_, i) => generateAnalysis(steps, 80 + i)).map((t) => timed(() => checkText(t, { learned: models, learnedMode: 'default' }))));
  figures[`full check of npm run bench's ${steps}-step file: rules alone / with the detectors on by default (cold)`] = `${generatedRules.toFixed(1)} ms / ${generatedShipped.toFixed(1)} ms (bar 500 ms: ${generatedShipped < 500 ? 'under' : 'OVER'})`;
  // What ships: only the detectors switched on in their data (thresholds.json).
  const shipped = median(texts.slice(1).map((t, i) => timed(() => checkText(t.replace(/\(l(\d+) /g, `(d${i} `), { learned: models, learnedMode: 'default' }))));
  figures['full check, rules + the detectors on by default (cold)'] = `${shipped.toFixed(1)} ms (bar 500 ms: ${shipped < 500 ? 'under' : 'OVER'})`;
  const base = texts[0];
  checkText(base, { learned: models, learnedMode: 'all' });
  const marker = base.indexOf('because:', Math.floor(base.length / 2));
  let edits = 0;
  const edited = (): string => base.slice(0, marker) + `because: An edited answer number ${edits++} that nobody wrote before.` + base.slice(base.indexOf('\n', marker));
  const withLearned: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 21; i++) {
    withLearned.push(timed(() => checkText(edited(), { learned: models, learnedMode: 'all' })));
    without.push(timed(() => checkText(edited())));
  }
  figures['re-check after a one-step edit, rules alone'] = `${median(without).toFixed(1)} ms`;
  figures['re-check after a one-step edit, rules + every learned detector'] = `${median(withLearned).toFixed(1)} ms`;
  return figures;
}

if (require.main === module) {
  const figures = benchLearned();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log(`whys learned-detector bench (median of runs; Node ${process.version})\n`);
  for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(width)}   ${value}`);
}
