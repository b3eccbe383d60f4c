/**
 * Which labelled data the learned detectors use for what (issue 13). Fixed before training:
 * changing it changes the weights, and the README says which sets were used for what.
 */

/** Trained on: the corpus and these held-out sets (all studied before; development sets). */
export const TRAINING_SETS = ['set-1', 'set-2', 'set-3', 'set-4', 'set-5', 'set-6', 'set-7', 'set-8', 'set-9', 'set-10', 'set-11', 'set-12', 'set-13'];

/** Thresholds are chosen on these (never trained on): at most 1% of their clean steps flagged. */
export const THRESHOLD_SETS = ['set-14', 'set-15'];

/** The share of the threshold sets' clean steps a detector may flag. */
export const MAX_CLEAN_SHARE = 0.01;
