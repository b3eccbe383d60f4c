/**
 * The semantic `chain-break` detector: does the question ask about the answer before it, or
 * about something else? Features are sentence-model similarities: question ↔ the answer it
 * should follow, the best nearby answer against that one, question ↔ its own answer, ↔ the
 * question before, ↔ the problem.
 */
import { cosine } from './pooling';
import { similarityInWords, type Vectors } from './offTopic';
import type { SemanticQuestion } from './units';

/** The feature names, in the order the weights file lists them. */
export const CHAIN_BREAK_FEATURES = ['toPrevious', 'otherMargin', 'closerElsewhere', 'toOwnAnswer', 'toPreviousQuestion', 'toProblem'] as const;

/** The similarities behind one question's score, kept for the message. */
export interface ChainBreakEvidence {
  readonly features: Readonly<Record<(typeof CHAIN_BREAK_FEATURES)[number], number>>;
  readonly toPrevious: number;
  readonly previous: string;
  /** The other answer the question is closest to, when it is closer to it than to the one it follows. */
  readonly closer?: { readonly text: string; readonly where: string; readonly similarity: number };
}

const sim = (vectors: Vectors, a: string | undefined, b: string | undefined): number | undefined => {
  const va = a ? vectors.get(a) : undefined;
  const vb = b ? vectors.get(b) : undefined;
  return va && vb ? cosine(va, vb) : undefined;
};

/** The features of one question, or undefined when a text has no vector. */
export function chainBreakEvidence(question: SemanticQuestion, vectors: Vectors): ChainBreakEvidence | undefined {
  const text = question.value.text;
  const toPrevious = sim(vectors, text, question.previous);
  if (toPrevious === undefined) return undefined;
  let best: { text: string; where: string; similarity: number } | undefined;
  for (const other of question.others) {
    const s = sim(vectors, text, other.text);
    if (s !== undefined && (!best || s > best.similarity)) best = { ...other, similarity: s };
  }
  const own = question.ownAnswers.map((a) => sim(vectors, text, a)).filter((s): s is number => s !== undefined);
  const features = {
    toPrevious,
    otherMargin: best ? best.similarity - toPrevious : 0,
    closerElsewhere: best && best.similarity > toPrevious ? 1 : 0,
    toOwnAnswer: own.length ? Math.max(...own) : toPrevious,
    toPreviousQuestion: sim(vectors, text, question.previousQuestion) ?? toPrevious,
    toProblem: sim(vectors, text, question.problem) ?? 0,
  };
  return { features, toPrevious, previous: question.previous, closer: best && best.similarity > toPrevious ? best : undefined };
}

const quote = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return `'${t.length > 80 ? `${t.slice(0, 77)}…` : t}'`;
};

/** The finding's message: what the question follows instead of the answer before it. */
export function chainBreakMessage(evidence: ChainBreakEvidence, probability: number): string {
  const before = `${similarityInWords(evidence.toPrevious)} to the answer it should follow, ${quote(evidence.previous)} (similarity ${evidence.toPrevious.toFixed(2)})`;
  const head = evidence.closer
    ? `This question is closer to the answer of ${evidence.closer.where}, ${quote(evidence.closer.text)} (similarity ${evidence.closer.similarity.toFixed(2)}), than to the answer before it: ${before}.`
    : `This question reads as ${before}; the chain may skip a step.`;
  return `${head} Found by the semantic pass (sentence model, ${Math.round(probability * 100)}% chain break).`;
}
