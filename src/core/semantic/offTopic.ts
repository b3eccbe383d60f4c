/**
 * The semantic `off-topic` detector: does the answer address its own question, or read as the
 * answer to another one? Features are sentence-model similarities (cosine of unit vectors):
 * answer ↔ its question, ↔ the answer its question follows from, ↔ the problem, ↔ the root's
 * framing question, the best of the nearby steps' questions against its own, whether the
 * next question follows this answer more than it follows this question, and how far the answer
 * leans to another line of inquiry of a postmortem (detection, recovery, spread) that its own
 * question is not about: the essay's off-topic answer explains why a fault was not caught when
 * it was asked why the fault was there.
 */
import { cosine } from './pooling';
import type { SemanticAnswer } from './units';

/** The feature names, in the order the weights file lists them. */
export const OFF_TOPIC_FEATURES = ['toQuestion', 'toPrevious', 'toProblem', 'toRootQuestion', 'otherMargin', 'ownIsBest', 'nextFollowsAnswer', 'questionToPrevious', 'lineShift'] as const;

/** A line of inquiry other than the occurrence of the problem: the roots SPEC §1 and the essay ask for besides "why did it happen". */
export interface LineOfInquiry {
  readonly name: string;
  /** Its framing question, as the sentence model reads it. */
  readonly question: string;
}

/**
 * The other lines of inquiry an answer can stray into (fixed: the model's weights depend on
 * them). An answer that is closer to one of these questions than to its own, when its own
 * question is not itself on that line, answers a different question.
 */
export const LINES_OF_INQUIRY: readonly LineOfInquiry[] = [
  { name: 'testing', question: 'Why was the problem not caught by testing before release?' },
  { name: 'detection', question: 'Why was the problem not detected sooner?' },
  { name: 'recovery', question: 'Why did it take so long to recover?' },
  { name: 'spread', question: 'Why did the impact spread so widely?' },
];

/** The similarities behind one answer's score, kept for the message. */
export interface OffTopicEvidence {
  readonly features: Readonly<Record<(typeof OFF_TOPIC_FEATURES)[number], number>>;
  readonly toQuestion: number;
  /** The other question the answer is closest to, when it is closer to it than to its own. */
  readonly closer?: { readonly text: string; readonly where: string; readonly similarity: number };
  /** The line of inquiry the answer leans to, when it is closer to it than to its own question and than its question is. */
  readonly line?: { readonly line: LineOfInquiry; readonly similarity: number; readonly questionToLine: number };
}

/** The vectors of texts, by text. */
export type Vectors = ReadonlyMap<string, Float32Array>;

const sim = (vectors: Vectors, a: string | undefined, b: string | undefined): number | undefined => {
  const va = a ? vectors.get(a) : undefined;
  const vb = b ? vectors.get(b) : undefined;
  return va && vb ? cosine(va, vb) : undefined;
};

/** The features of one answer, or undefined when it has no question to judge against. */
export function offTopicEvidence(answer: SemanticAnswer, vectors: Vectors): OffTopicEvidence | undefined {
  const text = answer.value.text;
  const toQuestion = sim(vectors, text, answer.question);
  if (toQuestion === undefined) return undefined;
  let best: { text: string; where: string; similarity: number } | undefined;
  for (const other of answer.others) {
    const s = sim(vectors, text, other.text);
    if (s !== undefined && (!best || s > best.similarity)) best = { ...other, similarity: s };
  }
  const toPrevious = sim(vectors, text, answer.previous);
  const nextToAnswer = sim(vectors, answer.nextQuestion, text);
  const nextToQuestion = sim(vectors, answer.nextQuestion, answer.question);
  // How far the answer leans to another line of inquiry, beyond both its own question and how
  // much that question itself is about the line.
  let line: OffTopicEvidence['line'];
  let lineShift = -1;
  for (const l of LINES_OF_INQUIRY) {
    const toLine = sim(vectors, text, l.question);
    const questionToLine = sim(vectors, answer.question, l.question);
    if (toLine === undefined || questionToLine === undefined) continue;
    const shift = toLine - Math.max(toQuestion, questionToLine);
    if (shift > lineShift) {
      lineShift = shift;
      line = { line: l, similarity: toLine, questionToLine };
    }
  }
  const features = {
    toQuestion,
    toPrevious: toPrevious ?? toQuestion,
    toProblem: sim(vectors, text, answer.problem) ?? toQuestion,
    toRootQuestion: sim(vectors, text, answer.rootQuestion) ?? toQuestion,
    otherMargin: best ? best.similarity - toQuestion : 0,
    ownIsBest: !best || toQuestion >= best.similarity ? 1 : 0,
    nextFollowsAnswer: nextToAnswer !== undefined && nextToQuestion !== undefined ? nextToAnswer - nextToQuestion : 0,
    questionToPrevious: sim(vectors, answer.question, answer.previous) ?? 0,
    lineShift: line ? lineShift : 0,
  };
  return { features, toQuestion, closer: best && best.similarity > toQuestion ? best : undefined, line: line && lineShift > 0 ? line : undefined };
}

/** How a similarity reads in words (all-MiniLM-L6-v2 cosines: unrelated sentences sit near 0–0.2). */
export function similarityInWords(s: number): string {
  if (s >= 0.7) return 'very close';
  if (s >= 0.5) return 'close';
  if (s >= 0.3) return 'loosely related';
  if (s >= 0.15) return 'barely related';
  return 'unrelated';
}

const quote = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return `'${t.length > 80 ? `${t.slice(0, 77)}…` : t}'`;
};

/** The finding's message: what the answer is closer to, with the similarities in words and figures. */
export function offTopicMessage(evidence: OffTopicEvidence, probability: number): string {
  const own = `${similarityInWords(evidence.toQuestion)} to its own question (similarity ${evidence.toQuestion.toFixed(2)})`;
  const line = evidence.line;
  const head = evidence.closer && (!line || evidence.closer.similarity >= line.similarity)
    ? `This answer is closer to the question of ${evidence.closer.where}, ${quote(evidence.closer.text)}, than to its own: ${similarityInWords(evidence.closer.similarity)} to that one (similarity ${evidence.closer.similarity.toFixed(2)}), ${own}.`
    : line
      ? `This answer leans to another line of inquiry, ${line.line.name} (${quote(line.line.question)}): ${similarityInWords(line.similarity)} to that question (similarity ${line.similarity.toFixed(2)}), ${own}; its own question is ${similarityInWords(line.questionToLine)} to ${line.line.name} (similarity ${line.questionToLine.toFixed(2)}). Answer what its question asks, and give ${line.line.name} its own root.`
      : `This answer reads as ${own}; it may answer a different question.`;
  return `${head} Found by the semantic pass (sentence model, ${Math.round(probability * 100)}% off-topic).`;
}
