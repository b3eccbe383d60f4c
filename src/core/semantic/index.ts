/**
 * The semantic tier: the shipped sentence model (all-MiniLM-L6-v2) and the detectors that read
 * its similarities. Pure: the host supplies the model bytes and runs the transformer
 * (`TransformerRunner`); the tokenizer, pooling, features and findings live here.
 */
export { WordPieceTokenizer, normalizeForBert, preTokenize, MAX_TOKENS, type TokenIds } from './tokenizer';
export { meanPoolNormalized, cosine } from './pooling';
export { CachedSentenceEncoder, takingTurns, toBatch, type SentenceEncoder, type TransformerRunner, type TokenBatch } from './encoder';
export { semanticAnswers, semanticQuestions, textsOf, questionTextsOf, NEARBY_QUESTIONS, type SemanticAnswer, type SemanticQuestion, type OtherQuestion, type OtherAnswer } from './units';
export { chainBreakEvidence, chainBreakMessage, CHAIN_BREAK_FEATURES, type ChainBreakEvidence } from './chainBreak';
export { circularEvidence, circularMessage, CIRCULAR_FEATURES, type CircularEvidence } from './circular';
export { offTopicEvidence, offTopicMessage, similarityInWords, OFF_TOPIC_FEATURES, type OffTopicEvidence } from './offTopic';
export {
  semanticPass,
  semanticScores,
  offTopicRows,
  semanticRows,
  SEMANTIC_DETECTORS,
  SEMANTIC_FEATURES,
  type SemanticRow,
  type SemanticDetectorName,
  parseSemanticMode,
  activeSemanticDetectors,
  validSemanticWeights,
  PassCancelled,
  type SemanticMode,
  type SemanticModels,
  type SemanticPassOptions,
  type SemanticScore,
  type Cancellation,
} from './pass';
