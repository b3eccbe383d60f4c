/**
 * `npm run bench:reasoning`: what the reasoning rules cost, on realistic text. The corpus
 * analyses (test/corpus) are repeated into one file of about 2,000 steps, every text made
 * distinct, then:
 *   - a cold full check (no verdict cached) with and without the reasoning rules;
 *   - each reasoning rule alone on a parsed analysis;
 *   - a re-check after editing one step, against a bare `yaml.parseDocument` of the same text.
 * Figures are printed, not asserted. `benchReasoning()` returns them for other bench scripts.
 */
import { parseDocument } from 'yaml';
import { checkText, parseAnalysis, REASONING_RULES, STRUCTURAL_RULES } from '../../src/core';
import { corpusAnalysis } from './generate';


function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Runs the figures; returns them as label → value. */
export function benchReasoning(steps = 2000, runs = 7): Record<string, string> {
  const figures: Record<string, string> = {};
  const texts = Array.from({ length: runs + 2 }, (_, i) => corpusAnalysis(steps, `r${i}`));
  const actual = allStepsOf(texts[0]);
  figures['steps in the file'] = String(actual);
  // Warm up the JIT on other text.
  checkText(corpusAnalysis(300, 'warm'));
  const structural = median(texts.slice(2).map((t) => timed(() => checkText(t, {}, STRUCTURAL_RULES))));
  const cold = median(texts.slice(2).map((t, i) => timed(() => checkText(t.replace(/\(r(\d+) /g, `(c${i} `)))));
  figures['full check, structural rules only'] = `${structural.toFixed(1)} ms`;
  figures['full check, all rules (cold verdict caches)'] = `${cold.toFixed(1)} ms (bar 500 ms: ${cold < 500 ? 'under' : 'OVER'})`;
  figures['reasoning share of a cold full check'] = `${(cold - structural).toFixed(1)} ms, ${(((cold - structural) / actual) * 1000).toFixed(1)} µs/step`;
  for (const rule of REASONING_RULES) {
    const t = median(texts.slice(2).map((text, i) => {
      const { analysis } = parseAnalysis(text.replace(/\(r(\d+) /g, `(${rule.code}${i} `));
      return timed(() => rule.check({ analysis, minDepth: 3 }));
    }));
    figures[`  ${rule.code} alone (cold)`] = `${t.toFixed(1)} ms`;
  }
  // One-step edit: check once, then change one answer and check again (as the editor does on a keystroke).
  const base = texts[0];
  checkText(base);
  const marker = base.indexOf('because:', Math.floor(base.length / 2));
  let edits = 0;
  const edited = (): string => base.slice(0, marker) + `because: An edited answer number ${edits++} that nobody wrote before.` + base.slice(base.indexOf('\n', marker));
  // Interleaved, so that a slow moment of a busy machine falls on all three alike.
  const all: number[] = [];
  const structuralOnly: number[] = [];
  const bareParse: number[] = [];
  for (let i = 0; i < 61; i++) {
    all.push(timed(() => checkText(edited())));
    structuralOnly.push(timed(() => checkText(edited(), {}, STRUCTURAL_RULES)));
    bareParse.push(timed(() => parseDocument(edited(), { prettyErrors: false })));
  }
  const recheck = median(all);
  const recheckStructural = median(structuralOnly);
  const bare = median(bareParse);
  figures['re-check after a one-step edit'] = `${recheck.toFixed(1)} ms`;
  figures['  of which structural rules and parsing'] = `${recheckStructural.toFixed(1)} ms (${(recheckStructural / bare).toFixed(2)}x the bare parse)`;
  figures['  of which reasoning rules (cached verdicts)'] = `${(recheck - recheckStructural).toFixed(1)} ms (${((recheck - recheckStructural) / bare).toFixed(2)}x the bare parse)`;
  figures['bare yaml.parseDocument of the same text'] = `${bare.toFixed(1)} ms (ratio ${(recheck / bare).toFixed(2)}x, bar 1.5x: ${recheck / bare <= 1.5 ? 'within' : 'OVER'})`;
  return figures;
}

function allStepsOf(text: string): number {
  return (text.match(/^\s*-?\s*why:/gm) ?? []).length;
}

if (require.main === module) {
  const figures = benchReasoning();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log(`whys reasoning bench (median of runs; Node ${process.version})\n`);
  for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(width)}   ${value}`);
}
