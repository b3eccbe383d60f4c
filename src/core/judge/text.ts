/** Making the model's text safe to show: plain, on one line, capped. */

/** The longest explanation shown, in characters. */
export const MAX_EXPLANATION_LENGTH = 400;
/** The longest suggested question or answer, in characters. */
export const MAX_SUGGESTION_LENGTH = 300;

/**
 * Untrusted text as plain text: control and bidirectional-override characters removed, runs of
 * white space (new lines included) made one space, and cut at `max` characters with an ellipsis.
 * Markup is left as characters; each place that renders it escapes it (Markdown hover, SARIF).
 */
export function plainText(text: string, max: number): string {
  const clean = text
    // C0/C1 controls (tab and new lines become spaces below), bidi overrides and isolates, zero-width joiners.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  // Do not cut a surrogate pair in half.
  let cut = max - 1;
  const code = clean.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return clean.slice(0, cut).trimEnd() + '…';
}
