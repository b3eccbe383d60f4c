import type { Rule } from '../findings';
import { clauseStart, coordinatedClauses, finiteVerbOf, isFiniteVerbAt, sentences } from '../reasoning/clauses';
import { BLAME_PHRASES, DETERMINERS, PERSON_NOUNS, STOP_WORDS, SYSTEM_NOUNS } from '../reasoning/lexicon';
import { judgeAnswers, perText, type AnswerJudge, type TextInfo } from '../reasoning/steps';
import { endOf, sliceOf, type Token } from '../reasoning/tokens';

/** Phrases by their first word, so a word is compared only with the phrases it could start. */
const PHRASES = new Map<string, string[][]>();
for (const phrase of BLAME_PHRASES) {
  const words = phrase.split(/\s+/);
  PHRASES.set(words[0], [...(PHRASES.get(words[0]) ?? []), words]);
}

/** Verbs of a slip on their own (`the engineer forgot …`). */
const SLIPS = new Set(`forgot forget forgets misconfigured misconfigures mistyped ignored ignores overlooked missed
  misread misjudged neglected disregarded botched`.split(/\s+/));

/** Verbs that are a slip only with a sign of error nearby (`entered the wrong value`). */
const ACTS = new Set(`entered typed deleted dropped clicked selected picked chose pushed ran approved merged applied
  gave administered loaded shipped sent set changed used put removed worked read fitted installed connected
  labelled labeled filed booked programmed configured dispensed prescribed measured recorded wrote`.split(/\s+/));
const ERROR_SIGNS = new Set(['wrong', 'wrongly', 'incorrect', 'incorrectly', 'improperly', 'mistakenly', 'accidentally', 'instead', 'erroneously', 'carelessly', 'inadvertently']);

const LACK_CUES = new Set(['no', 'without', 'missing', 'lack', 'lacked', 'lacking', 'absence', 'absent', 'nothing', 'never']);
const REASON_CUES = new Set(['because', 'since', 'as', 'so', 'when', 'after', 'while']);

/**
 * Whether a system noun carries the cause: it is missing (`no checklist`, `without a
 * confirmation`), it acts (`the form accepted …`), or a reason clause names it (`… because the
 * labels looked alike`).
 */
function systemCarries(info: TextInfo): boolean {
  const tokens = info.tokens;
  let reason = false;
  for (let i = info.start; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (REASON_CUES.has(w) && i > info.start) reason = true;
    if (!SYSTEM_NOUNS.has(w)) continue;
    // `never bothered to check the queue`: a verb after `to`, not a missing check.
    if (tokens[i - 1]?.lower === 'to' && DETERMINERS.has(tokens[i + 1]?.lower ?? '')) continue;
    if (reason) return true;
    for (let k = Math.max(info.start, i - 4); k < i; k++) if (LACK_CUES.has(tokens[k].lower)) return true;
    for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) {
      // `the systems librarian skipped …`: a system noun that qualifies a person is not what acts.
      // (`the policy and chose …`: a verb after `and` is the person's.)
      if (tokens[k].kind === 'punct' || PERSON_NOUNS.has(tokens[k].lower) || tokens[k].lower === 'and' || tokens[k].lower === 'or') break;
      if (isFiniteVerbAt(tokens, k, i)) return true;
    }
  }
  return false;
}

/** Acts that do harm on their own when a person is their subject (`Sam deleted it`, `the drivers skip the gauge`). */
const HARMFUL_ACTS = new Set(`deleted removed dropped disabled muted silenced overwrote overwritten wiped truncated
  unplugged bypassed overrode skipped skip skips bypass bypasses override overrides disable disables`.split(/\s+/));

/** Verbs after `did not` / `never` that state a gap in knowledge or means, not a slip. */
const NOT_SLIPS = new Set(`know knew understand understood realise realize realised realized expect expected have had
  get got receive received hear heard communicate coordinate collaborate align agree exist need want arrive arrived
  reach reached see saw seen`.split(/\s+/));

/**
 * First words of the slip phrases that machines do too (`the controllers ignored the push`): they
 * blame only with a person, or a word that may be one, as subject. (`forgot` stays a slip
 * whatever the subject: the person lists cannot name every role, `the deputy head forgot …`.)
 */
const VERB_PHRASE_STARTS = new Set(['ignored', 'disregarded']);

/**
 * Whether the words at `at` belong to a clause whose subject names a thing, not a person
 * (`Controllers on firmware 3.1 ignored …`, `The scheduler forgot …`).
 */
function thingDoes(info: TextInfo, at: number): boolean {
  const tokens = info.tokens;
  for (const s of sentences(tokens, { from: info.start, to: tokens.length })) {
    if (at < s.from || at >= s.to) continue;
    for (const clause of coordinatedClauses(tokens, s)) {
      if (at < clause.from || at >= clause.to) continue;
      const start = clauseStart(tokens, clause);
      const v = finiteVerbOf(tokens, clause);
      const end = v > start ? Math.min(v, at) : at;
      const subject = tokens.slice(start, end).filter((t) => t.kind === 'word' && !DETERMINERS.has(t.lower));
      if (subject.length === 0 || subject.some((t) => PERSON_NOUNS.has(t.lower) || /^(he|she|they|we|i|you|someone|somebody|nobody|everyone|anyone)$/.test(t.lower))) return false;
      // A lone capitalised word may be a name (`Sam ignored the alert`).
      return !(subject.length === 1 && /^[A-Z][a-z]+$/.test(subject[0].text));
    }
  }
  return false;
}

/** Nouns of what a person decided or got wrong (`the drivers' own decision`). */
const PERSONAL_ACTS = new Set(['decision', 'choice', 'call', 'fault', 'mistake', 'error', 'slip', 'oversight', 'doing', 'carelessness', 'negligence']);

/**
 * Where `left X off` (`open`, `out`, `unlocked`, `disabled`) ends, if the verb at `k` starts one: a
 * thing a person left in a harmful state, said at the end of the clause.
 */
function leftUndone(tokens: readonly Token[], k: number, end: number): number {
  if (tokens[k]?.lower !== 'left') return -1;
  for (let n = k + 2; n < Math.min(end, k + 7); n++) {
    if (tokens[n].kind === 'punct') return -1;
    const closes = n + 1 >= end || tokens[n + 1].kind === 'punct' || /^(on|in|at|for|when|after|before|during|since|until)$/.test(tokens[n + 1].lower);
    if (/^(off|out|open|unlocked|disabled|unset|running|unpatched|unplugged|unchecked)$/.test(tokens[n].lower) && closes) return n + 1;
  }
  return -1;
}

/** Verbs of a person's choice (`chose to`, `refused`). */
const CHOICES = new Set(['chose', 'decided', 'opted', 'elected', 'refused', 'declined']);

/** Words that judge a person's character (`was careless`, `a poor leader`). */
const CHARACTER = new Set(['careless', 'lazy', 'sloppy', 'negligent', 'inattentive', 'incompetent', 'reckless', 'complacent', 'distracted']);

/** The words that put the cause on a person, if any. */
export const blameOf = perText(blamedIn);

function blamedIn(info: TextInfo): string | undefined {
  const tokens = info.tokens;
  const say = (from: number, to: number): string => sliceOf(info.text, info, from, Math.min(to, tokens.length));
  // A person as the subject of a slip: `The engineer forgot …`, `the nurse did not check …`, `she never added …`.
  for (const s of sentences(tokens, { from: info.start, to: tokens.length })) {
    for (const clause of coordinatedClauses(tokens, s)) {
      const start = clauseStart(tokens, clause);
      const v = finiteVerbOf(tokens, clause);
      // `The drivers skip the gauge`: a plural present verb has no ending to know it by; right after a person it is one.
      const at = DETERMINERS.has(tokens[start]?.lower ?? '') ? start + 1 : start;
      if (at + 1 < clause.to && PERSON_NOUNS.has(tokens[at].lower) && HARMFUL_ACTS.has(tokens[at + 1].lower) && (v < 0 || v > at + 1)) return say(start, at + 2);
      // `The developer who wrote the sequence chose to put it there`: past the person's relative clause, their choice or slip.
      if (v < 0 && PERSON_NOUNS.has(tokens[at]?.lower ?? '') && tokens[at + 1]?.lower === 'who') {
        const k = tokens.findIndex((t, n) => n > at + 2 && n < clause.to && (CHOICES.has(t.lower) || SLIPS.has(t.lower) || leftUndone(tokens, n, clause.to) > 0));
        const undone = k > 0 ? leftUndone(tokens, k, clause.to) : -1;
        if (undone > 0) return say(start, undone);
        if (k > 0 && !tokens.slice(k + 2, clause.to).some((t) => t.lower === 'to' || REASON_CUES.has(t.lower))) return say(start, tokens[k + 1]?.lower === 'to' ? k + 3 : k + 1);
      }
      if (v < 0) continue;
      // The verb's own subject: after a `, and` that joined a part with no clause of its own
      // (`Operators work to the lamp and the stop bar, and the lamp never came on`), a new one starts.
      let from = start;
      for (let k = start + 1; k < v; k++) if (tokens[k].lower === 'and' && tokens[k - 1].lower === ',') from = k + 1;
      let person = false;
      for (let k = from; k < v; k++) if (PERSON_NOUNS.has(tokens[k].lower)) person = true;
      if (!person) continue;
      // `…, with local passwords disabled`: a participle after `with` describes a thing; it is no person's act.
      if (tokens.slice(start, v).some((t) => t.lower === 'with' || t.lower === 'without')) continue;
      const verb = tokens[v].lower;
      const next = tokens[v + 1]?.lower ?? '';
      const after = tokens[v + 2]?.lower ?? '';
      const subject = say(start, v);
      // `dropped the ball` is an idiom with no act in it (`vague`'s business).
      if (verb === 'dropped' && next === 'the' && after === 'ball') continue;
      if (SLIPS.has(verb) || HARMFUL_ACTS.has(verb)) return `${subject} ${tokens[v].text}`;
      // `The engineer put it in during the service and didn't take it out again`: a second act of the
      // same person, left undone.
      for (let k = v + 1; k < clause.to - 2; k++) {
        if (tokens[k].lower !== 'and') continue;
        const at = tokens[k + 1].lower === 'never' ? k + 2 : tokens[k + 1].lower === 'did' && tokens[k + 2].lower === 'not' ? k + 3 : -1;
        if (at > 0 && tokens[at]?.kind === 'word' && !NOT_SLIPS.has(tokens[at].lower) && !STOP_WORDS.has(tokens[at].lower)) return say(start, at + 1);
      }
      // `The technician left the valve open`, `left the DR gateway off`.
      const undone = leftUndone(tokens, v, clause.to);
      if (undone > 0) return say(start, undone);
      // `never got round to patching it`: an idiom of a task left undone.
      if ((verb === 'got' || verb === 'get') && /^(round|around)$/.test(next) && after === 'to' && tokens.slice(start, v).some((t) => t.lower === 'never')) return say(start, v + 3);
      if (tokens[v - 1]?.lower === 'never' && v - 1 > start) {
        if (!NOT_SLIPS.has(verb)) return say(start, v + 1);
        continue;
      }
      if ((verb === 'did' && (next === 'not' || next === 'never')) || verb === 'never' || ((verb === 'failed' || verb === 'neglected' || verb === 'forgot') && next === 'to')) {
        const main = verb === 'never' ? next : after;
        const idiom = (main === 'get' || main === 'got') && /^(round|around)$/.test(tokens[verb === 'never' ? v + 2 : v + 3]?.lower ?? '');
        if (idiom) return say(start, verb === 'never' ? v + 4 : v + 5);
        if (!NOT_SLIPS.has(main)) return say(start, verb === 'never' ? v + 2 : v + 3);
        continue;
      }
      if ((verb === 'was' || verb === 'were' || verb === 'is') && (CHARACTER.has(next) || ((next === 'a' || next === 'an') && /^(poor|bad|weak|careless|sloppy|lazy)$/.test(after)))) {
        return say(start, next === 'a' || next === 'an' ? v + 4 : v + 2);
      }
      // `the architect refused every exception`, `the developer chose to put it there`: a person's
      // choice, with no reason given that a system could own (`… to meet the cut-off`, `… because …`).
      if (CHOICES.has(verb) && !tokens.slice(v + 2, clause.to).some((t) => t.lower === 'to' || REASON_CUES.has(t.lower))) {
        return say(start, next === 'to' ? v + 3 : v + 1);
      }
      if (verb === 'made' && (next === 'a' || next === 'an') && /^(mistake|error|slip|typo)$/.test(after)) return say(start, v + 3);
      if (ACTS.has(verb) && tokens.slice(v + 1, clause.to).some((t) => ERROR_SIGNS.has(t.lower))) return `${subject} ${tokens[v].text}`;
      // `the fitter signed the brake off without measuring it`: a person's act with a step left out.
      const without = tokens.findIndex((t, k) => k > v && k < clause.to - 1 && t.lower === 'without' && /^[a-z]{3,}ing$/.test(tokens[k + 1].lower));
      if (without > 0 && !tokens.slice(v, without).some((t) => /^(could|can|would|was|were|is|are|been|be)$/.test(t.lower))) return say(start, without + 2);
    }
  }
  // `It was the drivers' own decision to push on`, `the fitter's mistake`: the cause named as a person's act.
  for (let i = info.start; i < tokens.length - 1; i++) {
    if (!PERSON_NOUNS.has(tokens[i].lower) || !/^['’]/.test(info.text.slice(endOf(info, i), endOf(info, i) + 1))) continue;
    const k = tokens[i + 1].lower === 'own' ? i + 2 : i + 1;
    // (`the nurse's call bell` names a thing: the act must end its phrase.)
    const after = tokens[k + 1];
    if (PERSONAL_ACTS.has(tokens[k]?.lower ?? '') && (!after || after.kind === 'punct' || /^(to|and|was|is|that|not)$/.test(after.lower))) return say(i, k + 1);
  }
  // A word for a personal slip without a subject: `Human error.`, `a mistake`, `accidentally`.
  for (let i = info.start; i < tokens.length; i++) {
    for (const words of PHRASES.get(tokens[i].lower) ?? []) {
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k]?.lower === words[k];
      // `Controllers on firmware 3.1 ignored the push`: a verb of a slip whose subject is a thing.
      if (ok && VERB_PHRASE_STARTS.has(words[0]) && thingDoes(info, i)) ok = false;
      if (ok) return say(i, i + words.length);
    }
  }
  return undefined;
}

/** Judges one answer: blame when it stops at a person's slip and no part of the system carries the cause. */
export const judgeBlame: AnswerJudge = (answer) => {
  const words = blameOf(answer);
  if (!words || systemCarries(answer)) return undefined;
  return {
    message: `The answer stops at a person (“${words}”): people slip in every system, so this names nothing to fix. Ask what let the slip through (which check, default, design or workload made it possible) and answer with that.`,
    evidence: [words],
  };
};

/** `blame`: an answer that stops at a person or “human error” instead of the system that let it through. */
export const blameRule: Rule = {
  code: 'blame',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'An answer that stops at a person',
  explanation:
    '“Human error” or “the engineer forgot” is where the analysis should start, not end: the same slip will happen to the next person unless something changes. Ask what made the slip possible or kept it from being caught (a missing check, a confusing default, an overloaded shift) and name that.',
  check({ analysis }) {
    return judgeAnswers('blame', analysis, judgeBlame);
  },
};
