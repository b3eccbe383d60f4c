/**
 * The web build's stand-in for workerEngine.ts (esbuild swaps it in for dist/web/extension.js):
 * VS Code for the Web has no worker threads, and its host runs the pass in-process instead
 * (inProcessEngine.ts), so this is never constructed there.
 */
import type { SemanticEngine, SemanticJob } from './engine';

/** Never used on the web; says so if it ever is. */
export class WorkerEngine implements SemanticEngine {
  constructor(_workerFile: string) {
    throw new Error('worker threads are not available in this extension host');
  }

  start(): SemanticJob {
    throw new Error('worker threads are not available in this extension host');
  }

  dispose(): void {}
}
