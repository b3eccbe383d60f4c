/**
 * The messages between the extension host and the semantic pass's worker thread
 * (dist/semantic/worker.js). One protocol file, imported as types by both sides.
 */
import type { CheckOptions, Finding, SemanticMode } from '../core';

/** Host → worker. */
export type ToSemanticWorker =
  | { readonly type: 'run'; readonly id: number; readonly text: string; readonly mode: SemanticMode; readonly check: CheckOptions; readonly flagged: readonly string[] }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → host. */
export type FromSemanticWorker =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly id: number; readonly findings: Finding[] }
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
