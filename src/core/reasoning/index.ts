/** The reasoning checker's public surface beyond its rules. */
export { configureSynonyms } from './similarity';
export { toWhyQuestion } from './rephrase';
