/**
 * The whys core: pure TypeScript with no editor or Node API, so it runs in the extension host,
 * the CLI and a browser worker alike.
 */
export * from './model';
export * from './findings';
// The model review (issue 10): request, reply, merge, cache; see judge/index.ts.
export * from './judge';
export { modelReviewNote } from './reviewNote';
export { parseAnalysis, type ParsedAnalysis } from './parse';
export { reparseAnalysis } from './reparse';
export { checkText, checkParsed, recheckText, severityOf, DEFAULT_MIN_DEPTH, type CheckResult } from './check';
export { RULES, STRUCTURAL_RULES, REASONING_RULES, ruleFor } from './rules';
export { LineIndex, commentsOf, type Comment } from './text';
export { parseDirective, suppressionsOf, type Suppression } from './suppression';
export { whysSchema, resolveSchema, type SchemaNode } from './schema';
export { closestWord } from './words';
export { toMermaid, treeDiagram, nodeIdOf, nodeAtOffset, countTreeNodes, escapeLabel, type MermaidOptions, type TreeDiagram, type TreeNode } from './mermaid';
export { toMarkdownReport } from './markdown';
export { positionAt, keyAt, scopeAt, scopesOf, PART_CHARS, keySuggestions, valueSuggestions, describeKey, propertySchema, schemaAt, blockAt, BLOCK_KINDS, type BlockKind, type TreePath, type TreePosition, type TextScope, type KeyPosition, type ValuePosition, type KeySuggestion, type ValueSuggestion } from './position';
export { outlineOf, outlineInSlices, rootOutlines, foldingBlocksOf, foldingBlocksIn, foldingBlocksInSlices, commentFoldingBlocks, mergeFoldingBlocks, type OutlineEntry, type OutlineKind, type FoldingBlock } from './outline';
export { formatText, formatEdits, type FormatOptions, type FormatEdit } from './format';
export { fixesFor, applyEdits, applyFilled, type Fix, type TextEdit, type Placeholder, type PlaceholderKind } from './fixes';
export { verdictAt, valueAt, escapeMarkdown, NOTHING_FOUND, TIER_NAMES, type Verdict, type VerdictEntry, type VerdictField } from './verdict';
export { configureSynonyms, toWhyQuestion } from './reasoning';
export { readSynonymSetting, type SynonymSetting } from './synonyms';
export { importAnalysis, type ImportedAnalysis, type ImportOptions } from './fromText';
export { rootSummaries, longestChain, type RootSummary } from './summary';
export { loadLearned, learnedFindings, isLearnedMode, detectorOn, WORD_VECTOR_DETECTORS, type LearnedMode, type LearnedModels, type LearnedWeightsFile, type LearnedFinding } from './learned';
export * from './semantic';
