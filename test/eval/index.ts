/**
 * `npm run eval`: the reasoning rules against the labelled corpus (test/corpus/*.whys.yaml, or
 * the folders or files given as arguments).
 *
 * Labels are trailing comments `# expect: RULE[, RULE]` on the line of the flagged `why:`,
 * `because:` or `- cause:` scalar; a step with no label is clean. Prints per-rule precision and
 * recall, the false-alarm rate on clean steps, and every miss and false alarm. Exits 1 when a
 * rule's recall is below 0.85 or the false-alarm rate is above 0.05 (the bars of issue 4).
 *
 * `--baseline` gates on test/eval/baseline.json instead: each rule's recall may not fall below
 * the figure recorded there (a ratchet, raised as the rules improve), and false alarms stay at
 * most 0.05. `npm test` uses it, so a regression fails the build while the issue's bars, which
 * some rules do not meet yet, are still printed and still fail `npm run eval`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { allSteps, checkText, isRuleCode, LineIndex, REASONING_RULES, type Finding, type RuleCode, type TextValue } from '../../src/core';
import { judgeEval } from './judge';

const MIN_RECALL = 0.85;
const MAX_FALSE_ALARMS = 0.05;
const RULES: RuleCode[] = REASONING_RULES.map((r) => r.code);
const REASONING = new Set<string>(RULES);

/** One labelled scalar: a why, a because text or a cause. */
interface Unit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly stepKey: string;
  readonly expected: Set<RuleCode>;
  readonly found: Map<RuleCode, Finding>;
}

const root = resolve(__dirname, '..', '..', '..');

/** The recorded per-rule recall that `--baseline` holds the rules to. */
function baseline(): Record<string, number> {
  const file = join(root, 'test', 'eval', 'baseline.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { minRecall: Record<string, number> }).minRecall;
}

function corpusFiles(args: readonly string[]): string[] {
  const targets = args.length > 0 ? args.map((a) => resolve(a)) : [join(root, 'test', 'corpus')];
  const files: string[] = [];
  for (const target of targets) {
    if (statSync(target).isDirectory()) {
      for (const name of readdirSync(target).sort()) if (/\.whys\.ya?ml$/.test(name)) files.push(join(target, name));
    } else files.push(target);
  }
  return files;
}

/** The labels on the lines of a scalar, from its key line to its last line. */
function labelsOf(lines: readonly string[], first: number, last: number, where: string, problems: string[]): Set<RuleCode> {
  const out = new Set<RuleCode>();
  for (let line = first; line <= last; line++) {
    const m = /#\s*expect:\s*([^#]+)$/.exec(lines[line] ?? '');
    if (!m) continue;
    for (const raw of m[1].split(',')) {
      const rule = raw.trim();
      if (isRuleCode(rule) && REASONING.has(rule)) out.add(rule);
      else problems.push(`${where}:${line + 1}: unknown rule in label: "${rule}"`);
    }
  }
  return out;
}

function evaluate(files: readonly string[]) {
  const units: Unit[] = [];
  const problems: string[] = [];
  const stray: string[] = [];
  const cwd = process.cwd();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(cwd, file);
    const { parsed, findings } = checkText(text);
    if (!parsed.wellFormed) problems.push(`${name}: does not parse`);
    const index = new LineIndex(text);
    const lines = text.split(/\r?\n/);
    const byStart = new Map<number, Unit>();
    const add = (value: TextValue | undefined, stepKey: string): void => {
      if (!value) return;
      const first = index.position(value.keySpan?.start ?? value.span.start).line;
      const last = index.position(value.span.end).line;
      const unit: Unit = { file: name, line: first + 1, text: value.text, stepKey, expected: labelsOf(lines, first, last, name, problems), found: new Map() };
      units.push(unit);
      byStart.set(value.span.start, unit);
    };
    for (const step of allSteps(parsed.analysis)) {
      const key = `${name}#${step.path}`;
      add(step.why, key);
      add(step.because, key);
      for (const cause of step.causes ?? []) add(cause.cause, key);
    }
    for (const finding of findings) {
      if (!REASONING.has(finding.rule)) continue;
      const unit = byStart.get(finding.span.start);
      if (unit) unit.found.set(finding.rule, finding);
      else stray.push(`${name}:${index.position(finding.span.start).line + 1}: ${finding.rule} on no why/because/cause scalar`);
    }
    // Labels on lines that hold no scalar we judge.
    const labelled = new Set(units.filter((u) => u.file === name).flatMap((u) => (u.expected.size ? [u.line] : [])));
    lines.forEach((l, i) => {
      if (/#\s*expect:/.test(l) && !labelled.has(i + 1)) problems.push(`${name}:${i + 1}: label on a line that is not a why, because or cause`);
    });
  }
  return { units, problems, stray };
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : (n / d).toFixed(2).padStart(5);
}

function main(): number {
  const args = process.argv.slice(2);
  const useBaseline = args.includes('--baseline');
  // A held-out set is measured, never tuned on: only its false alarms are gated.
  const heldOut = args.includes('--held-out');
  const files = corpusFiles(args.filter((a) => !a.startsWith('--')));
  const floor = useBaseline ? baseline() : undefined;
  if (files.length === 0) {
    console.error('eval: no *.whys.yaml files found');
    return 1;
  }
  const started = performance.now();
  const { units, problems, stray } = evaluate(files);
  const ms = performance.now() - started;
  const steps = new Map<string, Unit[]>();
  for (const u of units) steps.set(u.stepKey, [...(steps.get(u.stepKey) ?? []), u]);
  const cleanSteps = [...steps.values()].filter((us) => us.every((u) => u.expected.size === 0));
  const falseAlarmSteps = cleanSteps.filter((us) => us.some((u) => u.found.size > 0));
  const cleanUnits = units.filter((u) => u.expected.size === 0);
  const falseAlarmUnits = cleanUnits.filter((u) => u.found.size > 0);

  console.log(`whys eval: ${files.length} files, ${steps.size} steps (${cleanSteps.length} clean), ${units.length} scalars judged, ${ms.toFixed(0)} ms\n`);
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
    if (labelled === 0) failures.push(`${rule}: no labelled case in the corpus`);
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

// `--judge`: rules alone, the model review alone, and both (test/eval/judge.ts).
if (process.argv.includes('--judge')) void judgeEval(process.argv.slice(2).filter((a) => a !== '--judge')).then((code) => (process.exitCode = code));
else process.exitCode = main();
