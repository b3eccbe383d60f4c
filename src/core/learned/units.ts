/**
 * What the learned detectors judge: every answer (a step's `because` or one cause) with its
 * question and the answer before, and every question with the answer it follows from. Each
 * text is prepared once per check.
 */
import { allSteps, previousAnswer, type Analysis, type Step, type TextValue } from '../model';
import { learnedText, type LearnedText } from './text';

/** An answer in its context. */
export interface AnswerUnit {
  readonly kind: 'answer';
  /** The step's path, or the cause's. */
  readonly path: string;
  readonly value: TextValue;
  readonly step: Step;
  readonly answer: LearnedText;
  readonly question?: LearnedText;
  /** The answer the question follows from (previous answer, the cause above, or the problem). */
  readonly previous?: LearnedText;
  readonly rootQuestion?: LearnedText;
  /** Other answers of the file near this one (at most `NEIGHBOURS`), to rank against. */
  readonly others: readonly LearnedText[];
}

/** A question in its context. */
export interface QuestionUnit {
  readonly kind: 'question';
  readonly path: string;
  readonly value: TextValue;
  readonly step: Step;
  readonly question: LearnedText;
  readonly previous?: LearnedText;
  readonly previousFrom?: 'answer' | 'cause' | 'question' | 'problem';
  /** The question before (the previous step's, or the step the cause above answers). */
  readonly previousQuestion?: LearnedText;
  readonly rootQuestion?: LearnedText;
  /** Other answers of the file near this one (at most `NEIGHBOURS`), not the previous one. */
  readonly others: readonly LearnedText[];
}

export type LearnedUnit = AnswerUnit | QuestionUnit;

/** How many other answers a unit is ranked against: bounded, so a long file costs linear time. */
export const NEIGHBOURS = 12;

/** Every answer and question of an analysis, in file order. */
export function unitsOf(analysis: Analysis): { answers: AnswerUnit[]; questions: QuestionUnit[] } {
  const cache = new Map<string, LearnedText>();
  const prepared = (text: string): LearnedText => {
    let t = cache.get(text);
    if (!t) cache.set(text, (t = learnedText(text)));
    return t;
  };
  const steps = allSteps(analysis);
  const flat: { value: TextValue; path: string; step: Step }[] = [];
  for (const step of steps) {
    if (step.because) flat.push({ value: step.because, path: step.path, step });
    for (const cause of step.causes ?? []) if (cause.cause) flat.push({ value: cause.cause, path: cause.path, step });
  }
  const near = (i: number, skip: ReadonlySet<string>): LearnedText[] => {
    const out: LearnedText[] = [];
    for (let d = 1; out.length < NEIGHBOURS && (i - d >= 0 || i + d < flat.length); d++) {
      for (const j of [i - d, i + d]) {
        if (j < 0 || j >= flat.length || out.length >= NEIGHBOURS) continue;
        if (!skip.has(flat[j].value.text)) out.push(prepared(flat[j].value.text));
      }
    }
    return out;
  };
  const firstAnswer = new Map<Step, number>();
  flat.forEach((f, i) => {
    if (!firstAnswer.has(f.step)) firstAnswer.set(f.step, i);
  });
  const answers: AnswerUnit[] = flat.map((f, i) => {
    const previous = previousAnswer(f.step, analysis);
    return {
      kind: 'answer',
      path: f.path,
      value: f.value,
      step: f.step,
      answer: prepared(f.value.text),
      question: f.step.why ? prepared(f.step.why.text) : undefined,
      previous: previous ? prepared(previous.text) : undefined,
      rootQuestion: f.step.chain.root.question ? prepared(f.step.chain.root.question.text) : undefined,
      others: near(i, new Set([f.value.text])),
    };
  });
  const questions: QuestionUnit[] = [];
  for (const step of steps) {
    if (!step.why) continue;
    const previous = previousAnswer(step, analysis);
    const before = step.index > 0 ? step.chain.steps[step.index - 1].why : step.chain.owner.kind === 'cause' ? step.chain.owner.step.why : undefined;
    const at = firstAnswer.get(step) ?? 0;
    questions.push({
      kind: 'question',
      path: step.path,
      value: step.why,
      step,
      question: prepared(step.why.text),
      previous: previous ? prepared(previous.text) : undefined,
      previousFrom: previous?.from,
      previousQuestion: before ? prepared(before.text) : undefined,
      rootQuestion: step.chain.root.question ? prepared(step.chain.root.question.text) : undefined,
      others: near(at, new Set([previous?.text ?? '', step.because?.text ?? ''])),
    });
  }
  return { answers, questions };
}
