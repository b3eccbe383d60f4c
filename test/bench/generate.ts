/**
 * Generates analyses of any size for benchmarks: roots of ten steps with varied wording
 * (`generateAnalysis`), or the corpus's own roots repeated (`corpusAnalysis`). No side effects,
 * so every bench script can import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';

const SUBJECTS = ['the checkout service', 'the payment gateway', 'the primary database', 'the cache cluster', 'the deploy pipeline', 'the load balancer', 'the search index', 'the message queue'];
const EFFECTS = ['timed out', 'ran out of memory', 'rejected connections', 'returned stale data', 'dropped requests', 'restarted in a loop'];
const CAUSES = ['a retry storm opened {n} connections', 'a config change lowered the limit to {n}', 'a query scanned {n} rows without an index', 'a certificate expired after {n} days', 'a migration locked {n} tables', 'a batch job sent {n} requests at once'];

/**
 * An analysis with `steps` steps in total (in roots of ten), every text distinct. Another
 * `variant` gives other numbers in every question and answer, so no text of one variant is
 * cached by checking another (a cold check).
 */
export function generateAnalysis(steps: number, variant = 0): string {
  const lines = ['version: 1', `title: Generated analysis with ${steps} steps`, 'problem: Customers saw errors at checkout for 40 minutes.', 'roots:'];
  let made = 0;
  let root = 0;
  while (made < steps) {
    lines.push(`  - id: root-${root}`, `    question: Why did it take so long to detect failure ${root}?`, '    whys:');
    const inRoot = Math.min(10, steps - made);
    for (let i = 0; i < inRoot; i++) {
      // A multiple of 8, 12 and 24: the same wording as variant 0, other numbers.
      const k = made + i + variant * 960_000;
      const subject = SUBJECTS[k % SUBJECTS.length];
      // (Divided, not shifted: past variant 2,236, k is beyond 32 bits.)
      const effect = EFFECTS[Math.floor(k / 2) % EFFECTS.length];
      const cause = CAUSES[Math.floor(k / 4) % CAUSES.length].replace('{n}', String(100 + k));
      lines.push(`      - why: Why did ${subject} ${i === 0 ? 'fail' : 'do that'} in case ${k}?`, `        because: ${capitalise(subject)} ${effect} because ${cause}.`);
    }
    lines.push('    actions:', `      - do: Add a limit for case ${root}.`, '        owner: platform', '        due: 2025-01-31');
    made += inRoot;
    root++;
  }
  return lines.join('\n') + '\n';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const CORPUS = resolve(__dirname, '..', '..', '..', 'test', 'corpus');

/** An analysis of at least `steps` steps made of the corpus roots, every text tagged with `tag` so nothing is cached. */
export function corpusAnalysis(steps: number, tag: string): string {
  const roots: unknown[] = [];
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.whys.yaml')).sort()) {
    const data = parseDocument(readFileSync(join(CORPUS, name), 'utf8')).toJSON() as { roots?: unknown[] };
    roots.push(...(data.roots ?? []));
  }
  const count = (value: unknown): number => JSON.stringify(value).split('"why":').length - 1;
  const out: unknown[] = [];
  let made = 0;
  for (let round = 0; made < steps; round++) {
    for (const root of roots) {
      if (made >= steps) break;
      // Tag every question and answer so each copy is new text; drop ids so they stay unique.
      const json = JSON.stringify(root)
        .replace(/"(why|because|cause)":"([^"]*?)([.?!]?)"/g, (_m, key: string, text: string, end: string) => `"${key}":"${text} (${tag} ${round}-${made})${end}"`)
        .replace(/"id":"[^"]*",?/g, '')
        .replace(/"for":"[^"]*",?/g, '')
        .replace(/,}/g, '}');
      out.push(JSON.parse(json));
      made += count(root);
    }
  }
  return stringify({ version: 1, title: `Corpus x ${steps}`, problem: 'Many things went wrong.', roots: out });
}
