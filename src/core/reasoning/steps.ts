/**
 * What the reasoning rules judge, and the caches that make re-checking nearly free.
 *
 * Every answer (a step's `because` text, or each cause of a list) is judged against its
 * question; every question against the answer it follows from. Verdicts are cached per rule by
 * the texts they depend on, so after an edit to one step only that step (and the question
 * after it) is judged again; texts are analysed once however often they appear.
 */
import type { RuleCode, RuleFinding } from '../findings';
import { previousAnswer, type Analysis, type Chain, type PreviousAnswer, type Step, type TextValue } from '../model';
import { contentStart } from './clauses';
import { DETECTION_QUESTION_WORDS } from './lexicon';
import { stem } from './stem';
import { conceptsOf, onVocabularyChange, type Concept } from './similarity';
import { tokenize, type Token, type Tokenized } from './tokens';

/** A text analysed once: tokens, where content starts (after "Because"), its concepts. */
export interface TextInfo extends Tokenized {
  /** A number unique to this text while it is cached (verdict caches key on it). */
  readonly id: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Where each token starts in the text (see `Tokenized`). */
  readonly starts: readonly number[];
  /** Index of the first content token. */
  readonly start: number;
  /** Concepts of the content. */
  readonly concepts: readonly Concept[];
  /** The distinct keys of those concepts, as numbers (see `keyNumber`). */
  readonly keys: readonly number[];
  /**
   * What `perText` worked out from this text, one slot per memoiser (`undefined`: not yet).
   * Kept on the text itself: no map per memoiser to grow, hash and collect.
   */
  readonly memo: unknown[];
  /**
   * The verdict slots of this text as an answer, by what else they depend on (see `answerSlots`):
   * triples of two numbers and the slots. Absent until it is judged as an answer.
   */
  answerSlots: (number | Slots)[] | undefined;
}

/** Every concept key seen, as a number (so counting them needs no string hashing). */
const keyNumbers = new Map<string, number>();
const keyNames: string[] = [];
/** Past this many keys (files of random words), numbering starts again with every text forgotten (see `itemsOf`). */
const MAX_KEYS = 200_000;
function keyNumber(key: string): number {
  let n = keyNumbers.get(key);
  if (n === undefined) {
    keyNumbers.set(key, (n = keyNames.length));
    keyNames.push(key);
  }
  return n;
}

const MAX_CACHE = 20_000;
/**
 * The texts (and verdicts per rule) of the last analysis judged. The caches keep at least three
 * times that many, and are trimmed only between analyses, never during one: a cache that filled
 * in the middle of a large file would forget its first half and make every re-check of it cold.
 */
let lastAnalysisSize = 0;
/** How many entries a cache keeps before it is emptied (the other per-text caches use it too). */
export function cacheLimit(): number {
  return Math.max(MAX_CACHE, 3 * lastAnalysisSize);
}
const MAX_CHARS = 4_000;
const MAX_TOKENS = 400;
/** How far back a detection question may look for what it asks about. */
const MAX_EARLIER = 24;
const texts = new Map<string, TextInfo>();
let nextId = 0;
/** How many `perText` memoisers there are (each has its slot in `TextInfo.memo`). */
let memoisers = 0;

const scratchKeys: number[] = [];

/** The analysis of a text (memoised). */
export function infoOf(text: string): TextInfo {
  let info = texts.get(text);
  if (!info) {
    // Answers are a sentence or three; a pathological text is judged by its beginning so that no
    // rule's cost can grow with it.
    const all = tokenize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
    const tokens = all.tokens.length > MAX_TOKENS ? all.tokens.slice(0, MAX_TOKENS) : all.tokens;
    const starts = all.starts.length > MAX_TOKENS ? all.starts.slice(0, MAX_TOKENS) : all.starts;
    const start = contentStart(tokens);
    // (Kept for re-checks, so made at their exact length: filled by `push` or slot by slot, arrays keep room for 17.)
    const concepts = conceptsOf(tokens, start).slice();
    // The distinct key numbers, in order of first mention (a text has a handful: a scan beats a set).
    const keys = scratchKeys;
    keys.length = 0;
    for (const c of concepts) {
      const n = keyNumber(c.key);
      if (!keys.includes(n)) keys.push(n);
    }
    info = { id: nextId++, text, tokens, starts, start, concepts, keys: keys.slice(), memo: new Array<unknown>(memoisers), answerSlots: undefined };
    texts.set(text, info);
  }
  return info;
}

/** An answer to judge: a step's `because` text or one cause of its list. */
export interface AnswerItem {
  readonly step: Step;
  readonly answerInfo: TextInfo;
  readonly questionInfo?: TextInfo;
  /** The path of the step, or of the cause. */
  readonly path: string;
  readonly answer: TextValue;
  readonly question?: TextValue;
  /** The answer the question follows from: the previous answer or the cause above (not the problem). */
  readonly previousInfo?: TextInfo;
  /** The root's framing question (or perspective) is about detection, release or recovery. */
  readonly detectionFramed: boolean;
  /** The verdicts cached for this answer, question and framing, one slot per rule (see `Slots`). */
  readonly verdicts: Slots;
  /** The same, and the previous answer (for judges run with `{ previous: true }`). */
  readonly verdictsWithPrevious: Slots;
}

/**
 * The verdicts of every rule on one item (by its key): one slot per rule (see `ruleSlot`), null
 * for "sound", empty while not judged. One lookup per item and check instead of one per rule.
 */
type Slots = (Verdict | null | undefined)[];

/** A question and the answer it followed from. */
export interface AskedBefore {
  readonly question: TextInfo;
  readonly answer: TextInfo;
}

/** A question to judge, with the answer it should ask about. */
export interface QuestionItem {
  readonly step: Step;
  readonly whyInfo: TextInfo;
  readonly previousInfo?: TextInfo;
  /** The question of the previous step, when the previous answer leans on a pronoun (`Sam deleted it`). */
  readonly previousQuestion?: TextInfo;
  /**
   * The previous step's question and the answer that question followed from: a question may ask
   * the previous one again in other words (`Why aren't they on the plan?` after `the hoses aren't
   * on the plan`, then `Why were the hoses left off?`).
   */
  readonly askedBefore?: AskedBefore;
  /**
   * When the question asks about detection: everything said before in this line of whys (problem,
   * framing question, earlier questions and answers). Empty otherwise.
   */
  readonly earlier: readonly TextInfo[];
  readonly why: TextValue;
  readonly previous?: PreviousAnswer;
  /**
   * The verdicts cached for what the question is judged by (its text, the previous answer and
   * question, the earlier texts it looks back at) and the analysis's everyday concepts (see `Slots`).
   */
  readonly verdicts: Slots;
}

/** Everything the reasoning rules judge in one analysis. */
export interface Items {
  readonly answers: readonly AnswerItem[];
  readonly questions: readonly QuestionItem[];
  /**
   * The analysis's everyday words: concepts said in a large share of its texts (`crew` in an
   * analysis of crew scheduling). Sharing one says little about what two texts are about.
   */
  readonly everyday: ReadonlySet<string>;
  /** A number for this set of everyday concepts, for verdict keys. */
  readonly everydayId: number;
}

/** A concept is everyday when at least this share of an analysis's texts (and at least three) say it. */
const EVERYDAY_SHARE = 0.25;

/** Counts per key number, reused from check to check (only the counted entries are reset). */
let counts = new Uint32Array(1024);

function everydayOf(infos: readonly TextInfo[]): Set<string> {
  if (counts.length < keyNames.length) counts = new Uint32Array(keyNames.length * 2);
  const floor = Math.max(3, Math.ceil(infos.length * EVERYDAY_SHARE));
  const out = new Set<string>();
  for (const info of infos) {
    for (const key of info.keys) if (++counts[key] === floor) out.add(keyNames[key]);
  }
  for (const info of infos) for (const key of info.keys) counts[key] = 0;
  return out;
}

/** A small number for each set of everyday concepts seen, so verdict keys stay short. */
const everydayIds = new Map<string, number>();
/** Never reused, so a verdict cached under an old number can never be taken for another set's. */
let nextEverydayId = 0;
function everydayIdOf(everyday: ReadonlySet<string>): number {
  const joined = [...everyday].sort().join(',');
  let id = everydayIds.get(joined);
  if (id === undefined) {
    if (everydayIds.size >= MAX_CACHE) everydayIds.clear();
    everydayIds.set(joined, (id = nextEverydayId++));
  }
  return id;
}

let itemsByAnalysis = new WeakMap<Analysis, Items>();

/** An answer item with its verdict slots (built as one object: this runs for every answer of a file). */
function answerItem(step: Step, path: string, answer: TextValue, answerInfo: TextInfo, questionInfo: TextInfo | undefined, question: TextValue | undefined, previousInfo: TextInfo | undefined, detectionFramed: boolean): AnswerItem {
  // An answer's verdicts depend on its question and the root's framing only (and, for judges that
  // see it, on the previous answer).
  const asked = ((questionInfo ? questionInfo.id : -1) + 1) * 2 + (detectionFramed ? 1 : 0);
  const before = previousInfo ? previousInfo.id : -1;
  let plain: Slots;
  let withPrevious: Slots;
  if (answerInfo.answerSlots === undefined) {
    // The common case, an answer said once: its list made at its final length (`push` would leave room for 17).
    plain = newSlots();
    withPrevious = newSlots();
    answerInfo.answerSlots = [asked, -2, plain, asked, before, withPrevious];
  } else {
    plain = answerSlots(answerInfo, asked, -2);
    withPrevious = answerSlots(answerInfo, asked, before);
  }
  return {
    step,
    path,
    answer,
    answerInfo,
    questionInfo,
    question,
    previousInfo,
    detectionFramed,
    verdicts: plain,
    verdictsWithPrevious: withPrevious,
  };
}

/** Past this many (one answer said under many questions), an answer's slots go in the shared map. */
const MAX_SLOTS_ON_TEXT = 8;

/**
 * The verdict slots of an answer under a question and framing (`asked`, one number) and, for
 * judges that see it, after a previous answer (`before`: its id, -1 for none, -2 for judges that
 * do not see it). Kept on the answer's analysis (forgotten with it): no key string and no entry
 * in a shared map per answer, this runs for every answer of a file.
 */
function answerSlots(info: TextInfo, asked: number, before: number): Slots {
  const list = (info.answerSlots ??= []);
  for (let i = 0; i < list.length; i += 3) if (list[i] === asked && list[i + 1] === before) return list[i + 2] as Slots;
  if (list.length >= 3 * MAX_SLOTS_ON_TEXT) return slotsOf(`a${asked}:${before}:${info.id}`);
  const found = newSlots();
  list.push(asked, before, found);
  return found;
}

const NO_SLOTS: Slots = [];

/** Whether a text asks about detection, release or recovery. */
export function asksAboutDetection(text: string | undefined): boolean {
  return !!text && detectsOf(infoOf(text));
}

/** The same words by key, so other forms count too (`noticing`, `reviewing`). */
const DETECTION_QUESTION_KEYS = new Set([...DETECTION_QUESTION_WORDS].filter((w) => w.length > 4).map(stem));
const NONE: readonly TextInfo[] = [];

// A question about how long something went on (`for 3 hours`, `kept failing`) is answered by why it was not caught.
const detectsOf = perText(
  (info): boolean =>
    info.tokens.some((t) => DETECTION_QUESTION_WORDS.has(t.lower) || DETECTION_QUESTION_KEYS.has(t.key)) ||
    /\b(so long|how long|took long|too long|for (\d+|several|many|a few|two|three|four) (minutes|hours|days|weeks|months)|continu\w*|kept|keep|persist\w*|went on|go on|remain\w*|repeatedly|again and again)\b/i.test(info.text),
);

/** Whether an answer leans on a pronoun (`Sam deleted it`), so what it is about is in the question before it. */
export const leansOnPronoun = perText((answer): boolean => {
  let leans = false;
  for (let i = answer.start; i < answer.tokens.length && !leans; i++) {
    const w = answer.tokens[i].lower;
    leans = w === 'it' || w === 'they' || w === 'them' || w === 'this';
  }
  // `Each was within the tolerance`, `Both were …`: a subject that stands for the question's things.
  const first = answer.tokens[answer.start];
  const second = answer.tokens[answer.start + 1];
  if (first && /^(each|both|neither|either|all)$/.test(first.lower) && second && /^(was|were|is|are|had|has|did|could|would)$/.test(second.lower)) leans = true;
  return leans;
});

/** The answers and questions of an analysis (computed once per parsed analysis). */
export function itemsOf(analysis: Analysis): Items {
  let items = itemsByAnalysis.get(analysis);
  if (items) return items;
  // Between analyses, never during one: its texts must keep the numbers they were counted by.
  if (keyNames.length >= MAX_KEYS) forgetTexts();
  trimCaches();
  const answers: AnswerItem[] = [];
  // Their verdict slots are found once the everyday concepts are known (below).
  const questions: { -readonly [K in keyof QuestionItem]: QuestionItem[K] }[] = [];
  // What each question's verdicts are keyed on, but the everyday concepts (known once all are read):
  // kept here, not on the item, so that the strings are dropped once the slots are found.
  const questionKeys: string[] = [];
  const framed = new Map<Chain['root'], boolean>();
  // `above`: the questions and answers said before this chain (for a cause's chain, the chain it hangs from).
  // `head`: for a cause's chain, the cause it explains.
  const visit = (chain: Chain, above: readonly TextInfo[], head?: TextInfo): void => {
    let known = framed.get(chain.root);
    if (known === undefined) {
      known = asksAboutDetection(chain.root.question?.text) || asksAboutDetection(chain.root.perspective?.text);
      framed.set(chain.root, known);
    }
    const detectionFramed: boolean = known;
    const earlier: TextInfo[] = [...above];
    let previousQuestion: TextInfo | undefined;
    let askedBefore: AskedBefore | undefined;
    for (const step of chain.steps) {
      const q = step.why;
      const questionInfo = q ? infoOf(q.text) : undefined;
      const previous = previousAnswer(step, analysis);
      const previousInfo = previous ? infoOf(previous.text) : undefined;
      if (q && questionInfo) {
        // Only a question about detection in a root about detection looks further back than the
        // previous answer; elsewhere how it went unnoticed is another line of inquiry, which may still
        // follow on from the previous step (its answer or question) or from the cause its chain
        // explains. Otherwise only an answer that leans on a pronoun brings in the previous question:
        // key on them only then.
        const asksDetection = detectsOf(questionInfo);
        const detection = detectionFramed && asksDetection;
        const leans = !!previousInfo && !!previousQuestion && (leansOnPronoun(previousInfo) || asksDetection);
        // A question of detection about the cause its chain explains (`Why didn't reviewers spot the
        // risk?` under `the PR was reviewed against a plan that …`) stays on that cause.
        const context = detection ? earlier.slice(-MAX_EARLIER).filter((info) => info !== previousInfo) : asksDetection && head && head !== previousInfo ? [head] : NONE;
        const key = `${questionInfo.id}:${previousInfo ? previousInfo.id : -1}:${previous?.from ?? ''}:${leans && previousQuestion ? previousQuestion.id : -1}:${context.map((i) => i.id).join(',')}:${askedBefore ? `${askedBefore.question.id}/${askedBefore.answer.id}` : ''}`;
        questions.push({ step, why: q, whyInfo: questionInfo, previous, previousInfo, previousQuestion: leans ? previousQuestion : undefined, askedBefore, earlier: context, verdicts: NO_SLOTS });
        questionKeys.push(key);
      }
      // An answer looks back only at a previous answer or cause: the problem statement may well name the first answer.
      const answered = previous?.from === 'answer' || previous?.from === 'cause' ? previousInfo : undefined;
      if (questionInfo) earlier.push(questionInfo);
      if (step.because) {
        const answerInfo = infoOf(step.because.text);
        answers.push(answerItem(step, step.path, step.because, answerInfo, questionInfo, q, answered, detectionFramed));
        earlier.push(answerInfo);
      }
      for (const cause of step.causes ?? []) {
        if (!cause.cause) continue;
        const causeInfo = infoOf(cause.cause.text);
        answers.push(answerItem(step, cause.path, cause.cause, causeInfo, questionInfo, q, answered, detectionFramed));
        visit(cause.chain, [...earlier, causeInfo], causeInfo);
      }
      askedBefore = questionInfo && previousInfo && (previous?.from === 'answer' || previous?.from === 'cause') ? { question: questionInfo, answer: previousInfo } : undefined;
      previousQuestion = questionInfo;
    }
  };
  const problem = analysis.problem ? [infoOf(analysis.problem.text)] : [];
  for (const root of analysis.roots) visit(root.chain, [...problem, ...(root.question ? [infoOf(root.question.text)] : [])]);
  const all: TextInfo[] = [...problem, ...analysis.roots.flatMap((r) => (r.question ? [infoOf(r.question.text)] : [])), ...questions.map((q) => q.whyInfo), ...answers.map((a) => a.answerInfo)];
  const everyday = everydayOf(all);
  lastAnalysisSize = all.length;
  const everydayId = everydayIdOf(everyday);
  // A question's verdicts depend on the everyday concepts too: its slots are found once they are known.
  for (let i = 0; i < questions.length; i++) questions[i].verdicts = slotsOf(`${questionKeys[i]}|${everydayId}`);
  items = { answers, questions, everyday, everydayId };
  itemsByAnalysis.set(analysis, items);
  return items;
}

/** What a rule concludes about one answer or question. */
export interface Verdict {
  readonly message: string;
  /** The words judged by, as written in the file. */
  readonly evidence: readonly string[];
  readonly suggestion?: string;
  readonly parts?: readonly string[];
}

/** Judges an answer against its question. */
export type AnswerJudge = (
  answer: TextInfo,
  question: TextInfo | undefined,
  context: {
    readonly detectionFramed: boolean;
    /** The answer the question follows from; given only to a judge run with `{ previous: true }`. */
    readonly previous?: TextInfo;
  },
) => Verdict | undefined;

/** Judges a question against the answer it follows from. */
export type QuestionJudge = (
  question: TextInfo,
  previous: TextInfo | undefined,
  context: {
    readonly from?: PreviousAnswer['from'];
    readonly previousQuestion?: TextInfo;
    /** The previous step's question and the answer it followed from (see `QuestionItem.askedBefore`). */
    readonly askedBefore?: AskedBefore;
    readonly earlier: readonly TextInfo[];
    /** The analysis's everyday concepts (see `Items.everyday`). */
    readonly everyday: ReadonlySet<string>;
  },
) => Verdict | undefined;

/** The verdict slots of every item key judged (see `Slots`). */
const verdicts = new Map<string, Slots>();
/** Each rule's slot. */
const slots = new Map<RuleCode, number>();

function ruleSlot(code: RuleCode): number {
  let slot = slots.get(code);
  if (slot === undefined) slots.set(code, (slot = slots.size));
  return slot;
}

/** The verdict slots of an item key (created on first use). */
function slotsOf(key: string): Slots {
  let found = verdicts.get(key);
  if (!found) verdicts.set(key, (found = newSlots()));
  return found;
}

/** Empty verdict slots, one for each rule known (made at that length: written slot by slot, `[]` would grow to 17). */
function newSlots(): Slots {
  return new Array<Verdict | null | undefined>(Math.max(8, slots.size));
}

/** Stands for a result of `undefined` in those caches. */
const NOTHING = Symbol('nothing');

/**
 * Something worked out from one text alone, once per text however many rules ask for it (an
 * answer's vague phrase, its remedy): `compute` must read nothing but the text's analysis.
 * Cached on the text's analysis, so it is forgotten with it.
 */
export function perText<T>(compute: (info: TextInfo) => T): (info: TextInfo) => T {
  const slot = memoisers++;
  return (info) => {
    const known = info.memo[slot];
    if (known !== undefined) return (known === NOTHING ? undefined : known) as T;
    const value = compute(info);
    info.memo[slot] = value === undefined ? NOTHING : value;
    return value;
  };
}

/** Forgets every analysed text, verdict and key number. */
function forgetTexts(): void {
  texts.clear();
  verdicts.clear();
  itemsByAnalysis = new WeakMap();
  keyNumbers.clear();
  keyNames.length = 0;
}

// New synonyms change what texts mean: forget every analysed text and verdict.
onVocabularyChange(forgetTexts);

/** Empties a cache grown past its limit (see `cacheLimit`); called between analyses. */
function trimCaches(): void {
  const limit = cacheLimit();
  if (texts.size > limit) texts.clear();
  if (verdicts.size > limit) verdicts.clear();
}

/** Remembers a verdict in its slot (null for "sound"); `trimCaches` keeps the cache bounded. */
function remember(verdicts: Slots, slot: number, verdict: Verdict | undefined): Verdict | undefined {
  verdicts[slot] = verdict ?? null;
  return verdict;
}

function toFinding(verdict: Verdict, value: TextValue, path: string): RuleFinding {
  return {
    span: value.span,
    path,
    message: verdict.message,
    data: { evidence: verdict.evidence, suggestion: verdict.suggestion, parts: verdict.parts },
  };
}

/**
 * Runs an answer judge over every answer of an analysis (cached). With `previous`, the judge
 * also sees the answer the question follows from, and its verdicts are keyed on that text too.
 */
export function judgeAnswers(code: RuleCode, analysis: Analysis, judge: AnswerJudge, options: { readonly previous?: boolean } = {}): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const slot = ruleSlot(code);
  const withPrevious = options.previous === true;
  for (const item of itemsOf(analysis).answers) {
    // Looked up before judging, with no closure per item: this runs on every keystroke.
    const cached = withPrevious ? item.verdictsWithPrevious : item.verdicts;
    const known = cached[slot];
    const verdict =
      known !== undefined
        ? (known ?? undefined)
        : remember(cached, slot, judge(item.answerInfo, item.questionInfo, { detectionFramed: item.detectionFramed, previous: withPrevious ? item.previousInfo : undefined }));
    if (verdict) findings.push(toFinding(verdict, item.answer, item.path));
  }
  return findings;
}

/** Runs a question judge over every question of an analysis (cached). */
export function judgeQuestions(code: RuleCode, analysis: Analysis, judge: QuestionJudge): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const slot = ruleSlot(code);
  const items = itemsOf(analysis);
  for (const item of items.questions) {
    const known = item.verdicts[slot];
    const verdict =
      known !== undefined
        ? (known ?? undefined)
        : remember(item.verdicts, slot, judge(item.whyInfo, item.previousInfo, { from: item.previous?.from, previousQuestion: item.previousQuestion, askedBefore: item.askedBefore, earlier: item.earlier, everyday: items.everyday }));
    if (verdict) findings.push(toFinding(verdict, item.why, item.step.path));
  }
  return findings;
}

/** A text shortened for a message, on a word boundary. */
export function shorten(text: string, max = 80): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return t.slice(0, cut > max / 2 ? cut : max - 1) + '…';
}
