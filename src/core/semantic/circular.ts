/**
 * The semantic `circular` detector: does the answer name a cause, or say its question (or the
 * answer before it) again in other words? Features: sentence-model similarities of the answer to
 * its question, to the answer its question follows from, the closer of the two, and the share of
 * its content words that neither of them already has (what it adds).
 *
 * Chosen, among variants, as the one whose features all point the way the rule means (closer is
 * more circular, more new words less) and which raises no false alarm on the essay's examples. The
 * variants that also read the answer's length or how many of its words are repeated found far more
 * in cross-validation, but by flagging short answers: vague, blaming and remedy ones, and real
 * causes of the essay's chain.
 */
import { cosine } from './pooling';
import { similarityInWords, type Vectors } from './offTopic';
import type { SemanticAnswer } from './units';
import { learnedText } from '../learned/text';
import { stem } from '../reasoning/stem';

/** The feature names, in the order the weights file lists them. */
export const CIRCULAR_FEATURES = ['toQuestion', 'toPrevious', 'restates', 'newWordShare'] as const;

/** The similarities and words behind one answer's score, kept for the message. */
export interface CircularEvidence {
  readonly features: Readonly<Record<(typeof CIRCULAR_FEATURES)[number], number>>;
  readonly toQuestion: number;
  /** The text the question follows from (the answer before, or the problem for a first step), when the answer is closer to it than to its question. */
  readonly previous?: { readonly text: string; readonly similarity: number };
  /** What the question follows from, in words: "the answer before it", "the problem statement". */
  readonly before: string;
  /** The answer's content words, and how many of them its question or the answer before already has. */
  readonly contentWords: number;
  readonly repeated: number;
}

const sim = (vectors: Vectors, a: string | undefined, b: string | undefined): number | undefined => {
  const va = a ? vectors.get(a) : undefined;
  const vb = b ? vectors.get(b) : undefined;
  return va && vb ? cosine(va, vb) : undefined;
};

/** The answer's content words, and those of them (by stem) that none of the context texts has. */
function wordsAdded(answer: string, context: readonly (string | undefined)[]): { content: number; added: number } {
  const content = learnedText(answer).content;
  const seen = new Set(context.flatMap((t) => (t ? learnedText(t).content.map(stem) : [])));
  return { content: content.length, added: content.filter((w) => !seen.has(stem(w))).length };
}

/** The features of one answer, or undefined when it has no question to judge against. */
export function circularEvidence(answer: SemanticAnswer, vectors: Vectors): CircularEvidence | undefined {
  const text = answer.value.text;
  const toQuestion = sim(vectors, text, answer.question);
  if (toQuestion === undefined) return undefined;
  const toPrevious = sim(vectors, text, answer.previous);
  const words = wordsAdded(text, [answer.question, answer.previous]);
  const features = {
    toQuestion,
    toPrevious: toPrevious ?? toQuestion,
    restates: Math.max(toQuestion, toPrevious ?? toQuestion),
    newWordShare: words.content ? words.added / words.content : 0,
  };
  const before = answer.previous === answer.problem ? 'the problem statement' : answer.previous === answer.rootQuestion ? "the root's question" : 'the answer before it';
  const previous = toPrevious !== undefined && toPrevious > toQuestion && answer.previous ? { text: answer.previous, similarity: toPrevious } : undefined;
  return { features, toQuestion, before, previous, contentWords: words.content, repeated: words.content - words.added };
}

const quote = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return `'${t.length > 80 ? `${t.slice(0, 77)}…` : t}'`;
};

/** The finding's message: what the answer says again, with the similarities and the words it repeats. */
export function circularMessage(evidence: CircularEvidence, probability: number): string {
  const own = `${similarityInWords(evidence.toQuestion)} to its own question (similarity ${evidence.toQuestion.toFixed(2)})`;
  const head = evidence.previous
    ? `This answer reads as ${evidence.before}, ${quote(evidence.previous.text)}, said again, not as a cause: ${similarityInWords(evidence.previous.similarity)} to it (similarity ${evidence.previous.similarity.toFixed(2)}), ${own}`
    : `This answer reads as its question said again, not as a cause: ${own}`;
  const m = evidence.contentWords;
  const k = evidence.repeated;
  const words = `${k} of its ${m} content word${m === 1 ? '' : 's'} ${k === 1 ? 'is' : 'are'} already in the question or ${evidence.before.replace(/ it$/, '')}`;
  return `${head}; ${words}. Say what made it happen. Found by the semantic pass (sentence model, ${Math.round(probability * 100)}% circular).`;
}
