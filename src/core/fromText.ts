/**
 * Text to analysis: a 5-whys list as people paste it from a postmortem, a wiki page or an essay
 * becomes a `.whys.yaml` analysis. Pure: a string in, the YAML text out.
 *
 * Layouts read (one item per line; list markers `1.`, `1)`, `-`, `*`, `•` are dropped):
 * - a question and its answer on one line: `Why did the system crash? The interpreter …`;
 * - a question on one line, its answer on the next (`Because …` or not);
 * - `Q: …` / `A: …` (also `Question:` / `Answer:`, `Why 1:` / `Because:`);
 * - `Why? Because …`: the question is left out; it is asked about the previous answer.
 * Text before the first question that reads as a statement (or a `Problem:` line) becomes the
 * problem; a line that fits none of these stays in the file as a comment, never dropped. A run of
 * such lines between two lists starts a new root.
 */
import { stringify } from 'yaml';
import { toWhyQuestion } from './reasoning/rephrase';

/** What importing a text gives. */
export interface ImportedAnalysis {
  /** The analysis as `.whys.yaml` text. */
  readonly yaml: string;
  /** How many steps were read. */
  readonly steps: number;
  /** How many roots (lists separated by other text). */
  readonly roots: number;
  /** How many lines were kept as comments. */
  readonly comments: number;
}

/** Options for the import. */
export interface ImportOptions {
  /** The analysis's title; by default, taken from the problem. */
  readonly title?: string;
  /** Where the text came from, named in the first comment (a file name, "the clipboard"). */
  readonly source?: string;
}

type Entry =
  | { kind: 'step'; why: string; because: string }
  | { kind: 'question'; why: string }
  | { kind: 'comment'; text: string }
  | { kind: 'break' };

/** A list marker at the start of a line: `1.`, `1)`, `(1)`, `-`, `*`, `•`, `a)`, `Step 1:`. */
const MARKER = /^\s*(?:[-*+•·‣◦▪–—]|\(?\d{1,2}[.):]|\(?[a-z][.)]|step\s+\d+\s*[:.)-]|#{1,6})\s+/i;
/** A label that names the line as a question (`Q:`, `Question:`, `Why 1:`, `Why #2 -`). */
const QUESTION_LABEL = /^(?:q\d*|question\s*\d*|why\s*#?\d+)\s*[:.)–—-]\s*/i;
/** A label that names the line as an answer (`A:`, `Answer:`, `Because:`, `Cause:`). */
const ANSWER_LABEL = /^(?:(?:a|answer|cause|reason)\s*\d*\s*[:.)–—-]|because\s*[:–—-])\s*/i;
/** A label that names the line as the problem. */
const PROBLEM_LABEL = /^(?:problem(?:\s+statement)?|incident|issue|what happened|summary)\s*[:–—-]\s*/i;
/** Words a question starts with. */
const QUESTION_START = /^(?:why|how|what|when|where|who|which|was|were|did|does|do|is|are|could|can)\b/i;

/** Reads one line (its list marker already dropped) as a step, a question or an answer. */
function readLine(line: string): { why?: string; because?: string; problem?: string } | undefined {
  let s = line.trim();
  const problem = PROBLEM_LABEL.exec(s);
  if (problem) return { problem: s.slice(problem[0].length).trim() };
  const qLabel = QUESTION_LABEL.exec(s);
  if (qLabel) s = s.slice(qLabel[0].length).trim();
  // `Why? Because …`: the question is implicit.
  const bare = /^why\s*\?+\s*/i.exec(s);
  if (bare) return { why: '', because: s.slice(bare[0].length).trim() };
  const aLabel = !qLabel && ANSWER_LABEL.exec(s);
  if (aLabel && !/^because\s+\w/i.test(s)) return { because: s.slice(aLabel[0].length).trim() };
  if (/^because\b/i.test(s)) return { because: s };
  if (qLabel || /^why\b/i.test(s)) {
    const mark = s.indexOf('?');
    if (mark < 0) return qLabel ? { why: s } : undefined;
    const why = s.slice(0, mark + 1).trim();
    // An inline answer: `Why did X? Because Y.` or `Why did X? Y.` (also `→ Y`, `— Y`, `A: Y`).
    const rest = s.slice(mark + 1).trim().replace(/^(?:→|->|=>|[:–—-])\s*/, '').trim();
    const answer = rest.replace(ANSWER_LABEL, '');
    // A second question on the line (`Why was the query not optimized, and why …?`) is one question.
    if (answer && !QUESTION_START.test(answer)) return { why, because: answer };
    if (answer && /\?$/.test(answer)) return { why: `${why} ${answer}` };
    return answer ? { why, because: answer } : { why };
  }
  return undefined;
}

/** The entries of a text, in order. */
function entriesOf(lines: readonly string[]): { entries: Entry[]; problem?: string } {
  const entries: Entry[] = [];
  let problem: string | undefined;
  let open: { why: string } | undefined;
  let seenStep = false;
  let proseSinceStep = false;
  /** The line taken as the problem when no line was labelled so. */
  let proseProblem: string | undefined;
  const flushOpen = () => {
    if (open) entries.push({ kind: 'question', why: open.why });
    open = undefined;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    const content = line.replace(MARKER, '');
    const read = readLine(content);
    // An empty answer is no answer (`Why did X?` then nothing), an empty question no question.
    if (read?.because !== undefined && read.because.trim() === '') delete read.because;
    if (read?.why !== undefined && read.why.trim() === '' && read.because === undefined) delete read.why;
    // A labelled problem wins over a statement taken as the problem before it (kept as a comment).
    if (read?.problem !== undefined && (problem === undefined || proseProblem !== undefined) && !seenStep) {
      if (proseProblem !== undefined) entries.push({ kind: 'comment', text: proseProblem });
      proseProblem = undefined;
      problem = read.problem;
      continue;
    }
    if (read && (read.why !== undefined || read.because !== undefined)) {
      if (read.why !== undefined && read.because !== undefined) {
        flushOpen();
        if (proseSinceStep) entries.push({ kind: 'break' });
        proseSinceStep = false;
        entries.push({ kind: 'step', why: read.why, because: read.because });
        seenStep = true;
        continue;
      }
      if (read.why !== undefined) {
        flushOpen();
        if (proseSinceStep) entries.push({ kind: 'break' });
        proseSinceStep = false;
        open = { why: read.why };
        continue;
      }
      if (open && read.because !== undefined) {
        entries.push({ kind: 'step', why: open.why, because: read.because });
        open = undefined;
        seenStep = true;
        continue;
      }
    }
    // The line after a question that is no question itself: its answer.
    if (open && !QUESTION_START.test(content.trim()) && !/\?\s*$/.test(content)) {
      entries.push({ kind: 'step', why: open.why, because: content.trim() });
      open = undefined;
      seenStep = true;
      continue;
    }
    flushOpen();
    // Before the first question, the first statement is the problem.
    // Never a heading (`## 5 Whys`).
    if (!seenStep && problem === undefined && !entries.some((e) => e.kind !== 'comment') && /[a-z]/i.test(content) && !/[?:]\s*$/.test(content) && !/^\s*#/.test(line)) {
      problem = content.trim();
      proseProblem = line.trim();
      continue;
    }
    entries.push({ kind: 'comment', text: line.trim() });
    if (seenStep) proseSinceStep = true;
  }
  flushOpen();
  return { entries, problem };
}

/** A string as a one-line YAML scalar, quoted only when it must be. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).replace(/\r?\n$/, '');
}

/** A comment line with what the text said. */
function comment(indent: string, text: string): string {
  return `${indent}# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/** A statement with its first letter upper-cased and a full stop. */
function sentence(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return s;
  const out = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…"”)]$/.test(out) ? out : `${out}.`;
}

/** Turns a pasted 5-whys list into a `.whys.yaml` analysis. */
export function importAnalysis(text: string, options: ImportOptions = {}): ImportedAnalysis {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    // Markdown emphasis and quotes around the items (`> **Why** did …?`).
    .map((line) => line.replace(/^\s*>\s?/, '').replace(/\*\*|__/g, ''))
    // `The site went down. Why? Because A. Why? Because B.`: one item per `Why?`.
    .flatMap((line) => (line.match(/\bwhy\s*\?/gi)?.length ?? 0) > 0 && !/^\s*why\s*\?/i.test(line.replace(MARKER, '')) || (line.match(/\bwhy\s*\?/gi)?.length ?? 0) > 1 ? line.split(/(?=\bwhy\s*\?\s*because\b)/i) : [line]);
  const { entries, problem } = entriesOf(lines);
  const stepCount = entries.filter((e) => e.kind === 'step').length;
  // The problem: a `Problem:` line, else the first statement before the questions; else the
  // first question as asked.
  const firstStep = entries.find((e): e is Extract<Entry, { kind: 'step' }> => e.kind === 'step');
  const stated = problem?.trim() || undefined;
  const problemText = stated ? sentence(stated) : firstStep?.why ? `Not stated in the imported text; the first question was “${firstStep.why}”` : 'Not stated in the imported text.';
  const title = options.title?.trim() || (stated ? shortTitle(stated) : 'Imported 5 Whys analysis');
  const out: string[] = [
    `# Imported by whys from ${options.source ?? 'text'}: ${stepCount} step${stepCount === 1 ? '' : 's'}; lines it could not place are kept as comments.`,
    'version: 1',
    `title: ${scalar(title)}`,
    `problem: ${scalar(problemText)}`,
    'roots:',
  ];
  let roots = 0;
  let comments = 0;
  let inRoot = false;
  let previous: string | undefined = stated;
  const pending: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'comment' || entry.kind === 'question') {
      const what = entry.kind === 'comment' ? entry.text : `${entry.why} (no answer found)`;
      pending.push(comment(inRoot ? '      ' : '  ', what));
      comments++;
      continue;
    }
    if (entry.kind === 'break') {
      inRoot = false;
      continue;
    }
    if (!inRoot) {
      // Comments read before the root's first step stand before it.
      out.push(...pending.map((c) => c.replace(/^\s*/, '  ')));
      pending.length = 0;
      out.push('  - whys:');
      inRoot = true;
      roots++;
    } else {
      out.push(...pending);
      pending.length = 0;
    }
    const why = entry.why || (previous ? toWhyQuestion(previous) : 'Why did this happen?');
    const because = entry.because.trim();
    out.push(`      - why: ${scalar(why.trim())}`, `        because: ${scalar(because)}`);
    previous = because;
  }
  if (roots === 0) {
    // Nothing read as a step: the roots are still to write, the text stays as comments.
    out.push(...pending.map((c) => c.replace(/^\s*/, '  ')));
    out.push('  - whys:', '      - why: Why did this happen?', '        because: ""');
  } else out.push(...pending);
  return { yaml: `${out.join('\n')}\n`, steps: stepCount, roots, comments };
}

/** A title from the problem statement: its first clause, at most about 80 characters. */
function shortTitle(problem: string): string {
  const first = problem.trim().split(/(?<=[.!?])\s/)[0].replace(/[.!?]+$/, '');
  if (first.length <= 80) return first;
  const cut = first.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}
