/**
 * The content words of a text, to check that a fix keeps every word that carries meaning: the
 * words of three letters or more that are not function words, compared by their stems so that
 * `checks` meets `check`, `filling` meets `fill` and `ran` meets `run`.
 */
import { STOP_WORDS } from '../reasoning/lexicon';
import { stem } from '../reasoning/stem';

/** Words that carry no content of their own in an answer (modals, `because`, pronouns). */
const FUNCTION_WORDS = new Set([...STOP_WORDS, 'because', 'should', 'must', 'need', 'needs', 'ought', 'why', 'not', 'also', 'then', 'there']);

/** The content words of a text, as comparison keys, in order. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*/g) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w))
    .map((w) => (/^[a-z]+$/.test(w) ? stem(w) : w));
}

/** The content words of `original` that none of `kept` has. */
export function missingWords(original: string, kept: readonly string[]): string[] {
  const have = new Set(contentWords(kept.join(' ')));
  return [...new Set(contentWords(original).filter((w) => !have.has(w)))];
}
