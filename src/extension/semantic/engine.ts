/**
 * Where the semantic pass runs for the editor: in a worker thread on the Node extension host
 * (`WorkerEngine`), in the web worker extension host itself, in slices, on VS Code for the Web
 * (`InProcessEngine`; that host is already a worker, off the window's thread).
 */
import type { CheckOptions, Finding, ParsedAnalysis, SemanticMode } from '../../core';

/** One pass over one document's text. */
export interface SemanticRequest {
  readonly text: string;
  /** The instant check's model of `text`, when there is one: an engine in the host's thread reads it rather than parse a large text there again (a worker takes the text). */
  readonly parsed?: ParsedAnalysis;
  readonly mode: SemanticMode;
  readonly check: CheckOptions;
  /** `RULE@START` of scalars the instant check already flagged. */
  readonly flagged: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

/** A running pass: its findings, or undefined when it was cancelled. */
export interface SemanticJob {
  readonly result: Promise<Finding[] | undefined>;
  cancel(): void;
}

/** Runs semantic passes. Errors (a corrupted model) reject the job's result with one clear message. */
export interface SemanticEngine {
  start(request: SemanticRequest): SemanticJob;
  dispose(): void;
}
