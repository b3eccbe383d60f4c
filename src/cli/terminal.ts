/**
 * Text from a checked file (keys, answers, file names) reaches a terminal or a CI log through the
 * human-readable outputs. Control characters in it could set the terminal's title, clear the
 * screen, forge log lines or reverse what follows (bidi overrides); this makes them visible.
 */

/**
 * C0 controls, DEL, C1 controls, and the Unicode bidi embeddings, overrides, isolates and marks,
 * plus the line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every control character written as a visible escape (`\x1b`, `\u202e`).
 * `keep` lists characters the caller's own layout relies on (e.g. '\n' for a multi-line export).
 */
export function escapeControlCharacters(text: string, keep = ''): string {
  return text.replace(CONTROL, (ch) => {
    if (keep.includes(ch)) return ch;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
