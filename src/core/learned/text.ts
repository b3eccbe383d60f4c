/**
 * Style normalisation and words for the learned detectors. Two writers of the same cause differ
 * in style (a leading "Because", quotes, capitals, a closing full stop); features are computed
 * after this normalisation so that a detector trained on one style judges the other alike.
 */

/** Function words: they carry no content for word alignment. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet of to in on at by for from with without into onto over under about as than then
  this that these those it its it's they them their theirs there here he him his she her hers we us our you your i me my
  is are was were be been being am do does did done doing have has had having will would shall should can could may might must
  not no why what which who whom whose when where how if because since while though although also just only very too
  any some all each every both either neither such same other own more most much many few less least
  s t d ll re ve m o y`.split(/\s+/),
);

/** Opening words that only mark the text as an answer ("Because …", "'Cause …"). */
const ANSWER_OPENING = /^(?:because|'cause|cause|due to the fact that)\b[\s,:;-]*/i;

/**
 * The text in one style: quotes unified and dropped, a leading "Because" removed, lower case,
 * no closing punctuation, single spaces.
 */
export function normalise(text: string): string {
  let t = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // `'quoted'` as a whole: single quotes that open or close a word, not an apostrophe inside one.
  t = t.replace(/(^|[\s(])'+|'+(?=[\s),.;:!?]|$)/g, '$1 ').replace(/\s+/g, ' ').trim();
  t = t.replace(ANSWER_OPENING, '');
  t = t.replace(/[\s.!?;:,…-]+$/u, '');
  return t.toLowerCase();
}

/** Contractions and their full words (`wasn't` → `was not`). */
function expand(word: string): string[] {
  if (word.endsWith("n't")) {
    const stem = word.slice(0, -3);
    if (stem === 'won') return ['will', 'not'];
    if (stem === 'can' || stem === 'ca') return ['can', 'not'];
    if (stem === 'sha') return ['shall', 'not'];
    return stem ? [stem, 'not'] : ['not'];
  }
  const m = /^(.+?)'(s|re|ve|ll|d|m)$/.exec(word);
  if (m) return [m[1]];
  return [word.replace(/'/g, '')];
}

const MAX_WORDS = 120;

/** The words of a normalised text, in order (numbers kept, contractions expanded), at most 120. */
export function wordsOf(normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    for (const w of expand(m[0])) if (w) out.push(w);
    if (out.length >= MAX_WORDS) break;
  }
  return out.slice(0, MAX_WORDS);
}

/** The words of a text that carry content: not function words, not one letter. */
export function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** A text prepared once for every detector: normalised, its words and content words. */
export interface LearnedText {
  readonly raw: string;
  readonly normalised: string;
  readonly words: readonly string[];
  readonly content: readonly string[];
}

const prepared = new Map<string, LearnedText>();

/** Prepares a text (normalise, words, content words); remembered across checks (bounded). */
export function learnedText(raw: string): LearnedText {
  let t = prepared.get(raw);
  if (!t) {
    const normalised = normalise(raw.length > 4000 ? raw.slice(0, 4000) : raw);
    const words = wordsOf(normalised);
    t = { raw, normalised, words, content: contentWords(words) };
    if (prepared.size >= 50_000) prepared.clear();
    prepared.set(raw, t);
  }
  return t;
}
