import * as vscode from 'vscode';
import { configureSynonyms, type CheckOptions, type SeveritySetting } from '../core';

/** The language id of `.whys.yaml` files. */
export const LANGUAGE_ID = 'whys';

/** Reads the `whys.*` settings that change what the checker reports, for one document's scope. */
export function checkOptionsFor(scope?: vscode.ConfigurationScope): CheckOptions {
  const config = vscode.workspace.getConfiguration('whys', scope);
  const rules = config.get<Record<string, SeveritySetting>>('rules') ?? {};
  const minDepth = config.get<number>('minDepth') ?? 3;
  return { rules, minDepth };
}

/** Whether a document is an analysis this extension checks. */
export function isAnalysis(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * The team's own synonyms (`whys.synonyms`: groups of words or phrases that mean the same, such as
 * `["WS", "widget service"]`), handed to the reasoning rules. Groups that are not lists of two or
 * more non-empty strings are left out. Returns the groups applied.
 */
export function applySynonyms(): string[][] {
  const raw = vscode.workspace.getConfiguration('whys').get<unknown>('synonyms');
  const groups = synonymGroups(raw);
  configureSynonyms(groups);
  return groups;
}

/** The well-formed groups of a `whys.synonyms` value. */
export function synonymGroups(raw: unknown): string[][] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((group): group is unknown[] => Array.isArray(group))
    .map((group) => group.filter((word): word is string => typeof word === 'string' && word.trim() !== '').map((word) => word.trim()))
    .filter((group) => group.length >= 2);
}
