import type { Rule } from '../findings';
import { sentences } from '../reasoning/clauses';
import { AMBIGUOUS_IMPERATIVES, DETERMINERS, IMPERATIVE_VERBS, PERSON_NOUNS } from '../reasoning/lexicon';
import { judgeAnswers, perText, shorten, type AnswerJudge, type TextInfo } from '../reasoning/steps';
import { endOf, sliceOf, type Token } from '../reasoning/tokens';

/** Subjects that make `should`/`must`/`need to` a proposal (`we should`, `the team must`). */
const PROPOSERS = new Set(['we', 'you', 'they', 'i', 'everyone', 'someone', 'somebody', 'us', 'one']);

/** Departments and functions that propose or own remedies (`HR should benchmark bands`). */
const DEPARTMENTS = new Set(
  `hr qa it ops legal finance procurement management leadership sales support security marketing engineering product
  pharmacy maintenance planning purchasing operations compliance admin administration dispatch logistics quality`.split(/\s+/),
);

/** Participles that make a passive remedy (`a check should be added`). */
const REMEDY_PARTICIPLES = new Set(
  `added implemented introduced reviewed updated validated checked tested enforced required documented trained monitored
  automated increased reduced limited set configured changed replaced removed fixed improved created installed enabled
  disabled established defined scheduled migrated upgraded standardized standardised rewritten refactored restricted
  blocked capped rotated audited tracked logged alerted made put given provided hired`.split(/\s+/),
);

/** Verbs that report what someone said or planned: a `should` after them is history, not a proposal. */
const REPORTING = new Set(
  `said says recommended recommends advised advises stated states agreed decided planned required expected meant warned
  suggested suggests noted notes wrote documented specified assumed believed thought knew`.split(/\s+/),
);

/** Words that open a subordinate clause after an order (`Make the script exit non-zero when …`). */
const SUBORDINATE = new Set(['when', 'if', 'before', 'after', 'because', 'since', 'until', 'unless', 'so', 'whenever', 'once', 'while']);

const NOUN_AFTER_IMPERATIVE = /^(up|in|out|on|off)$/;

/** Adjectives of a wanted improvement (`we need better alerts`, `they need more training`). */
const WANT_ADJECTIVES = new Set(['more', 'better', 'proper', 'stronger', 'clearer', 'tighter', 'new', 'regular', 'stricter', 'additional', 'extra', 'dedicated', 'formal']);

/** Labels of a remedy (`Recommendation: …`). */
const LABELS = new Set(['recommendation', 'recommendations', 'recommended', 'action', 'actions', 'fix', 'proposal', 'proposed', 'suggestion', 'remedy', 'todo', 'next']);

/** What may need doing, as the gerund's base (`needs building`, `needs replacing` → `replac`). */
const REMEDY_GERUNDS = new Set(['build', 'add', 'fix', 'replac', 'chang', 'updat', 'review', 'rewrit', 'redesign', 'upgrad', 'sort', 'rework', 'revisit', 'extend', 'tighten', 'automat', 'document', 'rethink', 'chas']);

/** Openers of a rule to come (`From now on …`). */
const FROM_NOW_ON = [['from', 'now', 'on'], ['going', 'forward'], ['in', 'future'], ['in', 'the', 'future'], ['henceforth'], ['from', 'here', 'on'], ['moving', 'forward']];

/** Procedures and documents, whose `needs to` is a requirement still to be met (`the assessment needs to list …`). */
const PROCEDURES = new Set(`assessment assessments review reviews procedure procedures process processes checklist checklists policy
  policies protocol protocols runbook runbooks plan plans template templates sop sops`.split(/\s+/));

/** Words of `it would help to …`, `it would be good to …`. */
const HELPFUL = new Set(['help', 'helped', 'good', 'better', 'best', 'wise', 'useful', 'sensible', 'nice', 'ideal', 'prudent', 'advisable', 'worth']);

interface Remedy {
  /** The words that show it is a remedy (`We should add`). */
  readonly cue: string;
  /** The remedy as an action (`Add a per-query memory limit.`). */
  readonly action: string;
}

function clean(text: string): string {
  let out = text.trim().replace(/^because\s+(of\s+)?/i, '').replace(/^[,;:\s]+/, '');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return /[.!?]$/.test(out) ? out : out + '.';
}

/**
 * Whether upper case leaves a word as it is (`SSO`, `42`): `word === word.toUpperCase()`, read
 * without making the upper-case copy for the usual word, whose letters are ASCII.
 */
function allCapitals(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c > 127) return word === word.toUpperCase();
  }
  return true;
}

/** A remedy in one sentence, if it is one. */
function remedyIn(info: TextInfo, from: number, to: number): Remedy | undefined {
  const tokens = info.tokens;
  const text = info.text;
  const slice = (a: number, b: number): string => (a < b ? sliceOf(text, info, a, b) : '');
  const words: Token[] = tokens.slice(from, to);
  if (words.length === 0) return undefined;
  const first = words[0];
  const second = words[1];
  // An order: `Add a check …`, `Set up alerts …`, `Review the config …` (not a compound noun: `Check-in kept …`).
  if (first.kind === 'word' && !allCapitals(first.text) && text[endOf(info, from)] !== '-') {
    const strong = IMPERATIVE_VERBS.has(first.lower) && !!second && !isFiniteAfter(second);
    // `Give host-store staff a master unlock`, `Train pickers on …`: an order addressed to people.
    const toPeople = AMBIGUOUS_IMPERATIVES.has(first.lower) && words.slice(1, 4).some((t) => PERSON_NOUNS.has(t.lower)) && words.slice(1, 4).every((t) => t.kind !== 'punct' || t.text === '-');
    const weak = AMBIGUOUS_IMPERATIVES.has(first.lower) && !!second && (DETERMINERS.has(second.lower) || NOUN_AFTER_IMPERATIVE.test(second.lower) || toPeople) && second.lower !== 'no';
    // A finite verb inside a subordinate clause (`… when the export is empty`) belongs to that clause.
    const sub = words.findIndex((t, k) => k > 0 && SUBORDINATE.has(t.lower));
    if ((strong || weak) && !hasFiniteVerb(words.slice(1, sub > 0 ? sub : words.length))) {
      return { cue: first.text, action: clean(slice(from, to)) };
    }
  }
  // `Recommendation: a daily alert …`: labelled as what to do.
  if (words[0] && LABELS.has(words[0].lower) && (words[1]?.lower === ':' || words[1]?.lower === '-' || words[1]?.lower === '—')) return { cue: slice(from, from + 2), action: clean(slice(from + 2, to)) };
  // `From now on any change has to ship with …`, `Going forward, …`: the rule to come, not the one that failed.
  const opener = FROM_NOW_ON.find((phrase) => phrase.every((p, k) => words[k]?.lower === p));
  // (`In future releases the flag defaults to off` is a fact: the looser openers need their comma.)
  const firm = opener && (opener[0] === 'henceforth' || opener.join(' ') === 'from now on' || opener.join(' ') === 'from here on' || words[opener.length]?.lower === ',');
  if (opener && firm && words.length > opener.length + 2) return { cue: slice(from, from + opener.length), action: clean(slice(from + opener.length, to)) };
  // The words before the one looked at (the subject, when it is short): how many, the first and the last two.
  // ('' while there are none: every test of them below either counts them first or compares with a word.)
  let count = 0;
  let firstWord = '';
  let last = '';
  let secondLast = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    const next = words[i + 1]?.lower;
    if (i > 0 && words[i - 1].kind === 'word') {
      if (count++ === 0) firstWord = words[i - 1].lower;
      secondLast = last;
      last = words[i - 1].lower;
    }
    // `we must`, `you have to`: a proposal; `operators must confirm each step` states a rule in force.
    const proposer = count > 0 && count <= 4 && (PROPOSERS.has(last) || last === 'team');
    const personal = proposer || (count > 0 && count <= 4 && PERSON_NOUNS.has(last) && w === 'should');
    // `we should add`, `the team must review`, `a check should be added`, `there should be`.
    if ((w === 'should' || w === 'must' || w === 'ought') && next !== undefined && next !== 'have' && !(next === 'not' && words[i + 2]?.lower === 'have')) {
      const prev = words[i - 1]?.lower;
      if (prev === 'that' || prev === 'which' || prev === 'who' || prev === 'as' || prev === 'what') continue;
      // Reported advice (`the vendor said it should be replaced`) and advice not taken (`…, but it was deferred`) are facts.
      if (words.slice(0, i).some((t) => REPORTING.has(t.lower))) continue;
      if (words.slice(i).some((t) => t.lower === 'but' || t.lower === 'however' || t.lower === 'although' || t.lower === 'yet')) continue;
      let verb = i + 1;
      if (words[verb]?.lower === 'to') verb++;
      if (words[verb]?.lower === 'not') verb++;
      // `a check should be added`, `cutovers must be planned with a quiet week`: any participle after `be`.
      const participle = words[verb + 1]?.lower ?? '';
      const passive = words[verb]?.lower === 'be' && (REMEDY_PARTICIPLES.has(participle) || /^[a-z]{3,}ed$/.test(participle));
      const existential = last === 'there' && words[verb]?.lower === 'be';
      const contrast = words.slice(i).some((t) => t.lower === 'but' || t.lower === 'however' || t.lower === 'although' || t.lower === 'yet');
      const verbWord = words[verb]?.lower ?? '';
      const owner = count > 0 && count <= 3 && DEPARTMENTS.has(last);
      const active = (owner || i === 0) && !contrast && verbWord !== 'be' && verbWord !== 'have' && /^[a-z]+$/.test(verbWord) && !/(ed|ing)$/.test(verbWord);
      if (personal || passive || existential || active) {
        const action = personal || i === 0 ? clean(slice(from + verb, to)) : clean(slice(from, to));
        return { cue: slice(from + Math.max(0, i - 1), from + Math.min(words.length, i + 2)), action };
      }
    }
    // `Need to script the upload.`, `Must add a check.`
    if (i === 0 && (w === 'need' || w === 'needs' || w === 'have' || w === 'has') && next === 'to') {
      return { cue: slice(from, from + 3), action: clean(slice(from + 2, to)) };
    }
    // `Do not deploy on Fridays.`, `Never skip the checklist.`
    if (i === 0 && ((w === 'do' && next === 'not') || w === 'never' || w === 'always') && words[w === 'do' ? 2 : 1]?.kind === 'word') {
      const verbAt = w === 'do' ? 2 : 1;
      const candidate = words[verbAt].lower;
      if (IMPERATIVE_VERBS.has(candidate) || AMBIGUOUS_IMPERATIVES.has(candidate) || ['skip', 'deploy', 'ship', 'merge', 'release', 'allow', 'let', 'rely'].includes(candidate)) {
        return { cue: slice(from, from + verbAt + 1), action: clean(slice(from, to)) };
      }
    }
    // `Equipment from another site ought to get a full check`: `ought to` is advice whatever its subject.
    if (w === 'ought' && next === 'to' && words[i + 2]?.lower !== 'have' && i > 0 && !words.slice(0, i).some((t) => REPORTING.has(t.lower) || /^(that|which|who|what|as|than|how|way)$/.test(t.lower))) {
      if (!words.slice(i).some((t) => t.lower === 'but' || t.lower === 'however' || t.lower === 'although' || t.lower === 'yet')) return { cue: slice(from + i - 1, from + i + 3), action: clean(slice(from, to)) };
    }
    // `A ward-level results inbox needs building`: a thing that needs doing is a remedy.
    if ((w === 'need' || w === 'needs') && i > 0 && /ing$/.test(next ?? '') && REMEDY_GERUNDS.has(next?.slice(0, -3) ?? '')) {
      return { cue: slice(from + i, from + i + 2), action: clean(slice(from, to)) };
    }
    // `Pharmacy needs to review par levels`, `impact assessments need to pull every consumer`: a
    // department, or a procedure, that needs to do something (a pump that needs to run is a fact).
    if ((w === 'need' || w === 'needs') && next === 'to' && count > 0 && count <= 3 && (DEPARTMENTS.has(last) || PROCEDURES.has(last)) && words[i - 1]?.lower === last) {
      return { cue: slice(from + i - 1, from + i + 2), action: clean(slice(from, to)) };
    }
    // `we need to add`, `the team has to review` (present tense only: `needed to` is a fact).
    if ((w === 'need' || w === 'needs' || w === 'have' || w === 'has') && next === 'to' && proposer) {
      return { cue: slice(from + i - 1, from + i + 3), action: clean(slice(from + i + 2, to)) };
    }
    // `we will add`, `we'll add`, `we are going to add`, `let's add`.
    // `We need a quarterly review of …`, `you need better alerts`, `they need more training`: a want, not a cause.
    if ((w === 'need' || w === 'needs') && count === 1 && next !== undefined && next !== 'not') {
      const who = firstWord;
      const wanted = (who === 'we' || who === 'you') && (DETERMINERS.has(next) || WANT_ADJECTIVES.has(next));
      if (wanted || (who === 'they' && WANT_ADJECTIVES.has(next))) return { cue: slice(from + i - 1, from + i + 2), action: clean(slice(from + i + 1, to)) };
    }
    // `There needs to be an owner for …`.
    if ((w === 'needs' || w === 'need') && next === 'to' && words[i + 2]?.lower === 'be' && last === 'there' && count === 1) {
      return { cue: slice(from, from + i + 3), action: clean(slice(from, to)) };
    }
    // `It would help to add …`, `it would be good to …`, `it would be wise if …`.
    if (w === 'would' && last === 'it' && count === 1) {
      let k = i + 1;
      if (words[k]?.lower === 'be') k++;
      if (HELPFUL.has(words[k]?.lower ?? '') && (words[k + 1]?.lower === 'to' || words[k + 1]?.lower === 'if')) {
        return { cue: slice(from, from + k + 2), action: clean(slice(from + k + 2, to)) };
      }
    }
    if (w === 'will' && last === 'we' && next !== 'not') {
      return { cue: slice(from + i - 1, from + i + 2), action: clean(slice(from + i + 1, to)) };
    }
    if (w === 'going' && next === 'to' && secondLast === 'we') {
      return { cue: slice(from + i - 2, from + i + 3), action: clean(slice(from + i + 2, to)) };
    }
    if (w === 'let' && next === 'us' && i === 0) return { cue: slice(from, from + 3), action: clean(slice(from + 2, to)) };
    // `the fix is to …`, `the solution is …`.
    if ((w === 'fix' || w === 'solution' || w === 'remedy' || w === 'action' || w === 'cure') && (next === 'is' || next === 'would') && i <= 2) {
      let start = i + 2;
      if (words[start]?.lower === 'be') start++;
      if (words[start]?.lower === 'to') start++;
      return { cue: slice(from, from + i + 2), action: clean(slice(from + start, to)) };
    }
  }
  return undefined;
}

function isFiniteAfter(token: Token): boolean {
  return /^(is|are|was|were|has|had|did|does|do|can|could|will|would)$/.test(token.lower);
}

function hasFiniteVerb(tokens: readonly Token[]): boolean {
  return tokens.some((t) => /^(is|are|was|were|had|did|does|could|would)$/.test(t.lower));
}

/**
 * Judges one answer: a remedy (`we should add …`, `Add …`) instead of a cause. It reads the
 * answer alone, so its verdict is worked out once per text (the circular rule asks too).
 */
export const judgeActionAsCause: AnswerJudge = perText((answer) => {
  for (const s of sentences(answer.tokens, { from: answer.start, to: answer.tokens.length })) {
    const remedy = remedyIn(answer, s.from, s.to);
    if (!remedy) continue;
    return {
      message: `This answer is a remedy (“${shorten(remedy.cue, 40)}”), not a cause: it says what to do, not what happened. Move “${shorten(remedy.action).replace(/\.$/, '')}” to the root's actions (as \`do:\`) and answer with the fact behind it: what was missing or wrong.`,
      evidence: [remedy.cue],
      suggestion: remedy.action,
    };
  }
  return undefined;
});

/** `action-as-cause`: an answer that is a remedy (“We should add a check”) or an order, not a cause. */
export const actionAsCauseRule: Rule = {
  code: 'action-as-cause',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'A remedy written as the answer',
  explanation:
    'An answer says why something happened; a remedy (“we should add a check”, “Implement rate limiting”) says what to do next and skips the cause it fixes. Move the remedy to the root\'s `actions` and answer with the fact it implies, e.g. “no check compared the field count”.',
  check({ analysis }) {
    return judgeAnswers('action-as-cause', analysis, judgeActionAsCause);
  },
};
