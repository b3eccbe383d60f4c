/**
 * The parsed model's roots, sent from the check worker to the extension host a batch of nodes
 * at a time (issue 12). A root of tens of thousands of steps is split like any other run of
 * nodes: a message holding it whole would block the host's thread while it is read (about
 * 850 ms for one chain of 72,000 steps).
 *
 * The model is a graph (a step knows its chain, a chain its owner and root), and a worker message
 * copies everything a node reaches: one step would carry its whole root. So each node travels
 * without its links, in depth-first file order, with the number of the node it hangs from;
 * {@link ModelAssembler} puts the links back, giving the same model the parse gave.
 *
 * No `vscode` import: the worker, the host and the unit tests run this same code.
 */
import type { Action, Cause, Chain, Comment, Root, Step } from '../core';

/** A run of nodes in depth-first file order, each with the number of the node it hangs from. */
export interface ModelBatch {
  /** Roots, steps, causes and actions, their links to other nodes cut (a chain travels inside its owner). */
  readonly nodes: object[];
  /** For each node, the number (in the whole sequence, from 0) of the node it hangs from; -1 for a root. */
  readonly parents: Int32Array;
  /** Some of the file's comments, in order, after the nodes (a file may hold tens of thousands). */
  readonly comments?: Comment[];
}

/** About this many comments go in one batch. */
export const COMMENTS_PER_BATCH = 2000;

/** The comments cut into batches of their own, to follow the nodes' batches. */
export function commentBatches(comments: readonly Comment[], perBatch = COMMENTS_PER_BATCH): ModelBatch[] {
  const batches: ModelBatch[] = [];
  for (let from = 0; from < comments.length; from += perBatch) batches.push({ nodes: [], parents: new Int32Array(0), comments: comments.slice(from, from + perBatch) });
  return batches;
}

/** About this many nodes go in one batch: reading one on the host takes a few ms. */
export const NODES_PER_BATCH = 250;

/** A chain without its steps and links, to travel inside its owner's node. */
function detachedChain(chain: Chain): object {
  return { ...chain, steps: [], owner: null, root: null };
}

/**
 * The roots cut into batches of about `perBatch` nodes (a batch may end inside a root, a chain
 * or a step). Every node is copied without its links: the model itself is not changed.
 */
export function modelBatches(roots: readonly Root[], perBatch = NODES_PER_BATCH): ModelBatch[] {
  const batches: ModelBatch[] = [];
  let nodes: object[] = [];
  let parents: number[] = [];
  let count = 0;
  const put = (node: object, parent: number): number => {
    nodes.push(node);
    parents.push(parent);
    if (nodes.length >= perBatch) {
      batches.push({ nodes, parents: Int32Array.from(parents) });
      nodes = [];
      parents = [];
    }
    return count++;
  };
  // Depth first: nesting is bounded (MAX_NESTING_DEPTH), so the recursion is too.
  const putChain = (chain: Chain, owner: number): void => {
    for (const step of chain.steps) {
      const at = put({ ...step, causes: step.causes ? [] : undefined, chain: null }, owner);
      for (const cause of step.causes ?? []) {
        const causeAt = put({ ...cause, step: null, chain: detachedChain(cause.chain) }, at);
        putChain(cause.chain, causeAt);
      }
    }
  };
  for (const root of roots) {
    const at = put({ ...root, chain: detachedChain(root.chain), actions: [] }, -1);
    putChain(root.chain, at);
    for (const action of root.actions) put({ ...action, root: null }, at);
  }
  if (nodes.length > 0) batches.push({ nodes, parents: Int32Array.from(parents) });
  return batches;
}

type Linked = { -readonly [K in keyof Root | keyof Step | keyof Cause | keyof Action | keyof Chain]?: unknown } & { kind: string; chain: Linked; steps: Linked[]; causes: Linked[]; actions: Linked[] };

/**
 * Puts the roots back together from their batches, in order, each batch a short task: the links
 * cut by {@link modelBatches} are restored, so the roots equal those of the parse.
 */
export class ModelAssembler {
  private nodes: Linked[] = [];
  private readonly done: Root[] = [];
  /** The comments of the batches, in order. */
  readonly comments: Comment[] = [];

  /** Adds the next batch. */
  add(batch: ModelBatch): void {
    const { nodes, parents } = batch;
    for (const comment of batch.comments ?? []) this.comments.push(comment);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Linked;
      const parent = parents[i] >= 0 ? this.nodes[parents[i]] : undefined;
      switch (node.kind) {
        case 'root':
          node.chain.owner = node;
          node.chain.root = node;
          this.done.push(node as unknown as Root);
          break;
        case 'step':
          node.chain = parent!.chain;
          parent!.chain.steps.push(node);
          break;
        case 'cause':
          node.step = parent;
          node.chain.owner = node;
          node.chain.root = parent!.chain.root;
          parent!.causes.push(node);
          break;
        case 'action':
          node.root = parent;
          parent!.actions.push(node);
          break;
        default:
          throw new Error(`a model batch holds a node of unknown kind ${String(node.kind)}`);
      }
      this.nodes.push(node);
    }
  }

  /** The roots, once every batch was added (the assembler forgets its index of nodes). */
  finish(): Root[] {
    this.nodes = [];
    return this.done;
  }
}
