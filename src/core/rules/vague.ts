import type { Rule } from '../findings';
import { EMPTY_CAUSE_QUALIFIERS, EMPTY_CAUSE_WORDS, GENERIC_NOUNS, STOP_WORDS, VAGUE_NOUNS, VAGUE_PHRASES, VAGUE_QUALIFIERS } from '../reasoning/lexicon';
import { judgeAnswers, type AnswerJudge, type TextInfo } from '../reasoning/steps';

/** Phrases by their first word, so a word is compared only with the phrases it could start. */
const PHRASES = new Map<string, string[][]>();
for (const phrase of VAGUE_PHRASES) {
  const words = phrase.split(/\s+/);
  PHRASES.set(words[0], [...(PHRASES.get(words[0]) ?? []), words]);
}
const LINKS = new Set(['of', 'for', 'on', 'in', 'to', 'around', 'about', 'with', 'between', 'when', 'during']);

/** Whether a concrete object follows a phrase ending before `i` (`lack of testing of the 21st field`). */
function concreteAfter(info: TextInfo, i: number): boolean {
  const tokens = info.tokens;
  if (!LINKS.has(tokens[i]?.lower ?? '')) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const t = tokens[k];
    if (t.kind === 'punct') return false;
    if (t.kind === 'number') return true;
    if (STOP_WORDS.has(t.lower)) continue;
    return !VAGUE_NOUNS.has(t.lower) && !GENERIC_NOUNS.has(t.lower) && !['detail', 'details', 'people', 'teams', 'team', 'staff', 'everyone'].includes(t.lower);
  }
  return false;
}

function matchAt(info: TextInfo, i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (info.tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

/** The vague phrase of an answer, as written, if any. */
export function vaguePhraseOf(info: TextInfo): string | undefined {
  const tokens = info.tokens;
  const say = (from: number, to: number): string => info.text.slice(tokens[from].start, tokens[to - 1].end);
  for (let i = info.start; i < tokens.length; i++) {
    for (const words of PHRASES.get(tokens[i].lower) ?? []) {
      if (matchAt(info, i, words) && !concreteAfter(info, i + words.length)) return say(i, i + words.length);
    }
    // `poor planning`, `insufficient oversight`, `lack of coordination`, `lacked attention to detail`.
    const w = tokens[i].lower;
    let noun = -1;
    if (VAGUE_QUALIFIERS.has(w)) noun = VAGUE_NOUNS.has(tokens[i + 1]?.lower ?? '') ? i + 1 : VAGUE_NOUNS.has(tokens[i + 2]?.lower ?? '') && tokens[i + 2] ? i + 2 : -1;
    else if ((w === 'lack' || w === 'absence') && tokens[i + 1]?.lower === 'of') noun = VAGUE_NOUNS.has(tokens[i + 2]?.lower ?? '') ? i + 2 : -1;
    else if (w === 'lacked' || w === 'lacking' || w === 'lacks') noun = VAGUE_NOUNS.has(tokens[i + 1]?.lower ?? '') ? i + 1 : -1;
    if (noun > 0 && !concreteAfter(info, noun + 1)) return say(i, noun + 1);
  }
  // Nothing but a general word: `Because of a bug.`, `An unexpected error.`
  const content = tokens.slice(info.start).filter((t) => t.kind === 'word');
  if (content.length > 0 && content.length <= 6 && content.some((t) => EMPTY_CAUSE_WORDS.has(t.lower)) && content.every((t) => EMPTY_CAUSE_WORDS.has(t.lower) || EMPTY_CAUSE_QUALIFIERS.has(t.lower))) {
    return say(info.start, tokens.length).replace(/[.!]$/, '');
  }
  return undefined;
}

/** Judges one answer: vague when it rests on an unfalsifiable phrase with nothing concrete after it. */
export const judgeVague: AnswerJudge = (answer) => {
  const phrase = vaguePhraseOf(answer);
  if (!phrase) return undefined;
  return {
    message: `“${phrase}” cannot be checked or fixed as written: it names nothing specific that was missing or wrong. Say what exactly: which check, step, message or piece of information was missing, and where.`,
    evidence: [phrase],
  };
};

/** `vague`: an unfalsifiable cause (“poor communication”, “not good enough”, “lack of attention”). */
export const vagueRule: Rule = {
  code: 'vague',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'A cause nobody can check',
  explanation:
    'Phrases such as “poor communication”, “lack of attention” or “not good enough testing” fit every incident, so they cannot be verified and lead to no specific action. Name the concrete thing: which message did not reach whom, which test did not exist, which field had no check.',
  check({ analysis }) {
    return judgeAnswers('vague', analysis, judgeVague);
  },
};
