import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

const ANALYSES = ['**/*.whys.yaml', '**/*.whys.yml'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * The files a `check` names: each argument is a file, a folder (searched for analyses) or a
 * glob. No arguments: every analysis under the current folder. Sorted, without duplicates.
 *
 * A folder or glob that yields no analysis is a usage error (a CI gate pointed at the wrong
 * folder must not pass), as in ESLint, unless `errorOnUnmatched` is false; a folder that cannot
 * be read is always one.
 */
export async function resolveFiles(patterns: readonly string[], cwd: string, errorOnUnmatched = true): Promise<string[]> {
  if (patterns.length === 0) {
    readableFolder(cwd, '.');
    const files = await glob(ANALYSES, { cwd, ignore: IGNORE, absolute: true, dot: false });
    if (files.length === 0 && errorOnUnmatched) throw new UsageError(`no .whys.yaml or .whys.yml files under this folder (${cwd}). Name the folder that holds your analyses, or pass --no-error-on-unmatched-pattern.`);
    return sorted(files);
  }
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
      readableFolder(path, pattern);
      const files = await glob(ANALYSES, { cwd: path, ignore: IGNORE, absolute: true });
      if (files.length === 0 && errorOnUnmatched) throw new UsageError(`no .whys.yaml or .whys.yml files in the folder ${pattern}. Is it the folder you meant? (--no-error-on-unmatched-pattern lets this pass.)`);
      for (const file of files) found.add(file);
      continue;
    }
    if (stats) {
      found.add(path);
      continue;
    }
    if (!isDynamicPattern(pattern)) throw new UsageError(`cannot read ${pattern}: no such file or folder.`);
    const matches = await glob(pattern, { cwd, ignore: IGNORE, absolute: true });
    if (matches.length === 0 && errorOnUnmatched) throw new UsageError(`no files match ${pattern}. (--no-error-on-unmatched-pattern lets this pass.)`);
    for (const file of matches) found.add(file);
  }
  return sorted([...found]);
}

/** Throws a usage error when a folder cannot be listed (the glob would find nothing, silently). */
function readableFolder(path: string, shown: string): void {
  try {
    readdirSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read the folder ${shown}: ${reason}.`);
  }
}

function sorted(files: string[]): string[] {
  return files.map((f) => resolve(f)).sort();
}
