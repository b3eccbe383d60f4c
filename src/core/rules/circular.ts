import type { Rule } from '../findings';
import { clauseStart, finiteVerbOf, sentences, subjectHeadEnd } from '../reasoning/clauses';
import { phrasesOf } from '../reasoning/evidence';
import { PREPOSITIONS } from '../reasoning/lexicon';
import { judgeActionAsCause } from './actionAsCause';
import { sameFamily, type Concept } from '../reasoning/similarity';
import { stem } from '../reasoning/stem';
import { judgeAnswers, shorten, type AnswerJudge, type TextInfo, type Verdict } from '../reasoning/steps';

/** Words that add no cause to a restatement (`at the time`, `in that case`, `no longer`, `properly`). */
const FILLER = new Set([
  ...['past', 'time', 'point', 'moment', 'period', 'fact', 'way', 'case', 'result', 'complet', 'total', 'entir', 'suddenli', 'simpli', 'longer', 'properli', 'correctli', 'enough', 'yet', 'still', 'again', 'alreadi', 'realli', 'actual', 'agre', 'promis', 'expect'],
  // Words of measure and manner that name no cause (`set to a low level`, `all it was able to hold`, `straight away`).
  ...['level', 'amount', 'degree', 'extent', 'able', 'unable', 'hold', 'held', 'attached', 'straight', 'away', 'end', 'beyond', 'each', 'every', 'new', 'low', 'high', 'logic'].map(stem),
]);

/** Verbs that restate without adding a cause (`were set up to cover` = `are scoped to`). */
const WEAK = new Set(['tell', 'told', 'sai', 'said', 'prescrib', 'instruct', 'stai', 'remain', 'set', 'make', 'get', 'go', 'keep', 'happen', 'come', 'put', 'give', 'show', 'seem', 'appear', 'becom', 'still', 'just', 'thing', 'take', 'run', 'turn', 'leav', 'allow', 'slip', 'issu', 'store', 'creat', 'send', 'sent', 'fire']);

/**
 * Whether a concept is the object of a comparison (`faster than it was allowed to`, `lagging behind
 * the producers`, `slower than expected`): it measures the restated state, it names no cause.
 */
function comparedTo(info: TextInfo, c: Concept): boolean {
  for (let k = c.from - 1; k >= info.start; k--) {
    const t = info.tokens[k];
    if (t.kind === 'punct' || OPENERS.has(t.lower) && t.lower !== 'than' && t.lower !== 'by') return false;
    if (t.lower === 'than') return true;
    if (t.lower === 'behind' && k > info.start && STATES[info.tokens[k - 1].key] === 'timely') return true;
    // `trailing the primary by a large amount of WAL`: what a lagging verb is measured against, and by how much.
    if (STATES[t.key] === 'timely' && t.lower.endsWith('ing')) return true;
  }
  return false;
}

/**
 * A state and its opposite name one thing (`late` and `not on time`, `invalid` and `not valid`,
 * `missing` and `not included`, `stale` and `not refreshed`): for a restatement only the thing
 * matters. Word keys → the state they are about.
 */
const STATES: Record<string, string> = {};
const state = (name: string, words: string): void => {
  for (const w of words.split(/\s+/)) STATES[stem(w)] = name;
};
state('timely', 'slow late lateness delay delayed overdue ready punctual prompt tardy');
state('valid', 'valid invalid validity validation validate validated expire expired expires expiry expiration ttl');
state('include', 'include included includes contain contained carry carried carries missing omit omitted omission lack lacked exclude excluded absent record recorded list listed');
state('inventory', 'inventory register registry catalogue catalog ledger');
state('assign', 'assign assigned assigning assignment allocate allocated allocation pair paired pairing dispatch dispatched dispatcher');
state('fresh', 'fresh stale refresh refreshed update updated current outdated');
state('enough', 'enough sufficient insufficient shortage short');
state('work', 'work worked working unattended attended neglected untouched watch watched watching unwatched unmonitored staffed unstaffed manned unmanned');
state('open', 'open opened close closed shut');
state('arrive', 'arrive arrived arrives arrival receive received receives reach reached');
// Restating verbs and their adjectives: falling behind is lagging; overspeeding is turning faster;
// catching is noticing, spotting, detecting.
state('timely', 'behind lag lagging lagged trail trailing trailed long longer slower slowly');
state('speed', 'overspeed overspeeding overspeeded overspun fast faster speed speeding race raced racing');
state('previous', 'last previous prior');
state('attempt', 'attempt attempts try tries retry retries retried');
state('backoff', 'backoff back-off wait waiting waited pause pausing');
state('heat', 'overheat overheated overheating hot hotter heat heated warm warmer');
state('monitor', 'monitor monitors monitored monitoring check checks checked checking');
state('unnot', 'unnoticed undetected catch caught notice noticed spot spotted detect detected flag flagged overlook overlooked');
state('increas', 'pile piling piled accumulate accumulated accumulating mount mounting mounted');

/** Words that deny the state after them (`not`, `no longer`, `never`, `failed to`). */
const NEGATORS = new Set(['not', 'never', 'no', 'without', 'nor']);

/** Words that succeed: denied (`did not succeed`), they say `fail`. */
const SUCCESS = new Set(['succeed', 'success', 'successful', 'successfully', 'complete', 'completed', 'finish', 'finished'].map(stem));

/**
 * Words of when (`at night`, `outside office hours`, `on weekends`): when the question already
 * says when its event happened, the answer's own `when` adds no cause.
 */
const WHEN = new Set(
  ['night', 'nights', 'overnight', 'evening', 'evenings', 'morning', 'mornings', 'weekend', 'weekends', 'holiday', 'holidays',
    'hour', 'hours', 'office', 'business', 'outside', 'after', 'shift', 'shifts', 'daytime', 'nighttime'].map(stem),
);

/** The state a concept names (a word of `STATES`), else its own key. */
function meaning(c: Concept): string {
  return STATES[c.key] ?? c.key;
}

/**
 * Words whose state the synonym groups fold away: `valid` is there a kind of check
 * (`validate`), and `missed` shares its stem with `missing`.
 */
const SURFACE: Record<string, string> = { valid: 'valid', invalid: 'valid', missed: 'unnot' };

/** The state a concept of a text names, by its word as written first (see `SURFACE`). */
function meaningIn(info: TextInfo, c: Concept): string {
  return (c.to - c.from === 1 ? SURFACE[info.tokens[c.from].lower] : undefined) ?? meaning(c);
}

function isFiller(c: Concept): boolean {
  return FILLER.has(c.key) || (c.to - c.from === 1 && WEAK.has(c.key));
}

/** Whether a concept is denied by a word shortly before it (`not ready`, `no longer valid`, `didn't include`). */
function negated(info: TextInfo, c: Concept): boolean {
  for (let k = c.from - 1; k >= Math.max(info.start, c.from - 3); k--) {
    const w = info.tokens[k].lower;
    if (NEGATORS.has(w)) return true;
    if (info.tokens[k].kind === 'punct') return false;
  }
  return false;
}

/**
 * A participle that only qualifies the asked noun before it (`not enough time scheduled for it`,
 * `the space allocated to logs`): it says where the thing was meant to be, not why.
 */
function qualifiesAsked(info: TextInfo, c: Concept, before: Concept | undefined, asked: ReadonlySet<string>): boolean {
  if (!before || c.to - c.from !== 1 || before.to !== c.from || !asked.has(meaning(before))) return false;
  const t = info.tokens[c.from];
  const next = info.tokens[c.to];
  return /ed$/.test(t.lower) && (!next || next.kind === 'punct' || PREPOSITIONS.has(next.lower));
}

/** Words after the answer's first words that open another clause: a reason, a time, a relative. */
const OPENERS = new Set(['because', 'since', 'as', 'so', 'when', 'after', 'while', 'which', 'who', 'until', 'before', 'and', 'but', 'or', 'whereas', 'although', 'though', 'once', 'if', 'unless', 'than', 'that', 'by']);

/**
 * A short answer of one clause: its subject's head and the meanings of its predicate
 * (`the renewal requests | didn't include the flag` → `request` | `include`, `flag`). Undefined
 * when the answer says more (another clause, a figure, a reason).
 */
function clauseOf(info: TextInfo): { head?: Concept; predicate: Set<string>; denied: boolean } | undefined {
  const tokens = info.tokens;
  const all = sentences(tokens, { from: info.start, to: tokens.length });
  if (all.length !== 1) return undefined;
  const range = all[0];
  const words = tokens.slice(range.from, range.to).filter((t) => t.kind === 'word');
  if (words.length > 14 || tokens.slice(range.from, range.to).some((t) => t.kind === 'number' || t.lower === ',' || t.lower === ';')) return undefined;
  if (words.some((t) => OPENERS.has(t.lower))) return undefined;
  const verb = finiteVerbOf(tokens, range);
  if (verb < 0) return undefined;
  const start = clauseStart(tokens, range);
  const end = subjectHeadEnd(tokens, range, verb);
  const subject = info.concepts.filter((c) => c.from >= start && c.to <= end && !c.generic);
  const predicate = info.concepts.filter((c) => c.from > verb - 1 && !isFiller(c));
  const meanings = new Set(predicate.map(meaning));
  const denied = predicate.some((c) => negated(info, c) || (c.from === verb + 1 && /^(not|never)$/.test(tokens[verb + 1]?.lower ?? ''))) || tokens.slice(verb, verb + 3).some((t) => NEGATORS.has(t.lower));
  return { head: subject[subject.length - 1], predicate: meanings, denied };
}

/** Words that say something went on (`kept`, `continued`): it was not stopped. */
const KEPT_GOING = new Set(['kept', 'keep', 'keeps', 'continued', 'continue', 'continues']);
/** `slow`, `slowly`, `slower`: a speed as much as a lateness. */
const SLOW = new Set(['slow', 'slowly', 'slower']);

/** Judges one answer: circular when it names nothing the question does not (or only restates its state). */
export const judgeCircular: AnswerJudge = (answer, question, { previous }) => {
  if (!question) return undefined;
  // A remedy (`Run the check on every edit`) repeats words of the question but is no restatement: `action-as-cause` speaks to it.
  if (judgeActionAsCause(answer, question, { detectionFramed: false })) return undefined;
  // What the question asks about includes the answer it follows from (`Why did it overspeed?`
  // after `the rotor reached 17.8 rpm`): saying that again is no cause either.
  const said = previous ? [question, previous] : [question];
  const asked = new Set<string>();
  for (const info of said) {
    for (const c of info.concepts) {
      asked.add(meaning(c));
      // `the crack was missed`: went unnoticed (its stem is the one of `missing`, which is absent).
      asked.add(meaningIn(info, c));
      // `kept running`, `continued` say it was not stopped (`nothing stopped it` says it again).
      if (c.to - c.from === 1 && KEPT_GOING.has(info.tokens[c.from].lower)) asked.add('stop');
      // `running so slowly` is a speed as much as a lateness.
      if (c.to - c.from === 1 && SLOW.has(info.tokens[c.from].lower)) asked.add('speed');
      // `not worked` is one concept (`fail`) that also says its own word's state (`work`).
      if (c.phrase) for (let k = c.from; k < c.to; k++) if (STATES[info.tokens[k].key]) asked.add(STATES[info.tokens[k].key]);
    }
  }
  // Keys of one word family count as one (`automated`, `automatically`).
  // (Each key looked up once: the filters below ask about the same concepts again and again.)
  const known = new Map<string, boolean>();
  const knows = (key: string): boolean => {
    if (asked.has(key)) return true;
    let found = known.get(key);
    if (found === undefined) {
      found = false;
      for (const k of asked) {
        if (sameFamily(k, key)) {
          found = true;
          break;
        }
      }
      known.set(key, found);
    }
    return found;
  };
  const isAsked = (c: Concept): boolean => knows(meaning(c)) || knows(meaningIn(answer, c));
  // A question that itself denies something (`Why did validation fail?`, `Why didn't they carry …?`) is about a failed state.
  const questionFails = question.concepts.some((c) => c.key === 'fail') || question.tokens.some((t) => NEGATORS.has(t.lower));
  const all = answer.concepts.filter((c, k) => (!isFiller(c) || isAsked(c)) && !qualifiesAsked(answer, c, answer.concepts[k - 1], asked) && !comparedTo(answer, c));
  // A bare restatement of one general word (`Because of the error.`) is `vague`'s business.
  if (all.length === 0 || all.every((c) => c.generic)) return undefined;
  // `The system was slow` for `Why was the page slow?`: a general noun adds no cause.
  const own = all.filter((c) => !c.generic);
  // `the write did not succeed` for `Why did the write fail?`: a denied success is the failure asked about.
  const failed = (c: Concept): boolean => questionFails && asked.has('fail') && SUCCESS.has(c.key) && negated(answer, c);
  if (own.every((c) => isAsked(c) || failed(c))) return verdict(answer, said, own);
  // `nobody reads it outside office hours` for `Why did nobody read the inbox at night?`: when the
  // question already says when, the answer's only new words say when again.
  const questionWhen = question.concepts.some((c) => WHEN.has(c.key));
  if (questionWhen) {
    const rest = own.filter((c) => !WHEN.has(c.key));
    if (rest.length > 0 && rest.length < own.length && rest.some((c) => isAsked(c) && !isFiller(c)) && rest.every((c) => isAsked(c))) return verdict(answer, said, own);
  }
  const clause = clauseOf(answer);
  if (!clause || clause.predicate.size === 0) return undefined;
  const predicateAsked = [...clause.predicate].every((m) => knows(m) || (m === 'fail' && questionFails));
  if (!predicateAsked) return undefined;
  // `The renewal requests didn't include the flag` for `Why didn't the requests carry the flag?`:
  // the same thing (a narrower name for it) in the same state.
  if (clause.head && isAsked(clause.head)) return verdict(answer, said, own.filter((c) => isAsked(c)));
  // `The signatures were no longer valid` for `Why did validation fail?`: the predicate alone says the whole question again.
  const focus = question.concepts.filter((c) => !c.generic && !isFiller(c) && c.key !== 'fail');
  if (focus.length > 0 && clause.denied && questionFails && focus.every((c) => clause.predicate.has(meaning(c)))) {
    return verdict(answer, said, own.filter((c) => clause.predicate.has(meaning(c))));
  }
  return undefined;
};

/** `said`: the question, then the answer it follows from. */
function verdict(answer: TextInfo, said: readonly TextInfo[], own: readonly Concept[]): Verdict {
  const meanings = new Set(own.map(meaning));
  const repeated = phrasesOf(answer, own);
  const echoed: string[] = [];
  let fromPrevious = false;
  said.forEach((info, k) => {
    const says = (c: Concept): boolean => meanings.has(meaning(c)) || (c.phrase && info.tokens.slice(c.from, c.to).some((t) => meanings.has(STATES[t.key] ?? '')));
    for (const phrase of phrasesOf(info, info.concepts.filter(says))) {
      if (echoed.includes(phrase)) continue;
      echoed.push(phrase);
      if (k > 0) fromPrevious = true;
    }
  });
  const body = answer.text.slice(answer.starts[answer.start] ?? 0).trim();
  const what = fromPrevious ? 'the question and the answer before it' : 'the question';
  return {
    message: `The answer “${shorten(body)}” restates ${what} (“${repeated.join(' … ')}” says “${echoed.join(' … ')}” again): it names no cause. Say what made it happen.`,
    evidence: [...repeated, ...echoed.filter((e) => !repeated.includes(e))],
  };
}

/** `circular`: an answer that restates its question (“Why did the disk fill up?” “It ran out of space.”). */
export const circularRule: Rule = {
  code: 'circular',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'An answer that restates its question',
  explanation:
    'An answer that says the question again in other words (“the disk filled up because it ran out of space”) names no cause, so the chain stops without explaining anything. Say what made it happen: what changed, what was missing, what grew.',
  check({ analysis }) {
    return judgeAnswers('circular', analysis, judgeCircular, { previous: true });
  },
};
