/**
 * The model review's transport in VS Code: the Language Model API (`vscode.lm`, stable since
 * 1.90). The user's own model (GitHub Copilot, or any model provider extension) answers the
 * core's requests; this file only picks the model, sends, collects the streamed text, enforces a
 * timeout, and turns the API's errors into messages a person can act on.
 */
import * as vscode from 'vscode';
import { JudgeTransportError, type JudgeRequest, type JudgeSignal, type JudgeTransport } from '../../core';

/** What VS Code shows the user when whys first asks to use their model. */
export const JUSTIFICATION = 'whys sends the questions and answers of this 5 Whys analysis to review its reasoning (off-topic answers, chain breaks, blame, vague causes…).';

/** A chat model as the review uses it: the model, its cache identity and the name people see. */
export interface JudgeModel {
  readonly chat: vscode.LanguageModelChat;
  /** Part of every cache key: `vendor/family/id` (a different model's verdicts are not reused). */
  readonly key: string;
  /** The model's name, as its provider gives it. */
  readonly name: string;
}

/**
 * The selector a `whys.judge.model` setting names: `vendor`, `vendor/family` or
 * `vendor/family/id`; empty: any model.
 */
export function modelSelector(setting: string): vscode.LanguageModelChatSelector {
  const [vendor, family, ...id] = setting.trim().split('/').map((part) => part.trim());
  const selector: { vendor?: string; family?: string; id?: string } = {};
  if (vendor) selector.vendor = vendor;
  if (family) selector.family = family;
  if (id.length > 0 && id.join('/')) selector.id = id.join('/');
  return selector;
}

/** The model a setting names (the first `vscode.lm.selectChatModels` offers), if there is one. */
export async function selectJudgeModel(setting: string): Promise<JudgeModel | undefined> {
  const [chat] = await vscode.lm.selectChatModels(modelSelector(setting));
  if (!chat) return undefined;
  return { chat, key: `${chat.vendor}/${chat.family}/${chat.id}`, name: chat.name || chat.id };
}

/**
 * A `LanguageModelError` that means the model cannot be used in this window at all (no permission,
 * blocked, gone): the review stops using models until the window is reloaded.
 */
export class ModelUnavailableError extends JudgeTransportError {
  constructor(
    message: string,
    /** `NoPermissions`, `Blocked` or `NotFound`. */
    readonly code: string,
  ) {
    super(message, true);
    this.name = 'ModelUnavailableError';
  }
}

/** The review was cancelled by the user. */
export class ReviewCancelledError extends JudgeTransportError {
  constructor() {
    super('cancelled', true);
    this.name = 'ReviewCancelledError';
  }
}

/** Options of {@link LmTransport}. */
export interface LmTransportOptions {
  /** How long one request may take. */
  readonly timeoutMs: number;
  /** The user's cancellation (the progress notification's Cancel button). */
  readonly token?: vscode.CancellationToken;
}

/** Sends the core's requests to a `vscode.lm` chat model. */
export class LmTransport implements JudgeTransport {
  /** Requests sent through this transport. */
  sent = 0;
  /** Set when the API said the model cannot be used (no permission, blocked, not found). */
  unavailable: ModelUnavailableError | undefined;

  constructor(
    private readonly model: JudgeModel,
    private readonly options: LmTransportOptions,
  ) {}

  async send(request: JudgeRequest, signal?: JudgeSignal): Promise<string> {
    const outer = this.options.token;
    if (outer?.isCancellationRequested || signal?.aborted) throw new ReviewCancelledError();
    // The Language Model API has no system role for other extensions: the instruction goes first,
    // as a user message.
    const messages = request.messages.map((m) => vscode.LanguageModelChatMessage.User(m.content));
    const source = new vscode.CancellationTokenSource();
    const linked = outer?.onCancellationRequested(() => source.cancel());
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      source.cancel();
    }, this.options.timeoutMs);
    this.sent++;
    try {
      const response = await this.model.chat.sendRequest(messages, { justification: JUSTIFICATION }, source.token);
      let text = '';
      for await (const chunk of response.text) {
        text += chunk;
        if (source.token.isCancellationRequested) break;
      }
      if (source.token.isCancellationRequested) throw timedOut ? timeoutError(this.options.timeoutMs) : new ReviewCancelledError();
      return text;
    } catch (error) {
      if (error instanceof JudgeTransportError) throw error;
      if (timedOut) throw timeoutError(this.options.timeoutMs);
      if (outer?.isCancellationRequested || error instanceof vscode.CancellationError) throw new ReviewCancelledError();
      const failure = transportError(error, this.model.name);
      if (failure instanceof ModelUnavailableError) this.unavailable ??= failure;
      throw failure;
    } finally {
      clearTimeout(timer);
      linked?.dispose();
      source.dispose();
    }
  }
}

function timeoutError(ms: number): JudgeTransportError {
  return new JudgeTransportError(`the model did not answer within ${Math.round(ms / 1000)} s (whys.judge.timeoutSeconds)`, false);
}

/** A clear message for an error of the Language Model API. */
export function transportError(error: unknown, model: string): JudgeTransportError {
  if (error instanceof vscode.LanguageModelError) {
    switch (error.code) {
      case vscode.LanguageModelError.NoPermissions.name:
        return new ModelUnavailableError(`whys may not use ${model}: permission was not given (${error.message}). Allow it and reload the window to review again.`, 'NoPermissions');
      case vscode.LanguageModelError.Blocked.name:
        return new ModelUnavailableError(`${model} refused the request: it is blocked, for example by a quota or a content filter (${error.message}). Model review is off for this window.`, 'Blocked');
      case vscode.LanguageModelError.NotFound.name:
        return new ModelUnavailableError(`${model} is not available any more (${error.message}). Check whys.judge.model; model review is off for this window.`, 'NotFound');
      default:
        return new JudgeTransportError(`${model} failed: ${error.message}`, false);
    }
  }
  return new JudgeTransportError(`${model} failed: ${error instanceof Error ? error.message : String(error)}`, false);
}
