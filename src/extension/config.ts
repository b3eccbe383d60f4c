import * as vscode from 'vscode';
import type { CheckOptions, SeveritySetting } from '../core';

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
