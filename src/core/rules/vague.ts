import type { Rule } from '../findings';
import {
  ACTIVITY_NOUNS,
  CHARACTER_NOUNS,
  EMPTY_CAUSE_QUALIFIERS,
  EMPTY_CAUSE_WORDS,
  GENERIC_NOUNS,
  QUALITY_ADJECTIVES,
  SOFT_VERBS,
  STOP_WORDS,
  SYSTEM_NOUNS,
  VAGUE_PHRASES,
  VAGUE_QUALIFIERS,
  VIRTUE_NOUNS,
} from '../reasoning/lexicon';
import { finiteVerbOf } from '../reasoning/clauses';
import { judgeAnswers, perText, type AnswerJudge, type TextInfo } from '../reasoning/steps';
import { sliceOf } from '../reasoning/tokens';

/**
 * Idioms of a judgement that stay vague whatever follows (`doesn't have much of a feel for DG
 * paperwork`, `a bit of a blind spot for the platform team`, `never been taken seriously enough`).
 */
const IDIOMS = new Set(['much of a feel for', 'no feel for', 'no real feel for', 'a bit of a blind spot', 'always been a blind spot', 'never been taken seriously', 'never taken seriously', 'taken seriously enough']);

/** Phrases by their first word, so a word is compared only with the phrases it could start. */
const PHRASES = new Map<string, string[][]>();
for (const phrase of [...VAGUE_PHRASES, ...IDIOMS]) {
  const words = phrase.split(/\s+/);
  PHRASES.set(words[0], [...(PHRASES.get(words[0]) ?? []), words]);
}
const LINKS = new Set(['of', 'for', 'on', 'in', 'to', 'around', 'about', 'with', 'when', 'during', 'against', 'under', 'at']);
const NEGATIONS = new Set(['not', 'never', 'no']);

/** Whether a concrete object follows at `i` (`testing of the 21st field`, `training on database optimization`). */
function concreteAfter(info: TextInfo, i: number): boolean {
  const tokens = info.tokens;
  if (!LINKS.has(tokens[i]?.lower ?? '')) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const t = tokens[k];
    if (t.kind === 'punct') return false;
    if (t.kind === 'number') return true;
    if (STOP_WORDS.has(t.lower)) continue;
    return !VIRTUE_NOUNS.has(t.lower) && !ACTIVITY_NOUNS.has(t.lower) && !GENERIC_NOUNS.has(t.lower) && !['people', 'teams', 'team', 'staff', 'everyone', 'detail'].includes(t.lower);
  }
  return false;
}

function matchAt(info: TextInfo, i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (info.tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

/** A vague noun at `i`: a virtue is vague whatever follows, an activity only without its object. */
function vagueNounAt(info: TextInfo, i: number): boolean {
  const w = info.tokens[i]?.lower;
  if (!w) return false;
  if (VIRTUE_NOUNS.has(w)) return true;
  return ACTIVITY_NOUNS.has(w) && !concreteAfter(info, i + 1) && !modifiesNoun(info, i + 1);
}

/** `a low-priority alarm`, `poor-quality castings`: a hyphenated grade of a named thing, not a judgement. */
function classesThing(info: TextInfo, k: number): boolean {
  const t = info.tokens[k];
  return !!t && /^(priority|quality)$/.test(t.lower) && info.text[info.starts[k] - 1] === '-' && modifiesNoun(info, k + 1);
}

/** Whether a content noun follows at `i`, so the word before modifies it (`low-quality resin`). */
function modifiesNoun(info: TextInfo, i: number): boolean {
  const t = info.tokens[i];
  return !!t && t.kind === 'word' && !STOP_WORDS.has(t.lower) && !LINKS.has(t.lower) && !/(ed|ly)$/.test(t.lower);
}

/** The vague phrase of an answer, as written, if any (worked out once per text: three rules ask). */
export const vaguePhraseOf = perText(vaguePhraseIn);

function vaguePhraseIn(info: TextInfo): string | undefined {
  const tokens = info.tokens;
  const say = (from: number, to: number): string => sliceOf(info.text, info, from, Math.min(to, tokens.length));
  for (let i = info.start; i < tokens.length; i++) {
    for (const words of PHRASES.get(tokens[i].lower) ?? []) {
      // (Matched first: the rest is asked only of a phrase that is there, and every answer is read.)
      if (!matchAt(info, i, words)) continue;
      // A phrase that ends on a virtue (`enough of a priority`) is vague whatever follows.
      const virtue = VIRTUE_NOUNS.has(words[words.length - 1]) || IDIOMS.has(words.join(' '));
      // (`a low-priority alarm`, `low-quality resin`: the phrase classes a named thing.)
      const last = i + words.length - 1;
      if ((virtue || !concreteAfter(info, i + words.length)) && !(ACTIVITY_NOUNS.has(words[words.length - 1]) && modifiesNoun(info, i + words.length)) && !classesThing(info, last)) {
        return say(i, i + words.length);
      }
    }
    const w = tokens[i].lower;
    // `poor planning`, `insufficient oversight`, `not enough attention`, `a poor leader`.
    if (VAGUE_QUALIFIERS.has(w)) {
      for (const k of [i + 1, i + 2]) {
        if (classesThing(info, k)) break;
        if (vagueNounAt(info, k)) return say(i, k + 1);
        if (k === i + 1 && (w === 'poor' || w === 'bad' || w === 'weak') && CHARACTER_NOUNS.has(tokens[k]?.lower ?? '')) return say(i, k + 1);
      }
    }
    // `lack of coordination`, `lacked attention`, `absence of ownership`.
    if ((w === 'lack' || w === 'absence') && tokens[i + 1]?.lower === 'of') {
      const k = DETERMINERS_OR_ADJ.has(tokens[i + 2]?.lower ?? '') ? i + 3 : i + 2;
      if (vagueNounAt(info, k)) return say(i, k + 1);
    }
    if ((w === 'lacked' || w === 'lacking' || w === 'lacks') && vagueNounAt(info, i + 1)) return say(i, i + 2);
    // `not rigorous enough`, `not careful enough`, `was not good enough`.
    if (NEGATIONS.has(w) && QUALITY_ADJECTIVES.has(tokens[i + 1]?.lower ?? '') && (tokens[i + 2]?.lower === 'enough' || w !== 'no')) {
      if (tokens[i + 2]?.lower === 'enough' || /^(careful|thorough|rigorous|diligent|attentive|disciplined|proactive|serious|professional|responsible)$/.test(tokens[i + 1].lower)) {
        return say(i, tokens[i + 2]?.lower === 'enough' ? i + 3 : i + 2);
      }
    }
    // `don't talk to each other enough`, `did not share with one another enough`.
    if (SOFT_VERBS.has(w) && tokens.slice(Math.max(info.start, i - 3), i).some((t) => NEGATIONS.has(t.lower))) {
      const k = MUTUAL.some((m) => matchAt(info, i + 1, m)) ? i + 1 + (MUTUAL.find((m) => matchAt(info, i + 1, m))?.length ?? 0) : -1;
      if (k > 0 && (tokens[k]?.lower === 'enough' || QUALITY_ADJECTIVES.has(tokens[k]?.lower ?? ''))) {
        const from = tokens.slice(Math.max(info.start, i - 3), i).findIndex((t) => NEGATIONS.has(t.lower)) + Math.max(info.start, i - 3);
        return say(from > 0 && /^(did|do|does)$/.test(tokens[from - 1]?.lower ?? '') ? from - 1 : from, k + 1);
      }
    }
    // `wasn't as thorough as it needed to be`, `looser than they could be`, `isn't what it ought to be`:
    // measured against a standard the answer never names.
    const standard = unnamedStandardEnd(info, i);
    if (standard > 0) {
      // Quote `doesn't work the way it should` from its negation.
      let from = i;
      if (SELF.has(tokens[i + 1]?.lower ?? '')) {
        for (let k = i - 1; k >= Math.max(info.start, i - 5); k--) if (NEGATIONS.has(tokens[k].lower)) from = /^(did|do|does|is|was|are|were|has|have|had)$/.test(tokens[k - 1]?.lower ?? '') ? k - 1 : k;
      }
      return say(from, standard);
    }
    // `was never properly thought through`: a judgement of the thinking, with nothing named that was missed.
    if (NEGATIONS.has(w)) {
      let k = i + 1;
      if (/^(properly|fully|really|adequately|sufficiently|carefully|well|quite)$/.test(tokens[k]?.lower ?? '')) k++;
      // (`… thought through properly when the system went in`: a manner or a time after it adds nothing.)
      let end = k + 2;
      while (/^(properly|fully|carefully|really|enough|at|all)$/.test(tokens[end]?.lower ?? '')) end++;
      const closes = clauseEnds(info, end) || /^(when|before|after|during|at|in|for)$/.test(tokens[end]?.lower ?? '');
      if (tokens[k]?.lower === 'thought' && /^(through|out)$/.test(tokens[k + 1]?.lower ?? '') && closes) return say(i, end);
    }
    // `maintenance standards had slipped`, `discipline eroded`: a virtue said to decline, with nothing named.
    if (DECLINING.has(w)) {
      let k = i + 1;
      // `standards at the depot had slipped`: a short place between the noun and its verb.
      if (/^(at|on|in|across|within|around)$/.test(tokens[k]?.lower ?? '')) {
        let end = k + 1;
        while (end < Math.min(tokens.length, k + 5) && tokens[end].kind === 'word' && !/^(had|have|has)$/.test(tokens[end].lower) && !DECLINES.has(tokens[end].lower)) end++;
        k = end;
      }
      if (/^(had|have|has|gradually|slowly|steadily)$/.test(tokens[k]?.lower ?? '')) k++;
      if (DECLINES.has(tokens[k]?.lower ?? '')) return say(i, k + 1);
    }
    // `the safety culture is weak`, `communication was poor`: a virtue judged without saying what was missing.
    let copula = i + 1;
    // `the safety culture on site is weak`: a short place or scope between the noun and its verb.
    // `attention to detail during commissioning was lacking`: a virtue that opens the answer may carry a longer scope.
    if (VIRTUE_NOUNS.has(w) && /^(on|at|in|of|within|across|between|among|to|during|for|around|about|with|regarding)$/.test(tokens[copula]?.lower ?? '')) {
      const reach = i <= info.start + 2 ? 8 : 4;
      let k = copula + 1;
      while (k < Math.min(tokens.length, copula + reach) && tokens[k].kind === 'word' && !/^(is|was|are|were|remains|remained|has|have|had)$/.test(tokens[k].lower)) k++;
      copula = k;
    }
    // `engagement has been poor`, `communication … has never been very good`.
    if (VIRTUE_NOUNS.has(w) && /^(has|have|had)$/.test(tokens[copula]?.lower ?? '')) {
      let k = copula + 1;
      const never = tokens[k]?.lower === 'never' || tokens[k]?.lower === 'not';
      if (never) k++;
      if (tokens[k]?.lower === 'been') {
        k++;
        if (/^(too|very|quite|generally|often|rather|particularly|that)$/.test(tokens[k]?.lower ?? '')) k++;
        const judged = never ? /^(good|great|strong|clear|effective)$/.test(tokens[k]?.lower ?? '') : POOR.has(tokens[k]?.lower ?? '');
        if (judged) return say(i, k + 1);
      }
    }
    if (VIRTUE_NOUNS.has(w) && /^(is|was|are|were|remains|remained|seemed|seems)$/.test(tokens[copula]?.lower ?? '')) {
      let k = copula + 1;
      if (/^(too|very|quite|generally|often|rather)$/.test(tokens[k]?.lower ?? '')) k++;
      if (POOR.has(tokens[k]?.lower ?? '') && (tokens[k + 1] === undefined || tokens[k + 1].kind === 'punct')) return say(i, k + 1);
    }
    // `did not communicate well`, `never coordinated properly`.
    if (SOFT_VERBS.has(w) && (QUALITY_ADJECTIVES.has(tokens[i + 1]?.lower ?? '') || tokens[i + 1]?.lower === 'enough') && tokens.slice(Math.max(info.start, i - 3), i).some((t) => NEGATIONS.has(t.lower))) {
      let end = i + 2;
      if (tokens[end]?.lower === 'enough') end++;
      // `not tested properly against the schema` names what was missed.
      if (concreteAfter(info, end)) continue;
      const from = tokens.slice(Math.max(info.start, i - 3), i).findIndex((t) => NEGATIONS.has(t.lower)) + Math.max(info.start, i - 3);
      return say(from > 0 && tokens[from - 1]?.lower === 'did' ? from - 1 : from, end);
    }
  }
  // Nothing but a general word: `Because of a bug.`, `An unexpected error.`
  const content = tokens.slice(info.start).filter((t) => t.kind === 'word');
  if (content.length > 0 && content.length <= 6 && content.some((t) => EMPTY_CAUSE_WORDS.has(t.lower)) && content.every((t) => EMPTY_CAUSE_WORDS.has(t.lower) || EMPTY_CAUSE_QUALIFIERS.has(t.lower))) {
    return say(info.start, tokens.length).replace(/[.!]$/, '');
  }
  return undefined;
}

/** Whether the clause ends at `i` (punctuation or the end of the text). */
function clauseEnds(info: TextInfo, i: number): boolean {
  const t = info.tokens[i];
  return !t || (t.kind === 'punct' && t.lower !== '(');
}

/** Pronouns that stand for the thing judged (`as thorough as it needed to be`). */
const SELF = new Set(['it', 'they', 'we', 'he', 'she', 'this', 'that', 'things']);
/** Judgements of how well something is done (`as thorough as`), not measures (`as large as`). */
const JUDGED = new Set([...QUALITY_ADJECTIVES, 'tight', 'strict', 'formal', 'structured', 'organised', 'organized', 'consistent', 'joined-up', 'loose', 'lax', 'slack', 'sloppy', 'weak', 'poor', 'bad', 'reliable', 'disciplined']);
const JUDGED_COMPARATIVES = new Set(['looser', 'tighter', 'weaker', 'stronger', 'poorer', 'better', 'worse', 'sloppier', 'slacker', 'laxer', 'clearer', 'stricter', 'sharper']);
/** Verbs of a standard: what the thing should, could or needed to be. */
const STANDARD_VERBS = new Set(['needed', 'need', 'needs', 'should', 'ought', 'could', 'might', 'must', 'would', 'had', 'has', 'have', 'used']);

/**
 * Where a comparison with an unnamed standard ends, if one starts at `i`: `[not] as thorough as it
 * needed to be`, `looser than they could be`, `[not] what it ought to be`. The standard must close
 * the clause: `not as fast as it needed to be to fill the tank in ten minutes` names one.
 */
function unnamedStandardEnd(info: TextInfo, i: number): number {
  const tokens = info.tokens;
  const w = tokens[i].lower;
  let k: number;
  if (w === 'as' && JUDGED.has(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'as') {
    // Only a shortfall: `as good as it could be` praises.
    if (!tokens.slice(Math.max(info.start, i - 3), i).some((t) => NEGATIONS.has(t.lower))) return -1;
    k = i + 3;
  } else if (w === 'what' && NEGATIONS.has(tokens[i - 1]?.lower ?? '') && tokens[i - 2]?.key === 'be') {
    k = i + 1;
  } else if (((w === 'way' && tokens[i - 1]?.lower === 'the') || w === 'how' || w === 'as') && SELF.has(tokens[i + 1]?.lower ?? '')) {
    // `it just doesn't work the way it should`, `not run as it should`.
    if (!tokens.slice(Math.max(info.start, i - 5), i).some((t) => NEGATIONS.has(t.lower))) return -1;
    k = i + 1;
  } else if (JUDGED_COMPARATIVES.has(w) && tokens[i + 1]?.lower === 'than') {
    k = i + 2;
  } else if ((w === 'more' || w === 'less') && JUDGED.has(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'than') {
    k = i + 3;
  } else return -1;
  if (!SELF.has(tokens[k]?.lower ?? '') || !STANDARD_VERBS.has(tokens[k + 1]?.lower ?? '')) return -1;
  k += 2;
  if (tokens[k]?.lower === 'to') k++;
  if (tokens[k]?.lower === 'have' && tokens[k + 1]?.lower === 'been') k += 2;
  else if (tokens[k]?.lower === 'be' || tokens[k]?.lower === 'been') k++;
  return clauseEnds(info, k) ? k : -1;
}

/** `to each other`, `with one another`: working together, without a named message. */
const MUTUAL = [['to', 'each', 'other'], ['with', 'each', 'other'], ['to', 'one', 'another'], ['with', 'one', 'another']];
/** What may be said to decline without naming anything (`standards slipped`). */
const DECLINING = new Set([...VIRTUE_NOUNS, 'standards', 'quality', 'housekeeping']);
const DECLINES = new Set(['slipped', 'slid', 'declined', 'deteriorated', 'eroded', 'lapsed', 'weakened', 'worsened', 'degraded', 'waned', 'drifted', 'suffered']);

/** Judgements of a virtue (`the culture is weak`). */
const POOR = new Set(['weak', 'poor', 'bad', 'lacking', 'insufficient', 'inadequate', 'low', 'lax', 'immature', 'broken', 'missing', 'absent', 'toxic', 'unhealthy', 'patchy', 'spotty', 'haphazard', 'sloppy', 'inconsistent', 'uneven', 'loose', 'chaotic', 'disorganised', 'disorganized', 'piecemeal', 'siloed']);

/**
 * Whether the answer also states a concrete mechanism after the vague words: a reason clause
 * (`since …`, `because …`, `as …`, `so …`) with its own subject and verb that names a part of
 * the system of work (`…, since the dispensing system lets a check go ahead without a scan`).
 */
function mechanismAfter(info: TextInfo, phrase: string): boolean {
  const tokens = info.tokens;
  const at = info.text.indexOf(phrase);
  for (let i = info.start + 1; i < tokens.length; i++) {
    if (info.starts[i] < at + phrase.length) continue;
    if (!/^(since|because|as|so)$/.test(tokens[i].lower)) continue;
    const clause = { from: i + 1, to: tokens.length };
    const end = tokens.findIndex((t, k) => k > i && (t.lower === '.' || t.lower === ';'));
    const range = { from: clause.from, to: end > 0 ? end : tokens.length };
    // A clause of its own (a subject and a verb), or at least four words of substance.
    const words = tokens.slice(range.from, range.to).filter((t) => t.kind !== 'punct' && !STOP_WORDS.has(t.lower));
    if (finiteVerbOf(tokens, range) < 0 && words.length < 4) continue;
    if (words.some((t) => SYSTEM_NOUNS.has(t.lower) || t.kind === 'number')) return true;
  }
  return false;
}

const DETERMINERS_OR_ADJ = new Set(['a', 'an', 'the', 'any', 'real', 'proper', 'general', 'clear', 'sufficient', 'adequate', 'enough']);

/** Judges one answer: vague when it rests on an unfalsifiable phrase with nothing concrete after it. */
export const judgeVague: AnswerJudge = (answer) => {
  const phrase = vaguePhraseOf(answer);
  if (!phrase || mechanismAfter(answer, phrase)) return undefined;
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
