/**
 * `npm run bench` (issue 12): what the extension host's thread does for a large analysis once
 * its check is off the thread. The largest analysis under the 4 M-character limit is checked in
 * the background worker (dist/checkWorker.js) with its model, as the editor does; then each
 * feature's work on the host is timed as one synchronous slice, as the providers run it on the
 * worker's result. Printed, not asserted; the goal is no slice over 50 ms.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { allSteps, checkText, countTreeNodes, judgeAnalysis, judgeRequests, MemoryJudgeCache, mergeJudgeVerdicts, fixesFor, foldingBlocksInSlices, foldingBlocksOf, keyAt, LineIndex, outlineInSlices, outlineOf, positionAt, rootSummaries, scopeAt, treeDiagram, verdictAt, type CheckResult, type FoldingBlock, type OutlineEntry } from '../../src/core';
import { MAX_NESTING_DEPTH, MAX_TEXT_LENGTH } from '../../src/core/limits';
import { BackgroundChecker } from '../../src/extension/background';
import { inSlices, yieldEvery } from '../../src/extension/slices';
import { longestBlock, longestBlockAndPause } from './blocks';
import { generateAnalysis } from './generate';
import { deepNesting, singleChain, singleChainWritten } from './hugeRoot';

const rows: string[][] = [];
const GOAL = 50;
const row = (what: string, ms: number, note = '') => rows.push([what, `${ms.toFixed(1)} ms`, note, ms <= GOAL ? `under ${GOAL} ms` : `OVER ${GOAL} ms`]);

/**
 * The time of one synchronous call, the host's thread blocked for all of it: the median of
 * `runs` after one warm-up run (the host has run the same code before), or one cold run.
 */
function slice<T>(work: () => T, runs = 5): { ms: number; value: T } {
  let value = work();
  if (runs <= 1) {
    const start = performance.now();
    value = work();
    return { ms: performance.now() - start, value };
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((x, y) => x - y)[runs >> 1], value };
}

/** The largest analysis of the bench's kind under the limit, with a blamed answer and a root without actions in its middle. */
function largestAnalysis(): string {
  const perThousand = generateAnalysis(1000).length;
  let steps = Math.floor(((MAX_TEXT_LENGTH / perThousand) * 1000) / 10) * 10 - 10;
  while (generateAnalysis(steps, 77).length > MAX_TEXT_LENGTH - 1000) steps -= 10;
  const text = generateAnalysis(steps, 77);
  const middle = text.indexOf('  - id: root-', text.length / 2);
  const blamed = text.indexOf('        because: ', middle);
  const end = text.indexOf('\n', blamed);
  const withBlame = `${text.slice(0, blamed)}        because: Human error by the on-call engineer.${text.slice(end)}`;
  // The next root loses its actions: a no-action finding, whose fix reads the YAML tree.
  const actions = withBlame.indexOf('    actions:\n', withBlame.indexOf('  - id: root-', blamed));
  const after = withBlame.indexOf('  - id: root-', actions);
  return withBlame.slice(0, actions) + withBlame.slice(after);
}

async function main(): Promise<void> {
  // `--huge-root`: only the files of one huge root (quicker while working on them).
  if (!process.argv.includes('--huge-root')) await largest();
  for (const [name, huge] of [
    ['one root, one chain of the most steps under the limit', singleChain()],
    [`one root nested ${MAX_NESTING_DEPTH} deep (the deepest whys reads), the most steps under the limit`, deepNesting()],
    ['one root, one chain of 50,000 steps with a comment after each answer', singleChain(50_000).replace(/(\n +because: [^\n]*)/g, '$1\n        # a note')],
    ['one root, one chain of the most steps under the limit, each `-` alone on its line', singleChainWritten('dash-alone')],
    ['one root, one chain of the most steps under the limit, written as a flow sequence (read in runs of its items)', singleChainWritten('flow')],
  ] as const) {
    await hugeRoot(name, huge);
  }
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i])).join('   ').trimEnd());
}

/** The largest analysis of many roots: the check in the worker and each feature's slices on the host. */
async function largest(): Promise<void> {
  const text = largestAnalysis();
  const background = new BackgroundChecker(join(__dirname, '..', '..', '..', 'dist', 'checkWorker.js'));
  // The worker starts and compiles the core once, as it does on the first large file.
  await background.analyse('warm', generateAnalysis(50, 5), {}, []);
  let answered: Awaited<ReturnType<BackgroundChecker['analyse']>> | undefined;
  const start = performance.now();
  const block = await longestBlockAndPause(async () => {
    answered = await background.analyse('largest', text, {}, []);
  });
  const total = performance.now() - start;
  background.dispose();
  const result: CheckResult = { parsed: { ...answered!.parsed!, text }, findings: answered!.findings };
  const steps = result.parsed.analysis.roots.reduce((n, r) => n + r.chain.steps.length, 0);
  console.log(`whys bench: the host's thread on the largest analysis (${(text.length / 1e6).toFixed(2)} M chars, ${steps.toLocaleString('en')} steps, ${result.findings.length} findings; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
  blockRow('check with its model in the worker, longest block of the host', block, `whole check ${(total / 1000).toFixed(1)} s; the model pulled in ${answered!.batches} batches`);

  // What one message holding the whole model would cost the host to read (v8's deserializer, as a worker message is read).
  const { text: _text, ...model } = result.parsed;
  const bytes = serialize({ model, findings: result.findings });
  row('(not done) the whole model read in one message', slice(() => deserialize(bytes), 1).ms, `${(bytes.length / 1e6).toFixed(1)} MB serialised`);

  const blame = result.findings.find((f) => f.rule === 'blame');
  const noAction = result.findings.find((f) => f.rule === 'no-action');
  if (!blame || !noAction) throw new Error(`the bench's analysis lacks its findings: ${result.findings.map((f) => f.rule).join(', ')}`);
  const lines = new LineIndex(text);

  row('hover on an answer: verdictAt', slice(() => verdictAt(result, blame.span.start + 3)).ms);
  const toPositions = (e: OutlineEntry): unknown => [lines.position(e.span.start), lines.position(e.span.end), lines.position(e.selection.start), e.children.map(toPositions)];
  const outline = await outlineBlocks(result, lines);
  blockRow('outline: longest block building it (outlineInSlices, slices of 10 ms)', outline.build);
  blockRow('outline: longest block making its symbols (positions, slices of 10 ms)', outline.symbols, 'then VS Code converts every symbol (not measured here)');
  row('(not done) outline: all of it in one slice', slice(() => outlineOf(result.parsed.analysis).map(toPositions), 1).ms);
  row('CodeLens: rootSummaries and positions', slice(() => rootSummaries(result.parsed.analysis.roots, result.findings).map((s) => lines.position(s.root.headSpan.start))).ms);
  const count = slice(() => countTreeNodes(result.parsed.analysis));
  row('preview: countTreeNodes (over whys.preview.maxNodes: no tree drawn)', count.ms, `${count.value.toLocaleString('en')} nodes`);
  const drawable = checkText(generateAnalysis(450, 78));
  row('preview: treeDiagram of the largest drawable tree (450 steps)', slice(() => treeDiagram(drawable.parsed.analysis, drawable.findings)).ms);
  row('quick fixes of a blame finding: fixesFor', slice(() => fixesFor(result.parsed, blame)).ms);
  row('quick fixes of a no-action finding: fixesFor (reads its root\'s YAML)', slice(() => fixesFor(result.parsed, noAction)).ms);
  const keyOffset = text.lastIndexOf('because:', blame.span.start) + 2;
  row('key hover: keyAt in the part at the cursor (scopeAt)', slice(() => keyAt(text, keyOffset, scopeAt(result.parsed, keyOffset))).ms);
  row('(not done) key hover: keyAt over the whole text', slice(() => keyAt(text, keyOffset), 1).ms);
  // The host has read some YAML this way before (a warm-up on a smaller file).
  const warm = checkText(generateAnalysis(500, 79)).parsed;
  const warmLines = new LineIndex(warm.text);
  for (const _ of foldingBlocksInSlices(warm, (offset) => warmLines.position(offset).line, 1));
  const folding = await foldingBlocks(result, lines);
  blockRow('folding: longest block reading it (foldingBlocksInSlices, a root or a run of steps at a time, slices of 10 ms)', folding.read, `${folding.count.toLocaleString('en')} blocks`);
  row('folding: the blocks as folding ranges (one slice)', folding.ranges);
  row('(not done) folding: foldingBlocksOf over the whole text', slice(() => foldingBlocksOf(text, result.parsed.comments), 1).ms);
  row('completion: positionAt in the part at the cursor (scopeAt)', slice(() => positionAt(text, keyOffset, scopeAt(result.parsed, keyOffset))).ms);

  // With the model review on: placing the cached verdicts (none here) on the file after each edit,
  // and merging them into the findings (src/extension/judge/modelReview.ts runs both on the host).
  const placing = await longestBlock(() => judgeAnalysis(result.parsed, { model: 'bench', cache: new MemoryJudgeCache(), between: yieldEvery() }));
  row('model review on: placing cached verdicts (judgeAnalysis, cache only, yielding every 10 ms as the extension does), longest block', placing, 'only with whys.judge.enabled');
  const placingAtOnce = await longestBlock(() => judgeAnalysis(result.parsed, { model: 'bench', cache: new MemoryJudgeCache() }));
  rows.push(['  the same without yielding (one block, for comparison)', `${placingAtOnce.toFixed(1)} ms`, '', '']);
  row('model review on: merging verdicts into the findings (mergeJudgeVerdicts)', slice(() => mergeJudgeVerdicts(result.parsed, result.findings, [], { model: 'bench' })).ms);

}

/** Outline entries built, or symbols made, between looks at the clock: as src/extension/language/symbols.ts does. */
const ENTRIES_PER_STEP = 200;

/**
 * The outline as the provider builds it on a large file: `outlineInSlices` then the symbols
 * (here their positions: `vscode.DocumentSymbol` needs the editor), each in slices of 10 ms;
 * the longest block of each.
 */
async function outlineBlocks(result: CheckResult, lines: LineIndex): Promise<{ build: Measured; symbols: Measured }> {
  let entries: OutlineEntry[] = [];
  const build = await longestBlockAndPause(async () => {
    entries = (await inSlices(outlineInSlices(result.parsed.analysis, ENTRIES_PER_STEP)))!;
  });
  const symbols = await longestBlockAndPause(() =>
    inSlices(
      (function* (): Generator<void, unknown[], void> {
        let made = 0;
        const convert = function* (entry: OutlineEntry): Generator<void, unknown, void> {
          const symbol = { name: entry.name, range: [lines.position(entry.span.start), lines.position(entry.span.end)], selection: [lines.position(entry.selection.start), lines.position(entry.selection.end)], children: [] as unknown[] };
          for (const child of entry.children) symbol.children.push(yield* convert(child));
          if (++made % ENTRIES_PER_STEP === 0) yield;
          return symbol;
        };
        const out: unknown[] = [];
        for (const entry of entries) out.push(yield* convert(entry));
        return out;
      })(),
    ),
  );
  return { build, symbols };
}

/** Folding as the provider reads it on a large file (src/extension/language/folding.ts): the longest block of the reading, and of making the ranges. */
async function foldingBlocks(result: CheckResult, lines: LineIndex): Promise<{ read: Measured; ranges: number; count: number }> {
  let blocks: FoldingBlock[] = [];
  const read = await longestBlockAndPause(async () => {
    blocks = (await inSlices(foldingBlocksInSlices(result.parsed, (offset) => lines.position(offset).line, 1)))!;
  });
  const ranges = slice(() => blocks.map((b) => ({ start: b.startLine, end: b.endLine, kind: b.kind })), 1).ms;
  return { read, ranges, count: blocks.length };
}

/**
 * The run with the median longest block of `runs` (a longest block varies from run to run with
 * garbage collection and the machine's load), with the longest collector's pause in that run.
 */
type Measured = { block: number; gc: number; gcKind?: string };

async function median(runs: number, measure: () => Promise<Measured>): Promise<Measured> {
  const values: Measured[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return values.sort((x, y) => x.block - y.block)[runs >> 1];
}

/** A row of a longest block, noting the longest garbage-collection pause in the same run. */
function blockRow(what: string, measured: Measured, note = ''): void {
  row(what, measured.block, [note, `longest GC pause ${measured.gc.toFixed(0)} ms${measured.gcKind ? ` (${measured.gcKind})` : ''}`].filter(Boolean).join('; '));
}

/**
 * The longest block of each thing the host does for a file of one huge root (issue 12: a root is
 * split too), each the median of three runs.
 */
async function hugeRoot(name: string, text: string): Promise<void> {
  const background = new BackgroundChecker(join(__dirname, '..', '..', '..', 'dist', 'checkWorker.js'));
  await background.analyse('warm', generateAnalysis(50, 5), {}, []);
  let answered: Awaited<ReturnType<BackgroundChecker['analyse']>> | undefined;
  // Each run a new document key: the worker checks it cold, and answers the whole model again.
  let run = 0;
  const block = await median(3, () =>
    longestBlockAndPause(async () => {
      answered = await background.analyse(`huge ${run++}`, text, {}, []);
    }),
  );
  background.dispose();
  const result: CheckResult = { parsed: { ...answered!.parsed!, text }, findings: answered!.findings };
  const steps = allSteps(result.parsed.analysis).length;
  rows.push(['', '', '', '']);
  rows.push([`${name}: ${(text.length / 1e6).toFixed(2)} M chars, ${steps.toLocaleString('en')} steps, ${result.findings.length} findings; longest blocks, median of 3 runs; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`, '', '', '']);
  blockRow('  check with its model in the worker (batches of nodes), longest block of the host', block, `${answered!.batches} messages`);
  const lines = new LineIndex(text);
  blockRow('  outline: longest block building it (outlineInSlices)', await median(3, async () => (await outlineBlocks(result, lines)).build));
  blockRow('  outline: longest block making its symbols', await median(3, async () => (await outlineBlocks(result, lines)).symbols));
  let foldingCount = 0;
  let ranges = 0;
  const read = await median(3, async () => {
    const folding = await foldingBlocks(result, lines);
    foldingCount = folding.count;
    ranges = Math.max(ranges, folding.ranges);
    return folding.read;
  });
  blockRow('  folding: longest block reading it (foldingBlocksInSlices)', read, `${foldingCount.toLocaleString('en')} blocks`);
  row('  folding: the blocks as folding ranges (one slice, the longest of 3)', ranges);
  row('  CodeLens: rootSummaries', slice(() => rootSummaries(result.parsed.analysis.roots, result.findings).map((s) => lines.position(s.root.headSpan.start))).ms);
  row('  preview: countTreeNodes', slice(() => countTreeNodes(result.parsed.analysis)).ms);
  const blame = result.findings.find((f) => f.rule === 'blame');
  if (!blame) throw new Error(`no blame finding in ${name}`);
  row('  hover on an answer: verdictAt', slice(() => verdictAt(result, blame.span.start + 3)).ms);
  row('  quick fixes of a blame finding: fixesFor', slice(() => fixesFor(result.parsed, blame)).ms);
  let slowest = { ms: 0, rule: '' };
  for (const rule of new Set(result.findings.map((f) => f.rule))) {
    const { ms } = slice(() => fixesFor(result.parsed, result.findings.find((f) => f.rule === rule)!), 3);
    if (ms > slowest.ms) slowest = { ms, rule };
  }
  row('  quick fixes: the slowest fixesFor of one finding of each rule', slowest.ms, slowest.rule);
  const keyOffset = text.lastIndexOf('because:', blame.span.start) + 2;
  row('  key hover: keyAt in the part at the cursor (scopeAt)', slice(() => keyAt(text, keyOffset, scopeAt(result.parsed, keyOffset))).ms);
  row('  completion: positionAt in the part at the cursor (scopeAt)', slice(() => positionAt(text, keyOffset, scopeAt(result.parsed, keyOffset))).ms);
  // On the root's own lines, before and after its steps: its lines on both sides are read, its list left out.
  const head = text.indexOf('question:') + 2;
  const tail = text.lastIndexOf('actions:') + 2;
  row('  completion on the root\'s own line before its steps (its keys after them known too)', slice(() => positionAt(text, head, scopeAt(result.parsed, head))).ms);
  row('  completion on the root\'s own line after its steps (its keys before them known too)', slice(() => positionAt(text, tail, scopeAt(result.parsed, tail))).ms);
  // The first reading after a check finds a flow sequence's runs of items (then kept with the model): a fresh copy of the model, timed once.
  const fresh = structuredClone(result.parsed);
  const firstStart = performance.now();
  positionAt(text, head, scopeAt(fresh, head));
  row('  completion on the root\'s own line, the first after a check (one cold call)', performance.now() - firstStart);
  // A root over maxStepsPerRequest goes in parts of at most 80 steps, each made (and its steps' cache keys hashed) as it is taken.
  const placingParts = await median(3, () => longestBlockAndPause(() => judgeAnalysis(result.parsed, { model: 'bench', cache: new MemoryJudgeCache(), between: yieldEvery() })));
  let requests = 0;
  for (const request of judgeRequests(result.parsed)) requests += request.steps.length > 0 ? 1 : 0;
  blockRow('  model review on: placing cached verdicts (judgeAnalysis, cache only, yielding every 10 ms)', placingParts, `only with whys.judge.enabled; ${requests.toLocaleString('en')} requests of at most 80 steps`);
}

void main();
