/**
 * `npm run train`: re-trains the learned detectors and writes their weights and thresholds to
 * src/core/learned/weights/ (see train.ts). The `on` switch of each detector in thresholds.json
 * is data decided by people, and is kept as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainAll, WEIGHTS_DIR } from './train';
import { trainSemanticMain } from './semantic';

function main(): void {
  const started = performance.now();
  const thresholdsFile = join(WEIGHTS_DIR, 'thresholds.json');
  const previous = existsSync(thresholdsFile) ? (JSON.parse(readFileSync(thresholdsFile, 'utf8')) as Record<string, { on?: boolean }>) : {};
  const files = trainAll(previous);
  for (const [name, text] of files) {
    const path = join(WEIGHTS_DIR, name);
    const changed = !existsSync(path) || readFileSync(path, 'utf8') !== text;
    writeFileSync(path, text);
    console.log(`${changed ? 'wrote    ' : 'unchanged'} ${path}`);
  }
  const settings = JSON.parse(files.get('thresholds.json')!) as Record<string, { threshold: number; on: boolean; cleanFlagged: number; cleanSteps: number; faultsFound: number; faults: number }>;
  console.log('\ndetector      threshold  on     clean steps flagged  faults found (threshold sets)');
  for (const [name, s] of Object.entries(settings)) {
    console.log(`${name.padEnd(14)}${String(s.threshold).padEnd(11)}${String(s.on).padEnd(7)}${`${s.cleanFlagged} of ${s.cleanSteps}`.padEnd(21)}${s.faultsFound} of ${s.faults}`);
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
// The semantic detector (issue 14): its embeddings come from the shipped sentence model.
trainSemanticMain().catch((error) => {
  console.error(error);
  process.exit(1);
});
