/**
 * Entry point of the extension-host test suite: the module `extensionTestsPath` names.
 * VS Code (through `@vscode/test-electron`, or code-server's `payload` in
 * test/vscode/runHostTests.mjs) loads it inside the real extension host and awaits `run()`.
 * It runs every `*.test.js` bundled next to it in `out/test/suite/`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs the suite; rejects when any test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.resolve(__dirname, f));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files next to ${__filename}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
