/**
 * `npm run eval`: the reasoning rules against the labelled corpus (test/corpus/*.whys.yaml, or
 * the folders or files given as arguments).
 *
 * Labels are trailing comments `# expect: RULE[, RULE]` on the line of the flagged `why:`,
 * `because:` or `- cause:` scalar; a step with no label is clean. Prints per-rule precision and
 * recall, the false-alarm rate on clean steps, and every miss and false alarm. Exits 1 when a
 * rule's recall is below 0.85 or the false-alarm rate is above 0.05 (the bars of issue 4).
 *
 * `--learned=MODE` (default, all, off) chooses the learned detectors that join the rules, as
 * `whys.learned` does; the report also shows, per rule, what the rules alone, every learned
 * detector alone and both find. `--compare [FOLDERS]` prints that table for the corpus and each
 * held-out set (or the folders given).
 *
 * `--held-out [FOLDERS]` scores held-out sets (every test/heldout/set-* when none is given): their
 * recall is printed, not gated, and each set on its own fails the run when more than 0.05 of its
 * clean steps get a reasoning finding (a per-set line says which).
 *
 * `--baseline` gates on test/eval/baseline.json instead: each rule's recall may not fall below
 * the figure recorded there (a ratchet, raised as the rules improve), and false alarms stay at
 * most 0.05. `npm test` uses it, so a regression fails the build while the issue's bars, which
 * some rules do not meet yet, are still printed and still fail `npm run eval`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkText, isLearnedMode, learnedFindings, LineIndex, loadLearned, REASONING_RULES, type Finding, type LearnedMode, type LearnedModels, type LearnedWeightsFile, type RuleCode } from '../../src/core';
import { analysisFiles, labelledScalars } from './labels';
import { judgeEval } from './judge';

const MIN_RECALL = 0.85;
const MAX_FALSE_ALARMS = 0.05;
const RULES: RuleCode[] = REASONING_RULES.map((r) => r.code);
const REASONING = new Set<string>(RULES);

/** One labelled scalar: a why, a because text or a cause, with what each tier found on it. */
interface Unit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly stepKey: string;
  readonly expected: Set<RuleCode>;
  /** What the check reports (the rules, and the learned detectors of the chosen mode). */
  readonly found: Map<RuleCode, Finding>;
  /** The hand-written rules alone. */
  readonly byRules: Set<RuleCode>;
  /** Every learned detector alone (all of them, whatever their switch). */
  readonly byLearned: Set<RuleCode>;
}

const root = resolve(__dirname, '..', '..', '..');

/** The recorded per-rule recall that `--baseline` holds the rules to. */
function baseline(): Record<string, number> {
  const file = join(root, 'test', 'eval', 'baseline.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { minRecall: Record<string, number> }).minRecall;
}

/** The learned detectors' asset as the build writes it (dist/learned/), or from the committed weights. */
function learnedModels(): LearnedModels {
  const dir = join(root, 'src', 'core', 'learned', 'weights');
  const settings = JSON.parse(readFileSync(join(dir, 'thresholds.json'), 'utf8')) as LearnedWeightsFile['settings'];
  const weights = Object.keys(settings).map((name) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
  return loadLearned(readFileSync(join(dir, 'word-vectors.bin')), { weights, settings });
}

function evaluate(files: readonly string[], models: LearnedModels, mode: LearnedMode) {
  const units: Unit[] = [];
  const problems: string[] = [];
  const stray: string[] = [];
  const cwd = process.cwd();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(cwd, file);
    const { parsed, findings } = checkText(text, { learned: models, learnedMode: mode });
    if (!parsed.wellFormed) problems.push(`${name}: does not parse`);
    const index = new LineIndex(text);
    const byStart = new Map<number, Unit>();
    for (const s of labelledScalars(parsed, name, problems)) {
      const unit: Unit = { file: name, line: s.line, text: s.text, stepKey: s.stepKey, expected: s.expected, found: new Map(), byRules: new Set(), byLearned: new Set() };
      units.push(unit);
      byStart.set(s.start, unit);
    }
    for (const finding of findings) {
      if (!REASONING.has(finding.rule)) continue;
      const unit = byStart.get(finding.span.start);
      if (unit) {
        unit.found.set(finding.rule, finding);
        if (finding.tier !== 'learned') unit.byRules.add(finding.rule);
      } else stray.push(`${name}:${index.position(finding.span.start).line + 1}: ${finding.rule} on no why/because/cause scalar`);
    }
    if (parsed.wellFormed) for (const f of learnedFindings(parsed.analysis, models, 'all')) byStart.get(f.span.start)?.byLearned.add(f.rule);
  }
  return { units, problems, stray };
}

/** Per rule: faults found by the rules alone, the detectors alone, and both (rules or detector); and clean steps each flags. */
function tierTable(units: readonly Unit[]): string[] {
  const steps = new Map<string, Unit[]>();
  for (const u of units) steps.set(u.stepKey, [...(steps.get(u.stepKey) ?? []), u]);
  const clean = [...steps.values()].filter((us) => us.every((u) => u.expected.size === 0));
  const tiers: [string, (u: Unit, r: RuleCode) => boolean][] = [
    ['rules', (u, r) => u.byRules.has(r)],
    ['detectors', (u, r) => u.byLearned.has(r)],
    ['both', (u, r) => u.byRules.has(r) || u.byLearned.has(r)],
  ];
  const out = ['rule                labelled   rules found (FP)   detectors found (FP)   both found (FP)'];
  for (const rule of RULES) {
    const labelled = units.filter((u) => u.expected.has(rule)).length;
    const cells = tiers.map(([, has]) => {
      const found = units.filter((u) => has(u, rule));
      const tp = found.filter((u) => u.expected.has(rule)).length;
      return `${tp} (${found.length - tp})`;
    });
    out.push(`${rule.padEnd(20)}${String(labelled).padStart(8)}   ${cells[0].padEnd(19)}${cells[1].padEnd(23)}${cells[2]}`);
  }
  const flagged = tiers.map(([, has]) => clean.filter((us) => us.some((u) => RULES.some((r) => has(u, r)))).length);
  out.push(`clean steps flagged of ${clean.length}: rules ${flagged[0]}, detectors ${flagged[1]}, both ${flagged[2]}`);
  return out;
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : (n / d).toFixed(2).padStart(5);
}

function main(): number {
  const args = process.argv.slice(2);
  const useBaseline = args.includes('--baseline');
  const modeArg = args.find((a) => a.startsWith('--learned='))?.slice('--learned='.length) ?? 'default';
  if (!isLearnedMode(modeArg)) {
    console.error(`eval: unknown --learned=${modeArg} (default, all or off)`);
    return 1;
  }
  const compare = args.includes('--compare');
  // A held-out set is measured, never tuned on: only its false alarms are gated.
  const heldOut = args.includes('--held-out');
  const targets = args.filter((a) => !a.startsWith('--'));
  const models = learnedModels();
  if (compare) return compareTiers(targets.length ? targets : [join(root, 'test', 'corpus'), ...heldOutSets()], models);
  // `--held-out` with no folders scores every test/heldout/set-*; each folder is gated on its own.
  const sets = heldOut ? (targets.length > 0 ? targets.map((a) => resolve(a)) : heldOutSets()) : [];
  const files = analysisFiles(heldOut ? sets : targets.length > 0 ? targets.map((a) => resolve(a)) : [join(root, 'test', 'corpus')]);
  const floor = useBaseline ? baseline() : undefined;
  if (files.length === 0) {
    console.error('eval: no *.whys.yaml files found');
    return 1;
  }
  const started = performance.now();
  const { units, problems, stray } = evaluate(files, models, modeArg);
  const ms = performance.now() - started;
  const steps = new Map<string, Unit[]>();
  for (const u of units) steps.set(u.stepKey, [...(steps.get(u.stepKey) ?? []), u]);
  const cleanSteps = [...steps.values()].filter((us) => us.every((u) => u.expected.size === 0));
  const falseAlarmSteps = cleanSteps.filter((us) => us.some((u) => u.found.size > 0));
  const cleanUnits = units.filter((u) => u.expected.size === 0);
  const falseAlarmUnits = cleanUnits.filter((u) => u.found.size > 0);

  console.log(`whys eval: ${files.length} files, ${steps.size} steps (${cleanSteps.length} clean), ${units.length} scalars judged, learned detectors: ${modeArg}, ${ms.toFixed(0)} ms\n`);
  console.log('rule              labelled  found   TP   FP   FN  precision  recall');
  let failed = false;
  const failures: string[] = [];
  const belowIssueBar: string[] = [];
  for (const rule of RULES) {
    const labelled = units.filter((u) => u.expected.has(rule)).length;
    const found = units.filter((u) => u.found.has(rule)).length;
    const tp = units.filter((u) => u.expected.has(rule) && u.found.has(rule)).length;
    const fp = found - tp;
    const fn = labelled - tp;
    console.log(`${rule.padEnd(18)}${String(labelled).padStart(8)}${String(found).padStart(7)}${String(tp).padStart(5)}${String(fp).padStart(5)}${String(fn).padStart(5)}${pct(tp, found).padStart(11)}${pct(tp, labelled).padStart(8)}`);
    const recall = labelled === 0 ? 0 : tp / labelled;
    // (A held-out set's recall is not gated, so neither is a rule it has no case of.)
    if (labelled === 0 && !heldOut) failures.push(`${rule}: no labelled case in the corpus`);
    else if (recall < MIN_RECALL) belowIssueBar.push(`${rule}: recall ${recall.toFixed(2)} < ${MIN_RECALL}`);
    if (heldOut) {
      // Recall is reported above; the gate is the false-alarm rate below.
    } else if (labelled > 0 && floor) {
      const min = floor[rule];
      if (min === undefined) failures.push(`${rule}: no recall recorded in test/eval/baseline.json`);
      else if (recall + 1e-9 < min) failures.push(`${rule}: recall ${recall.toFixed(2)} fell below its baseline ${min.toFixed(2)}`);
    } else if (labelled > 0 && recall < MIN_RECALL) failures.push(`${rule}: recall ${recall.toFixed(2)} < ${MIN_RECALL}`);
  }
  const allLabels = units.reduce((n, u) => n + u.expected.size, 0);
  const allTp = units.reduce((n, u) => n + [...u.expected].filter((r) => u.found.has(r)).length, 0);
  const allFound = units.reduce((n, u) => n + u.found.size, 0);
  console.log(`${'all'.padEnd(18)}${String(allLabels).padStart(8)}${String(allFound).padStart(7)}${String(allTp).padStart(5)}${String(allFound - allTp).padStart(5)}${String(allLabels - allTp).padStart(5)}${pct(allTp, allFound).padStart(11)}${pct(allTp, allLabels).padStart(8)}`);
  const rate = cleanSteps.length ? falseAlarmSteps.length / cleanSteps.length : 0;
  console.log(`\nfalse alarms on clean steps: ${falseAlarmSteps.length} of ${cleanSteps.length} = ${rate.toFixed(3)} (bar ${MAX_FALSE_ALARMS})`);
  console.log(`false alarms on clean scalars: ${falseAlarmUnits.length} of ${cleanUnits.length} = ${(cleanUnits.length ? falseAlarmUnits.length / cleanUnits.length : 0).toFixed(3)}`);
  if (rate > MAX_FALSE_ALARMS) failures.push(`false-alarm rate ${rate.toFixed(3)} > ${MAX_FALSE_ALARMS}`);
  if (heldOut) {
    // Per set: a set over the bar fails even when the others pull the total under it.
    console.log('\nper held-out set (each gated on its own):');
    for (const set of sets) {
      const line = perSet(set, units);
      console.log(`  ${line.text}`);
      if (line.rate > MAX_FALSE_ALARMS) failures.push(`${line.name}: false-alarm rate ${line.rate.toFixed(3)} > ${MAX_FALSE_ALARMS}`);
    }
  }

  console.log('\nby tier (detectors: every learned detector, whatever its switch):');
  for (const line of tierTable(units)) console.log(`  ${line}`);

  const misses = units.flatMap((u) => [...u.expected].filter((r) => !u.found.has(r)).map((r) => `  ${u.file}:${u.line}  ${r}  “${u.text}”${u.found.size ? `  (found instead: ${[...u.found.keys()].join(', ')})` : ''}`));
  const alarms = units.flatMap((u) => [...u.found].filter(([r]) => !u.expected.has(r)).map(([r, f]) => `  ${u.file}:${u.line}  ${r}${u.expected.size ? ` (labelled ${[...u.expected].join(', ')})` : ''}  “${u.text}”\n      ${f.message}`));
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log(m);
  console.log(`\nfalse alarms (${alarms.length}):`);
  for (const a of alarms) console.log(a);
  if (stray.length || problems.length) {
    console.log('\ncorpus problems:');
    for (const p of [...problems, ...stray]) console.log(`  ${p}`);
  }
  if (floor || heldOut) {
    console.log(
      belowIssueBar.length
        ? `\nbelow the issue's bar (recall >= ${MIN_RECALL}): ${belowIssueBar.join('; ')}`
        : `\nevery rule meets the issue's bar (recall >= ${MIN_RECALL})`,
    );
  }
  if (failures.length) {
    failed = true;
    console.log(`\nFAIL: ${failures.join('; ')}`);
  } else if (heldOut) console.log(`\nPASS (held-out): false alarms <= ${MAX_FALSE_ALARMS}`);
  else if (floor) console.log(`\nPASS (baseline): no rule's recall below test/eval/baseline.json, false alarms <= ${MAX_FALSE_ALARMS}`);
  else console.log(`\nPASS: every rule's recall >= ${MIN_RECALL}, false alarms <= ${MAX_FALSE_ALARMS}`);
  return failed ? 1 : 0;
}

/** One held-out set's figures: recall, precision and clean steps flagged, as a line of the report. */
function perSet(folder: string, all: readonly Unit[]): { name: string; rate: number; text: string } {
  const cwd = process.cwd();
  const name = relative(cwd, folder) || folder;
  const inside = (file: string): boolean => {
    const rel = relative(folder, resolve(cwd, file));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const units = all.filter((u) => inside(u.file));
  const steps = new Map<string, Unit[]>();
  for (const u of units) steps.set(u.stepKey, [...(steps.get(u.stepKey) ?? []), u]);
  const clean = [...steps.values()].filter((us) => us.every((u) => u.expected.size === 0));
  const flagged = clean.filter((us) => us.some((u) => u.found.size > 0)).length;
  const labels = units.reduce((n, u) => n + u.expected.size, 0);
  const tp = units.reduce((n, u) => n + [...u.expected].filter((r) => u.found.has(r)).length, 0);
  const found = units.reduce((n, u) => n + u.found.size, 0);
  const rate = clean.length ? flagged / clean.length : 0;
  const verdict = rate > MAX_FALSE_ALARMS ? 'FAIL' : 'ok';
  return {
    name,
    rate,
    text: `${name.padEnd(18)} recall ${pct(tp, labels).trim()}  precision ${pct(tp, found).trim()}  clean steps flagged ${flagged} of ${clean.length} = ${rate.toFixed(3)}  ${verdict}`,
  };
}

/** Every held-out set folder, in number order. */
function heldOutSets(): string[] {
  const dir = join(root, 'test', 'heldout');
  return readdirSync(dir)
    .filter((n) => /^set-\d+$/.test(n))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    .map((n) => join(dir, n));
}

/** `--compare`: the rules alone, the learned detectors alone and both, per rule, for each folder. */
function compareTiers(folders: readonly string[], models: LearnedModels): number {
  console.log('whys eval --compare: faults found (false alarms) per rule; rules alone | every learned detector alone | both\n');
  for (const folder of folders) {
    const { units } = evaluate(analysisFiles([resolve(folder)]), models, 'all');
    console.log(relative(process.cwd(), resolve(folder)) || '.');
    for (const line of tierTable(units)) console.log(`  ${line}`);
    console.log('');
  }
  return 0;
}

// `--judge`: rules alone, the model review alone, and both (test/eval/judge.ts).
if (process.argv.includes('--judge')) void judgeEval(process.argv.slice(2).filter((a) => a !== '--judge')).then((code) => (process.exitCode = code));
else process.exitCode = main();
