/**
 * What the semantic detectors judge, and the texts they need embedded: every answer (a step's
 * `because` or one cause) with its question, the answer its question follows from, the problem,
 * its root's framing question, the next question, and the questions of nearby steps to rank its
 * own question against (bounded, so a long file costs linear time; the questions that follow
 * from this step's answers are left out, since they are meant to be close to it).
 */
import { allSteps, describe, previousAnswer, type Analysis, type Step, type TextValue } from '../model';
import { LINES_OF_INQUIRY } from './offTopic';

/** How many other steps' questions an answer is ranked against (the nearest in the file). */
export const NEARBY_QUESTIONS = 12;

/** Another step's question an answer may be closer to. */
export interface OtherQuestion {
  readonly text: string;
  /** How a message names it: "step 2", "step 1 of cause 2 of step 3". */
  readonly where: string;
}

/** One answer in its context. */
export interface SemanticAnswer {
  readonly value: TextValue;
  readonly step: Step;
  readonly question?: string;
  readonly previous?: string;
  readonly problem?: string;
  readonly rootQuestion?: string;
  readonly nextQuestion?: string;
  readonly others: readonly OtherQuestion[];
}

/** Every answer of an analysis, in file order. */
export function semanticAnswers(analysis: Analysis): SemanticAnswer[] {
  const steps = allSteps(analysis);
  const asked = steps.filter((s) => s.why);
  const position = new Map(asked.map((s, i) => [s, i]));
  const out: SemanticAnswer[] = [];
  for (const step of steps) {
    const question = step.why?.text;
    const at = position.get(step) ?? steps.indexOf(step);
    // The questions that ask about this step's answers follow from them by design: not rivals.
    const followers = new Set([step.chain.steps[step.index + 1]?.why?.text, ...(step.causes ?? []).map((c) => c.chain.steps[0]?.why?.text)]);
    const others: OtherQuestion[] = [];
    for (let d = 1; others.length < NEARBY_QUESTIONS && (at - d >= 0 || at + d < asked.length); d++) {
      for (const j of [at - d, at + d]) {
        if (j < 0 || j >= asked.length || others.length >= NEARBY_QUESTIONS) continue;
        const other = asked[j];
        if (other === step || other.why!.text === question || followers.has(other.why!.text)) continue;
        others.push({ text: other.why!.text, where: describe(other) });
      }
    }
    const previous = previousAnswer(step, analysis);
    const answers: TextValue[] = step.because ? [step.because] : (step.causes ?? []).flatMap((c) => (c.cause ? [c.cause] : []));
    // The question that asks about this answer: the next step's, or a cause's first nested step.
    const next = step.chain.steps[step.index + 1]?.why?.text;
    for (const value of answers) {
      const cause = step.causes?.find((c) => c.cause === value);
      const nested = cause?.chain.steps[0]?.why?.text;
      out.push({
        value,
        step,
        question,
        previous: previous?.text,
        problem: analysis.problem?.text,
        rootQuestion: step.chain.root.question?.text,
        nextQuestion: step.because ? next : nested,
        others,
      });
    }
  }
  return out;
}

/** Every text the answers' features need, each once. */
export function textsOf(answers: readonly SemanticAnswer[]): string[] {
  const texts = new Set<string>();
  const add = (t: string | undefined): void => {
    if (t && t.trim()) texts.add(t);
  };
  for (const a of answers) {
    add(a.value.text);
    add(a.question);
    add(a.previous);
    add(a.problem);
    add(a.rootQuestion);
    add(a.nextQuestion);
    for (const o of a.others) add(o.text);
  }
  if (answers.length) for (const line of LINES_OF_INQUIRY) add(line.question);
  return [...texts];
}

/** Another step's answer a question may be closer to. */
export interface OtherAnswer {
  readonly text: string;
  readonly where: string;
}

/** One question in its context: the answer it should follow, and what else it could follow. */
export interface SemanticQuestion {
  readonly value: TextValue;
  readonly step: Step;
  /** The answer (or cause) the question should ask about. */
  readonly previous: string;
  readonly previousQuestion?: string;
  readonly ownAnswers: readonly string[];
  readonly problem?: string;
  /** Answers of nearby steps, not the one it follows nor its own (the nearest, bounded). */
  readonly others: readonly OtherAnswer[];
}

/** Every question that follows an answer or a cause, in file order. */
export function semanticQuestions(analysis: Analysis): SemanticQuestion[] {
  const steps = allSteps(analysis);
  const out: SemanticQuestion[] = [];
  steps.forEach((step, at) => {
    const previous = previousAnswer(step, analysis);
    if (!step.why || !previous || (previous.from !== 'answer' && previous.from !== 'cause')) return;
    const own = step.because ? [step.because.text] : (step.causes ?? []).flatMap((c) => (c.cause ? [c.cause.text] : []));
    const skip = new Set([previous.text, ...own]);
    const others: OtherAnswer[] = [];
    for (let d = 1; others.length < NEARBY_QUESTIONS && (at - d >= 0 || at + d < steps.length); d++) {
      for (const j of [at - d, at + d]) {
        if (j < 0 || j >= steps.length || others.length >= NEARBY_QUESTIONS) continue;
        const other = steps[j];
        const texts = other.because ? [other.because.text] : (other.causes ?? []).flatMap((c) => (c.cause ? [c.cause.text] : []));
        for (const text of texts) if (!skip.has(text)) others.push({ text, where: describe(other) });
      }
    }
    const before = step.index > 0 ? step.chain.steps[step.index - 1].why?.text : step.chain.owner.kind === 'cause' ? step.chain.owner.step.why?.text : undefined;
    out.push({ value: step.why, step, previous: previous.text, previousQuestion: before, ownAnswers: own, problem: analysis.problem?.text, others });
  });
  return out;
}

/** Every text the questions' features need, each once. */
export function questionTextsOf(questions: readonly SemanticQuestion[]): string[] {
  const texts = new Set<string>();
  const add = (t: string | undefined): void => {
    if (t && t.trim()) texts.add(t);
  };
  for (const q of questions) {
    add(q.value.text);
    add(q.previous);
    add(q.previousQuestion);
    add(q.problem);
    q.ownAnswers.forEach(add);
    for (const o of q.others) add(o.text);
  }
  return [...texts];
}
