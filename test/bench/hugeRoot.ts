/**
 * Analyses of one huge root, for the bench and the tests (issue 12): the longest single chain
 * under the 4 M-character limit, and a root nested as deep as whys reads (`MAX_NESTING_DEPTH`)
 * with as many steps at each level as fit under the limit. No side effects.
 */
import { MAX_NESTING_DEPTH, MAX_TEXT_LENGTH } from '../../src/core/limits';

const HEAD = 'version: 1\ntitle: One huge root\nproblem: The service failed.\nroots:\n  - id: huge\n    question: Why did the service fail?\n    whys:\n';
const ACTIONS = '    actions:\n      - do: Add a limit.\n        owner: platform\n        due: 2030-01-31\n';

/** A step at an indentation, every text distinct; now and then an answer that blames someone. */
function step(pad: string, n: number): string {
  const answer = n % 1000 === 7 ? `Human error by engineer ${n}.` : `Limit ${n} hit.`;
  return `${pad}- why: Why ${n}?\n${pad}  because: ${answer}\n`;
}

/**
 * One root whose chain holds `steps` steps (or, without `steps`, as many as fit under the limit),
 * followed by an action.
 */
export function singleChain(steps = Number.MAX_SAFE_INTEGER, limit = MAX_TEXT_LENGTH): string {
  const parts = [HEAD];
  let length = HEAD.length + ACTIONS.length;
  for (let n = 0; n < steps; n++) {
    const s = step('      ', n);
    if (length + s.length > limit) break;
    parts.push(s);
    length += s.length;
  }
  parts.push(ACTIONS);
  return parts.join('');
}

/**
 * One root nested `levels` deep (by default the deepest whys reads): each chain holds
 * `perLevel` steps (by default as many as share the limit evenly), its last step's answer a
 * list of one cause whose own whys continue one level deeper.
 */
export function deepNesting(levels = MAX_NESTING_DEPTH, perLevel?: number, limit = MAX_TEXT_LENGTH): string {
  // The steps at level d are indented 6 + 8d: share the limit so every level gets as many.
  const stepLength = (d: number): number => step(' '.repeat(6 + 8 * d), 1e6).length;
  const causeLength = (d: number): number => 2 * (6 + 8 * d) + 60;
  let budget = limit - HEAD.length - ACTIONS.length - 1000;
  for (let d = 0; d <= levels; d++) budget -= causeLength(d);
  const unit = Array.from({ length: levels + 1 }, (_, d) => stepLength(d)).reduce((a, b) => a + b, 0);
  const count = perLevel ?? Math.max(1, Math.floor(budget / unit));
  const parts = [HEAD];
  let n = 0;
  for (let d = 0; d <= levels; d++) {
    const pad = ' '.repeat(6 + 8 * d);
    for (let i = 0; i < count - 1; i++) parts.push(step(pad, n++));
    if (d === levels) {
      parts.push(step(pad, n++));
      break;
    }
    parts.push(`${pad}- why: Why did level ${d} fail?\n${pad}  because:\n${pad}    - cause: Cause ${d} held.\n${pad}      whys:\n`);
  }
  parts.push(ACTIONS);
  return parts.join('');
}

/**
 * One root whose chain holds as many steps as fit under the limit, its list written another way
 * than one `- ` per line: `dash-alone`, each item's `-` alone on its line and its keys on the
 * lines below; `flow`, a flow sequence (`whys: [ … ]`, as JSON-like YAML writes it), one step
 * per line. Followed by an action.
 */
export function singleChainWritten(style: 'dash-alone' | 'flow', limit = MAX_TEXT_LENGTH): string {
  const open = style === 'flow' ? HEAD.replace(/whys:\n$/, 'whys: [\n') : HEAD;
  const close = style === 'flow' ? '    ]\n' : '';
  const parts = [open];
  let length = open.length + close.length + ACTIONS.length;
  for (let n = 0; ; n++) {
    const answer = step('', n).split('\n')[1].replace(/^ *because: /, '');
    const s = style === 'flow' ? `      {why: "Why ${n}?", because: "${answer}"},\n` : `      -\n        why: Why ${n}?\n        because: ${answer}\n`;
    if (length + s.length > limit) break;
    parts.push(s);
    length += s.length;
  }
  parts.push(close, ACTIONS);
  return parts.join('');
}
