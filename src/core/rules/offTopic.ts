import type { Rule } from '../findings';
import { clauseStart, contrastOf, coordinatedClauses, finiteVerbOf, isClause, mainClause, sentences, subjectHeadEnd, subjectIsPronoun, trimmed, type Range } from '../reasoning/clauses';
import { DETECTION_WORDS, DETERMINERS, PERSON_NOUNS, STOP_WORDS } from '../reasoning/lexicon';
import { asSentence } from '../reasoning/rephrase';
import { conceptsOf, shared } from '../reasoning/similarity';
import { stem } from '../reasoning/stem';
import { asksAboutDetection, judgeAnswers, perText, shorten, type AnswerJudge, type TextInfo, type Verdict } from '../reasoning/steps';
import { sliceOf } from '../reasoning/tokens';
import { focusOf } from './chainBreak';
import { phrasesOf } from '../reasoning/evidence';
import { vaguePhraseOf } from './vague';
import { backOnTrack } from './backOnTrack';
import { allSteps } from '../model';

/** Words of consequence: who or what was hurt (the impact, not the cause). */
const IMPACT_WORDS = new Set(`affected impacted impact complained complaints complaint revenue refunds refund penalty
  penalties fines fined churn reputation customers users passengers patients shoppers`.split(/\s+/));
const IMPACT_VERBS = new Set(['affected', 'impacted', 'complained', 'lost', 'missed', 'cancelled', 'canceled', 'stranded', 'waited', 'could']);
const IMPACT_QUESTION = /\b(impact|affect|affected|customers?|users?|revenue|complain\w*|so many|so much|so large|so big|widespread|blast radius)\b/i;
/** `took 40 minutes`, `took the on-call engineer 45 minutes to respond` (not `took the link down for 43 seconds`). */
const DURATION = /\b(?:took|take|takes|taking|lasted)\s+(?:(?!down\b|out\b|off\b|up\b|over\b)[\w-]+\s+){0,4}?(?:\d+|several|many|two|three|four|five|six|a few)\s+(?:more\s+)?(?:minutes?|hours?|days?|weeks?|months?)\b/i;
const DURATION_QUESTION = /\b(long|slow|late|took|delay\w*|hours|days|minutes|so long)\b/i;

/** Verbs of a person raising or noticing the problem (`phoned the ward`, `reported it`). */
const HANDLING_VERBS = new Set(['phoned', 'rang', 'emailed', 'chased', 'reported', 'noticed', 'spotted', 'complained', 'raised']);
/** `passed a … inspection`: what a check found, which is detection's line of inquiry. */
const PASSED = /\bpassed\s+(?:(?:a|an|the|its|their|every|all|each)\s+)?(?!(?:that|this|those|these|it)\b)(?:[\w-]+\s+){0,4}?(?:inspections?|audits?|surveys?|reviews?|certifications?|checks?|tests?|assessments?)\b/i;
/** Word of the problem reaching people: the first reports, complaints or tickets arriving. */
const FIRST_WORD = /\b(?:reports?|complaints?|tickets?|calls?)\s+(?:only\s+|first\s+|finally\s+)?(?:reached|arrived|came in|landed)\b/i;
/** Verbs of a recovery (`the line reopened`, `service was restored`). */
const RECOVERY_VERBS = new Set(['reopened', 'restored', 'resumed', 'recovered', 're-railed', 'rerailed', 'reconnected']);
/** `reached 1,340 buyers`, `affected 12,000 customers`: a count of the people it hurt. */
const REACHED_PEOPLE = /\b(?:reached|affected|hit|exposed|impacted|harmed)\s+(?:about\s+|around\s+|over\s+|nearly\s+|some\s+|more than\s+)?[\d,.]+k?\s+(?:[\w-]+\s+)?(?:buyers|customers|users|patients|passengers|shoppers|members|subscribers|riders|guests|students|residents|households|homes|accounts|people|clients|travellers|travelers|drivers|callers|viewers)\b/i;

type Turn = 'detection' | 'response' | 'handling' | 'impact' | 'spread' | 'timing';

/** `pushed … to all locations within seconds`: how far it spread, not why it happened. */
const SPREAD = /\b(?:pushed|deployed|rolled out|rollout|sent|shipped|went|propagated|spread|replicated|distributed|synced|released)\b.*(?:\b(?:to all|to every|everywhere|globally|worldwide|all locations|every location|every host|all hosts|every server|all servers|every site|all sites|all users|every user|all customers|every customer|at once|within seconds|within minutes|simultaneously|fleet-wide|100 percent)\b|\b100 ?%)/i;
const SPREAD_QUESTION = /\b(all|every|everywhere|global\w*|worldwide|so many|widespread|at once|whole|entire|reach\w*|spread|blast|so fast|so quickly|fleet|live|deploy\w*|push\w*|rollout|rolled out|release\w*)\b/i;
/** `The outage started on the first working day`: when it happened, not why. */
const TIMING_SUBJECTS = new Set(['outage', 'incident', 'problem', 'failure', 'issue', 'crash', 'disruption', 'event', 'it', 'this', 'degradation', 'breach']);
const TIMING_VERBS = new Set(['started', 'began', 'happened', 'occurred', 'struck', 'hit']);
const CALENDAR = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|days|week|weekend|month|year|morning|afternoon|evening|night|holidays?|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|quarter|\d{1,2}:\d{2}|\d{4})\b/i;
const TIMING_QUESTION = /\b(when|then|that day|that morning|that night|that week|on that|at that time|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|that (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;

/**
 * Nouns that name the activity of catching or answering a fault: a clause turns to detection or
 * response only when one of these is its subject (`the testing processes did not include …`,
 * `the rollback took 40 minutes`). Such a word inside a causal subject (`our HTTP client
 * retries …`, `the upgrade tests install only …`) is part of the cause.
 */
const DETECTION_SUBJECTS = new Set(`test tests testing tester testers qa review reviews reviewer reviewers monitoring monitor
  monitors alert alerts alerting alarm alarms dashboard dashboards oncall on-call audit audits auditor auditors inspection
  inspections inspector inspectors detection`.split(/\s+/));
const RESPONSE_SUBJECTS = new Set(`rollback rollbacks recovery restore restoration response escalation remediation
  failover drill drills rehearsal rehearsals exercise exercises`.split(/\s+/));
/** Predicates that say a thing was not seen (`its saturation stayed invisible`): detection, whatever the subject. */
const UNSEEN = new Set(['invisible', 'unnoticed', 'undetected', 'unseen', 'unreported', 'unmonitored']);
/** Subjects that say nobody saw it (`nobody noticed …`), with a verb of seeing or checking. */
const NOBODY = new Set(['nobody', 'noone']);
const SEEING = /^(notic|caught|catch|saw|see|seen|spot|detect|flag|check|test|review|inspect|audit|monitor|respond|react|escalat|look)/;
/** Words of a miss in the predicate (not `only`: `the tests install only the previous release` is a fact of the cause). */
const PREDICATE_MISS = new Set(['not', 'no', 'never', 'nothing', 'none', 'without', 'missed', 'miss', 'misses', 'skipped', 'lacked', 'lack', 'lacks', 'lacking', 'failed', 'fails', 'overlooked', 'ignored', 'delayed']);

/** What a clause turns to, if it is about detection, response or impact rather than cause. */
function turnOf(info: TextInfo, clause: Range): Turn | undefined {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, clause);
  if (verb < 0) return undefined;
  const start = clauseStart(tokens, clause);
  // The subject's own words, before any `of`/`on` phrase or relative clause.
  const headEnd = subjectHeadEnd(tokens, clause, verb);
  let detectionSubject = false;
  let responseSubject = false;
  for (let i = start; i < headEnd; i++) {
    const w = tokens[i].lower;
    if (DETECTION_SUBJECTS.has(w)) detectionSubject = true;
    if (RESPONSE_SUBJECTS.has(w)) responseSubject = true;
  }
  const nobody = NOBODY.has(tokens[start].lower) || (tokens[start].lower === 'no' && tokens[start + 1]?.lower === 'one');
  let miss = false;
  let seeing = false;
  let unseen = false;
  for (let i = start; i < Math.min(clause.to, verb + 5); i++) {
    if (PREDICATE_MISS.has(tokens[i].lower)) miss = true;
    if (SEEING.test(tokens[i].lower)) seeing = true;
  }
  // (`invisible to the load balancer` is how a part behaved, not what people saw.)
  for (let i = verb; i < clause.to; i++) if (UNSEEN.has(tokens[i].lower) && tokens[i + 1]?.lower !== 'to') unseen = true;
  const words = sliceOf(info.text, info, clause.from, clause.to);
  if (nobody && seeing) return /^(respond|react|escalat)/.test(tokens[verb].lower) ? 'response' : 'detection';
  if (responseSubject && (miss || DURATION.test(words))) return 'response';
  if (detectionSubject && miss) return 'detection';
  if (unseen) return 'detection';
  // `It took the on-call engineer 45 minutes to respond`: a duration of the response itself.
  if (DURATION.test(words) && /\b(restor|recover|rollback|rolled back|remediat|respond|response|escalat|fix|repair|replac)/i.test(words)) return 'response';
  if (SPREAD.test(words)) return 'spread';
  const subject = tokens.slice(clause.from, verb).filter((t) => t.kind === 'word' && !DETERMINERS.has(t.lower));
  if (subject.length === 1 && TIMING_SUBJECTS.has(subject[0].lower) && TIMING_VERBS.has(tokens[verb].lower) && /^(on|at|during|after|in|before|around|shortly|just|right|last)$/.test(tokens[verb + 1]?.lower ?? '')) {
    // Only a date or a time of the calendar (`on the first working day`, `at 09:00`), not a circumstance (`during boot`).
    const rest = sliceOf(info.text, info, verb + 1, clause.to);
    // `It began in 2020 as an internal debug stream`: where the thing came from, not when the incident happened.
    if (CALENDAR.test(rest) && !/\bas\s+(?:a|an|the)\b/i.test(rest)) return 'timing';
  }
  // `The on-call engineer saw the spike and paged the platform team`, `a practice manager phoned the
  // ward to chase a missing letter`: how it was noticed and answered.
  const person = tokens.slice(start, verb).some((t) => PERSON_NOUNS.has(t.lower) || t.lower === 'on-call');
  if (person && /\b(paged|escalated|called out|woke)\b/i.test(words)) return 'handling';
  // (`Its author never raised the follow-up ticket` is an omission, not how it was handled.)
  if (person && HANDLING_VERBS.has(tokens[verb].lower) && !tokens.slice(start, verb).some((t) => /^(never|not|no)$/.test(t.lower))) return 'handling';
  // `The vessel had passed a Port State Control inspection three weeks earlier`: what a check saw (or missed).
  if (PASSED.test(words)) return 'detection';
  // `The first crash reports only reached the mobile team at 21:40`: when it became known.
  if (FIRST_WORD.test(words) && CALENDAR.test(words)) return 'detection';
  // `Yard staff re-railed two wagons by 16:00, and the line reopened at 21:10`: the recovery, by the clock.
  if (RECOVERY_VERBS.has(tokens[verb].lower) && CALENDAR.test(words)) return 'response';
  // `By 9 October the listings had reached 1,340 buyers`: how many it hurt.
  if (REACHED_PEOPLE.test(words)) return 'impact';
  // `The farm lost about 85 MWh, worth roughly £6,800`: what it cost.
  if (/\b(lost|cost|costing)\b(?!-)[^.;]*(?:[£$€]\s?\d|\d\s?(?:USD|EUR|GBP)\b)/.test(words)) return 'impact';
  let impact = false;
  for (let i = clause.from; i < verb + 2 && i < clause.to; i++) if (IMPACT_WORDS.has(tokens[i].lower)) impact = true;
  if (impact && tokens.slice(verb, Math.min(clause.to, verb + 3)).some((t) => IMPACT_VERBS.has(t.lower))) return 'impact';
  return undefined;
}

/** The subject words of a clause (what it turns to), as written. */
function subjectWords(info: TextInfo, clause: Range): string {
  const tokens = info.tokens;
  const verb = finiteVerbOf(tokens, clause);
  let from = clause.from;
  while (from < verb && (STOP_WORDS.has(tokens[from].lower) || tokens[from].kind === 'punct')) from++;
  let to = verb;
  while (to > from && STOP_WORDS.has(tokens[to - 1].lower)) to--;
  if (to <= from) {
    // `nobody noticed`: the subject is a stop word, quote the predicate.
    return sliceOf(info.text, info, clause.from, Math.min(clause.to, verb + 2));
  }
  return sliceOf(info.text, info, from, to);
}

const EXPLAINS: Record<Turn, { what: string; root: string }> = {
  detection: { what: 'that explains why the problem was not caught, not why it happened', root: 'give detection its own root' },
  response: { what: 'that explains why recovery took as long as it did, not why the problem happened', root: 'give recovery its own root' },
  handling: { what: 'that tells how the problem was noticed and handled, not why it happened', root: 'give detection and response their own root' },
  impact: { what: 'that describes the consequences, not the cause', root: 'put the impact in the incident block' },
  spread: { what: 'that explains why the damage spread as far as it did, not why the problem happened', root: 'give the blast radius its own root' },
  timing: { what: 'that says when it happened, not why', root: 'keep the timeline in the incident block' },
};

/**
 * Judges one answer: off-topic when one of its clauses turns from the question to detection,
 * response or impact (the canonical case: asked why the integration code handled only 20
 * inputs, the answer turns to the testing processes).
 */
export const judgeOffTopic: AnswerJudge = (answer, question, { detectionFramed }) => {
  if (!question) return undefined;
  const aside = redirected(answer, question);
  if (aside) return aside;
  if (asksWhyUnnoticed(question)) return unseen(answer, question);
  if (asksAboutDetection(question.text)) return undefined;
  const untested = whollyUntested(answer, question, detectionFramed);
  if (untested) return untested;
  // `Our monitoring just wasn't good enough`: too vague to be about anything; `vague` speaks to it.
  if (vaguePhraseOf(answer)) return undefined;
  return turned(answer, question, detectionFramed);
};

/** A question why something was built, set or made as it was (`Why was it set for 20?`). */
const MAKING_QUESTION = /\b(set|built|build|designed|design|written|write|wrote|configured|configure|coded|code|implemented|implement|chosen|choose|chose|defined|define|made|make|sized|size|specified|programmed|hard-?coded|created|create|limited|capped)\b/i;
/** A question of how something got through (`Why was it released?`): testing may answer that. */
const GETTING_THROUGH = /\b(reach\w*|ship\w*|deploy\w*|releas\w*|escap\w*|slip\w*|through|merg\w*|approv\w*|pass\w*|live|roll\w*|push\w*|allow\w*|let|accept\w*|sign\w* off|go out|went out|missed)\b/i;
/** A question why something was made as it was, not how it got through (once per question, however many answers it has). */
const asksWhyMade = perText((question): boolean => MAKING_QUESTION.test(question.text) && !GETTING_THROUGH.test(question.text));
/**
 * `New templates weren't fully tested`: a whole answer saying that something was not tested,
 * reviewed, checked or monitored (with at most a short phrase after it).
 */
const UNTESTED = /^((?:[\w'-]+\s+){1,6}?)(?:was|were|is|are|had|has|have)(n't|\s+not|\s+never)?\s+((?:(?:been|not|never|ever|yet|fully|properly|adequately|thoroughly|sufficiently|completely|really|well|formally|independently)\s+)*)(tested|reviewed|checked|validated|verified|inspected|audited|monitored|qa'd)((?:\s+[\w'-]+){0,5})$/i;

/**
 * An answer that is wholly about testing, review or monitoring, given to a question that asks
 * why something was built, set or made as it was: it explains why the fault was not caught,
 * not why it was made (the essay's short list: "Why was it set for 20? — New templates weren't
 * fully tested."). Not in a root that asks about detection.
 */
function whollyUntested(answer: TextInfo, question: TextInfo, detectionFramed: boolean): Verdict | undefined {
  if (detectionFramed || !asksWhyMade(question)) return undefined;
  const text = answer.text
    .replace(/[\u2018\u2019]/g, "'")
    .trim()
    .replace(/^because\b[\s,]*/i, '')
    .replace(/[.!]+$/, '');
  const m = UNTESTED.exec(text);
  if (!m) return undefined;
  const negated = !!m[2] || /\b(not|never)\b/i.test(m[3]);
  if (!negated || /\b(because|but|so|and|which|since|as|while|though|although)\b/i.test(m[5])) return undefined;
  const turn = text.slice(m[1].length).trim();
  return {
    message: `Asked “${shorten(question.text)}”, the answer says only that “${shorten(text, 90)}”: that explains why the problem was not caught, not why it was made that way. Answer what made it so, and give detection its own root.`,
    evidence: [turn],
  };
}

/** Words of seeing and signalling: an answer to "why did nobody notice?" should be about these. */
const SIGNAL_KEYS = new Set(
  [...DETECTION_WORDS, ...`screen screens map maps view views display displays signal signals telemetry notification notifications email emails log logs status visible visibility
  saw see seen show showed shows shown reveal revealed warn warned warning flag flagged report reported dashboard graph
  graphs metric metrics check checked checks inspect inspected audit sensor alarm monitor hidden hide display displayed
  look looked watch watched read noticed notice aware awareness sample sampled samples sampling swab swabs swabbed
  schedule scheduled round rounds patrol patrols survey surveyed measure measured measurement reading readings count
  scan scans scanned scanning profile profiles declare declared declaring declaration
  checklist checklists form forms field fields
  counted logged logging trace traced probe probes verify verified verification validate validation test tested tests
  sign signs transmit transmits transmitted transmitting transmission`.split(/\s+/)].map(stem),
);

/** `Why did no one notice …?`, `Why was it not caught?`, `Why did QA not see …?`: a question about a miss of detection. */
const asksWhyUnnoticed = perText((question: TextInfo): boolean => {
  const t = question.tokens;
  const nobody = t.some((x, i) => /^(nobody|noone|anyone|anybody)$/.test(x.lower) || (x.lower === 'one' && t[i - 1]?.lower === 'no'));
  // `see` and `find` are about detection only when nobody did it (`why did nobody see …?`):
  // `why couldn't the driver see the pedestrian?` asks about a line of sight.
  const detecting = t.some((x) => /^(notic|catch|caught|detect|spot|flag)/.test(x.lower));
  const seeing = detecting || (nobody && t.some((x) => /^(see|saw|seen|find|found)/.test(x.lower)));
  const negated = nobody || t.some((x) => /^(no|not|never|none|unnoticed|undetected|unseen)$/.test(x.lower));
  return (seeing && negated) || t.some((x) => /^(unnoticed|undetected|unseen)$/.test(x.lower));
});

/**
 * An answer to "why did nobody notice?" that says nothing about seeing, signals or checks and
 * shares nothing with the question: it explains the fault again, not why it went unseen.
 */
function unseen(answer: TextInfo, question: TextInfo): Verdict | undefined {
  if (answer.tokens.some((t) => SIGNAL_KEYS.has(t.key))) return undefined;
  if (shared(answer.concepts, question.concepts, true).length > 0) return undefined;
  const tokens = answer.tokens;
  const first = sentences(tokens, { from: answer.start, to: tokens.length })[0];
  if (!first || !isClause(tokens, first) || subjectIsPronoun(tokens, first)) return undefined;
  const asked = phrasesOf(question, focusOf(question));
  const subject = subjectWords(answer, mainClause(tokens, first));
  return {
    message: `The question asks why “${asked.join(' … ') || shorten(question.text)}” went unnoticed; the answer turns to “${subject}”, which says nothing about how it could have been seen: that explains why the problem happened, not why nobody caught it. Answer with the check, alert or signal that was missing.`,
    evidence: [...asked, subject],
  };
}

/** Adjectives that rank a second matter above the first (`the real issue`, `the bigger problem`). */
const RANKING = new Set(['real', 'actual', 'bigger', 'biggest', 'larger', 'main', 'underlying', 'deeper', 'true', 'more', 'greater', 'wider', 'broader']);
/**
 * Nouns of a matter under discussion (`issue`, `problem`). Not `cause` or `reason`: `…, but the
 * real cause was a migration that skipped it` corrects the answer to the question asked.
 */
const MATTERS = new Set(['issue', 'issues', 'problem', 'problems', 'question', 'story', 'concern', 'concerns', 'point', 'worry']);

/**
 * After a contrast, a clause that says something else is what matters (`…, but the real issue is
 * that nobody had rehearsed a failover`): the answer sets its question aside and turns to another
 * line of inquiry. Returns the words of the turn.
 */
function redirect(answer: TextInfo): { marker: string; turn: string; before: Range; rest: Range } | undefined {
  const tokens = answer.tokens;
  for (const s of sentences(tokens, { from: answer.start, to: tokens.length })) {
    const contrast = contrastOf(tokens, s);
    if (!contrast) continue;
    const from = clauseStart(tokens, contrast.after);
    let i = from;
    if (DETERMINERS.has(tokens[i]?.lower ?? '')) i++;
    if (tokens[i]?.lower === 'more' && /^(important|serious|pressing)$/.test(tokens[i + 1]?.lower ?? '')) i++;
    if (!RANKING.has(tokens[i]?.lower ?? '') && !/^(important|serious|pressing)$/.test(tokens[i]?.lower ?? '')) continue;
    i++;
    if (!MATTERS.has(tokens[i]?.lower ?? '')) continue;
    const end = i + 1;
    return { marker: contrast.marker.text, turn: sliceOf(answer.text, answer, from, end), before: contrast.before, rest: { from: end, to: contrast.after.to } };
  }
  return undefined;
}

/** An answer that, after a contrast, says another matter is the real one. */
function redirected(answer: TextInfo, question: TextInfo): Verdict | undefined {
  const tokens = answer.tokens;
  const aside = redirect(answer);
  if (!aside) return undefined;
  const asked = phrasesOf(question, focusOf(question));
  const onTopic = asSentence(answer.text, answer, aside.before);
  let restFrom = aside.rest.from;
  while (restFrom < aside.rest.to && /^(is|was|are|were|that|lies|lay|being)$/.test(tokens[restFrom].lower)) restFrom++;
  const other = restFrom < aside.rest.to ? sliceOf(answer.text, answer, restFrom, trimmed(tokens, aside.rest).to) : '';
  return {
    message: `The question asks about “${asked.join(' … ') || shorten(question.text)}”; after “${aside.marker}”, the answer turns to “${aside.turn}”${other ? ` (“${shorten(other, 70)}”)` : ''}, which sets the question aside: that is another line of inquiry, not why this happened. ${onTopic ? `Ask the next why about “${shorten(onTopic.replace(/\.$/, ''), 90)}”, and give the other matter its own root.` : 'Answer what the question asks, and give the other matter its own root.'}`,
    evidence: [...asked, aside.turn],
    suggestion: onTopic || undefined,
  };
}

/** A clause of the answer that turns from the question to detection, response or impact. */
function turned(answer: TextInfo, question: TextInfo, detectionFramed: boolean): Verdict | undefined {
  const tokens = answer.tokens;
  const clauses: { range: Range; marker?: string }[] = [];
  for (const s of sentences(tokens, { from: answer.start, to: tokens.length })) {
    const contrast = contrastOf(tokens, s);
    const pieces = contrast ? [{ range: contrast.before }, { range: contrast.after, marker: contrast.marker.text }] : [{ range: s }];
    for (const piece of pieces) {
      const parts = coordinatedClauses(tokens, piece.range);
      parts.forEach((part, k) => clauses.push({ range: part, marker: k === 0 ? piece.marker : undefined }));
    }
  }
  const focus = focusOf(question);
  for (const clause of clauses) {
    // The main clause without its relative clauses; when a relative clause sits inside the
    // subject (`the tests that run on every merge did not …`), the whole clause.
    const cut = mainClause(tokens, clause.range);
    const main = isClause(tokens, cut) ? cut : clause.range;
    if (!isClause(tokens, main)) continue;
    const turn = turnOf(answer, main);
    if (!turn) continue;
    // `It took 45 minutes to …` has a dummy subject; other pronouns lean on the question.
    if (subjectIsPronoun(tokens, main) && !((turn === 'response' || turn === 'timing') && tokens[clauseStart(tokens, main)].lower === 'it')) continue;
    if (turn === 'impact' && IMPACT_QUESTION.test(question.text)) continue;
    if (turn === 'response' && DURATION_QUESTION.test(question.text)) continue;
    if (turn === 'spread' && SPREAD_QUESTION.test(question.text)) continue;
    // In a root that asks how the problem got through, talk of tests and reviews belongs. Talk of the
    // response belongs there only under a question of how long: `Why wasn't the alerting module
    // bought?` in a root about the slow response still asks for a cause. (Questions about detection
    // itself never reach here.)
    if (detectionFramed && (turn === 'detection' || ((turn === 'response' || turn === 'handling') && DURATION_QUESTION.test(question.text)))) continue;
    if (turn === 'timing' && TIMING_QUESTION.test(question.text)) continue;
    // The subject of the turn must be new to the question.
    const subject = subjectWords(answer, main);
    // The head of the subject, before any `of`/`on` phrase (`the alert on price age`), must be new to the question.
    const subjectConcepts = conceptsOf(tokens, main.from, subjectHeadEnd(tokens, main, finiteVerbOf(tokens, main)));
    if (shared(subjectConcepts, question.concepts, false).length > 0) continue;
    const others = clauses.filter((c) => c !== clause && shared(conceptsOf(tokens, c.range.from, c.range.to), question.concepts, true).length > 0);
    const onTopic = others.map((c) => asSentence(answer.text, answer, c.range)).join(' ');
    const asked = phrasesOf(question, focus);
    const where = clause.marker ? `after “${clause.marker}”, the answer turns to` : 'the answer turns to';
    const explains = EXPLAINS[turn];
    const next = onTopic ? `Ask the next why about “${shorten(onTopic.replace(/\.$/, ''), 90)}”, and ${explains.root}.` : `Answer what the question asks, and ${explains.root}.`;
    return {
      message: `The question asks about “${asked.join(' … ') || shorten(question.text)}”; ${where} “${subject}”, which the question never mentions: ${explains.what}. ${next}`,
      evidence: [...asked, subject],
      suggestion: onTopic || undefined,
    };
  }
  return undefined;
};

/** `off-topic`: an answer that explains something other than what its question asks. */
export const offTopicRule: Rule = {
  code: 'off-topic',
  defaultSeverity: 'warning',
  reasoning: true,
  title: 'An answer that explains something else',
  explanation:
    'The answer should say why the thing the question asks about happened. An answer that turns to testing, detection, recovery, impact, how far it spread or when it happened, or says another matter is the real issue, answers a different question with its own causes. Answer the question asked, and give detection or recovery its own root.',
  check({ analysis }) {
    const found = judgeAnswers('off-topic', analysis, judgeOffTopic);
    const flagged = new Set(found.map((f) => f.span.start));
    for (const step of allSteps(analysis)) {
      if (!step.because || flagged.has(step.because.span.start)) continue;
      const back = backOnTrack(analysis, step);
      if (!back || !step.why || !back.next.why) continue;
      found.push({
        span: step.because.span,
        path: step.path,
        message: `The next question (“${shorten(back.next.why.text)}”) goes back to “${back.words.join(' … ')}”, which this step's question asked about, and takes up nothing of this answer: the chain went back on track past it, so this answer seems to explain something other than what “${shorten(step.why.text)}” asks. Answer what the question asks, and give this answer's matter its own root if it counts.`,
        data: { evidence: [...back.words] },
      });
    }
    return found;
  },
};
