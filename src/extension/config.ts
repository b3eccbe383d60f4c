import * as vscode from 'vscode';
import { configureSynonyms, isLearnedMode, readSynonymSetting, type CheckOptions, type SeveritySetting } from '../core';

/** The language id of `.whys.yaml` files. */
export const LANGUAGE_ID = 'whys';

/** Reads the `whys.*` settings that change what the checker reports, for one document's scope. */
export function checkOptionsFor(scope?: vscode.ConfigurationScope): CheckOptions {
  const config = vscode.workspace.getConfiguration('whys', scope);
  const rules = config.get<Record<string, SeveritySetting>>('rules') ?? {};
  const minDepth = config.get<number>('minDepth') ?? 3;
  const learned = config.get<string>('learned');
  return { rules, minDepth, learnedMode: isLearnedMode(learned) ? learned : 'default' };
}

/** Whether a document is an analysis this extension checks. */
export function isAnalysis(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * The team's own synonyms (`whys.synonyms`: groups of words or phrases that mean the same, such as
 * `["WS", "widget service"]`), handed to the reasoning rules. Entries that are not lists of two or
 * more non-empty strings are left out, and a warning says which. Returns the groups applied.
 */
export function applySynonyms(): string[][] {
  const raw = vscode.workspace.getConfiguration('whys').get<unknown>('synonyms');
  const { groups, ignored } = readSynonymSetting(raw);
  configureSynonyms(groups);
  if (ignored.length > 0) {
    void vscode.window.showWarningMessage(`whys.synonyms: ${ignored.join('; ')}. The other groups are in use.`);
  }
  return groups;
}
