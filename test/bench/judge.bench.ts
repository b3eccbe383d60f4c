/**
 * `npm run bench:judge`: what the model review costs the editor on each edit, with no model:
 * placing the cached verdicts on the new text (the core's cache-only `judgeAnalysis`: one
 * SHA-256 key per step) and merging them into the rules' findings, for a 50-step and a
 * 2,000-step analysis whose every step the cache knows. Figures are printed, not asserted.
 */
import { performance } from 'node:perf_hooks';
import { buildJudgeRequests, checkText, judgeAnalysis, judgeCacheKey, mergeJudgeVerdicts, MemoryJudgeCache } from '../../src/core';
import { generateAnalysis } from './generate';

const MODEL = 'bench/scripted/1';

async function measure(steps: number): Promise<void> {
  const text = generateAnalysis(steps);
  const check = checkText(text);
  // A cache that knows every step; every fifth step has one verdict.
  const cache = new MemoryJudgeCache();
  let n = 0;
  for (const request of buildJudgeRequests(check.parsed, { maxStepsPerRequest: Number.MAX_SAFE_INTEGER })) {
    for (const step of request.steps) {
      const verdicts = n++ % 5 === 0 ? [{ field: 'because' as const, rule: 'vague' as const, confidence: 0.9, explanation: 'Which limit, set where?' }] : [];
      cache.set(judgeCacheKey(step, MODEL), { model: MODEL, verdicts });
    }
  }
  const runs = steps > 500 ? 5 : 50;
  let place = 0;
  let merge = 0;
  let shown = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const outcome = await judgeAnalysis(check.parsed, { model: MODEL, cache });
    const t1 = performance.now();
    shown = mergeJudgeVerdicts(check.parsed, check.findings, outcome.verdicts, { model: 'Bench' }).filter((f) => f.judge).length;
    const t2 = performance.now();
    place += t1 - t0;
    merge += t2 - t1;
  }
  console.log(`judge  ${String(steps).padStart(5)} steps: place cached verdicts ${(place / runs).toFixed(2)} ms, merge ${(merge / runs).toFixed(2)} ms (${shown} model findings)`);
}

async function main(): Promise<void> {
  await measure(50);
  await measure(2000);
}

void main();
