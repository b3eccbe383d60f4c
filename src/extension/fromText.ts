/**
 * "Whys: New Analysis from Text": a 5-whys list pasted from a postmortem, a wiki page or an
 * essay (the editor's selection, else the clipboard) becomes a new, unsaved `.whys.yaml`
 * analysis in an editor, checked at once like any other. The parsing is the core's
 * (`importAnalysis`), the same as `whys import`.
 */
import * as vscode from 'vscode';
import { importAnalysis } from '../core';
import { LANGUAGE_ID } from './config';

/** The command id, as in package.json. */
export const NEW_FROM_TEXT_COMMAND = 'whys.newAnalysisFromText';

/**
 * The text to import: the argument (for keybindings and tests), else the active editor's
 * selection, else the clipboard.
 */
async function textToImport(arg: unknown): Promise<{ text: string; source: string } | undefined> {
  if (typeof arg === 'string' && arg.trim()) return { text: arg, source: 'text' };
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) return { text: editor.document.getText(editor.selection), source: 'the selection' };
  const clipboard = await vscode.env.clipboard.readText();
  if (clipboard.trim()) return { text: clipboard, source: 'the clipboard' };
  return undefined;
}

/** Registers the command; it resolves to the new document (undefined when there was no text). */
export function registerNewAnalysisFromText(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_FROM_TEXT_COMMAND, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
      const input = await textToImport(arg);
      if (!input) {
        void vscode.window.showWarningMessage('Select a 5-whys list in an editor, or copy it to the clipboard, then run “Whys: New Analysis from Text” again.');
        return undefined;
      }
      const imported = importAnalysis(input.text, { source: input.source });
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: imported.yaml });
      await vscode.window.showTextDocument(document, { preview: false });
      const kept = imported.comments ? `; ${imported.comments} line${imported.comments === 1 ? '' : 's'} kept as comments` : '';
      if (imported.steps === 0) void vscode.window.showWarningMessage(`No “Why …?” question with an answer was found in ${input.source}: the text is kept as comments to turn into steps.`);
      else void vscode.window.showInformationMessage(`New analysis from ${input.source}: ${imported.steps} step${imported.steps === 1 ? '' : 's'} in ${imported.roots} root${imported.roots === 1 ? '' : 's'}${kept}. Save it as a .whys.yaml file.`);
      return document;
    }),
  );
}
