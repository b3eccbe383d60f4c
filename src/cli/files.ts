import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

const ANALYSES = ['**/*.whys.yaml', '**/*.whys.yml'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * The files a `check` names: each argument is a file, a folder (searched for analyses) or a
 * glob. No arguments: every analysis under the current folder. Sorted, without duplicates.
 */
export async function resolveFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  if (patterns.length === 0) return sorted(await glob(ANALYSES, { cwd, ignore: IGNORE, absolute: true, dot: false }));
  const found = new Set<string>();
  for (const pattern of patterns) {
    const path = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      for (const file of await glob(ANALYSES, { cwd: path, ignore: IGNORE, absolute: true })) found.add(file);
      continue;
    }
    if (stats) {
      found.add(path);
      continue;
    }
    if (!isDynamicPattern(pattern)) throw new UsageError(`cannot read ${pattern}: no such file or folder.`);
    const matches = await glob(pattern, { cwd, ignore: IGNORE, absolute: true });
    if (matches.length === 0) throw new UsageError(`no files match ${pattern}.`);
    for (const file of matches) found.add(file);
  }
  return sorted([...found]);
}

function sorted(files: string[]): string[] {
  return files.map((f) => resolve(f)).sort();
}
