/** The most findings of one rule listed for one file; a file of junk would list millions. */
export const MAX_FINDINGS_PER_RULE = 100;

/**
 * The largest text the checker reads, in UTF-16 units (about 4 MB). A 2,000-step analysis is
 * about 300 kB; past this size a file is not an analysis someone wrote, and parsing it would
 * take the editor's and the CI job's time for nothing.
 */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

/**
 * The deepest a chain may nest inside causes (a cause's whys holding causes with whys, ...). Real
 * analyses branch a few levels deep; deeper chains are reported, not read, so that no walk over
 * the model (rules, exports, fixes, the preview) can exhaust the stack, in any host.
 */
export const MAX_NESTING_DEPTH = 100;
