/**
 * The model review's status bar item, shown while a whys analysis is the active editor: the
 * model's name and where the review stands (off, reviewing, N findings, error, not reviewed since
 * the last edit). Clicking it runs the review.
 */
import * as vscode from 'vscode';
import { isAnalysis } from '../config';
import { CANCEL_COMMAND, REVIEW_COMMAND, type ModelReview, type ReviewState } from './modelReview';

/** The item's id (VS Code lists it under this name in the status bar's context menu). */
export const STATUS_ITEM_ID = 'whys.judge.status';

/** Text and tooltip of the item for a review state. */
export function statusText(state: ReviewState): { text: string; tooltip: string } {
  const click = 'Click to review the reasoning with a language model.';
  switch (state.kind) {
    case 'off':
      return { text: '$(circle-slash) Model review: off', tooltip: `${state.reason} ${click}` };
    case 'not-run':
      return { text: `$(sparkle) ${state.model ?? 'Model review'}: not reviewed`, tooltip: `The language model has not reviewed this version of the analysis. ${click}` };
    case 'reviewing':
      return { text: `$(sync~spin) ${state.model}: reviewing…`, tooltip: `${state.model} is reviewing the reasoning of this analysis. Click to cancel.` };
    case 'reviewed':
      return {
        text: `$(sparkle) ${state.model}: ${state.findings} finding${state.findings === 1 ? '' : 's'}`,
        tooltip: `${state.model} reviewed every step of this analysis${state.findings === 0 ? ' and found no reasoning problem' : `: ${state.findings} finding${state.findings === 1 ? '' : 's'} (marked “(model)” in Problems)`}. ${click}`,
      };
    case 'stale':
      return {
        text: `$(sparkle) ${state.model}: ${state.findings} finding${state.findings === 1 ? '' : 's'}, not reviewed since the last edit`,
        tooltip: `${state.notJudged} step${state.notJudged === 1 ? ' was' : 's were'} changed or added since ${state.model} last reviewed them. ${click}`,
      };
    case 'error':
      return { text: `$(error) ${state.model ?? 'Model review'}: error`, tooltip: `${state.message} ${click}` };
  }
}

/** Shows the review's state for the active analysis. */
export class ReviewStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly review: ModelReview) {
    this.item.name = 'Whys Model Review';
    this.item.command = REVIEW_COMMAND;
    this.disposables.push(
      review.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('whys.judge')) this.update();
      }),
    );
    this.update();
  }

  private visible = false;

  /** The item's text while it is shown (for tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isAnalysis(document)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const state = this.review.stateOf(document);
    const { text, tooltip } = statusText(state);
    this.item.command = state.kind === 'reviewing' ? CANCEL_COMMAND : REVIEW_COMMAND;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
