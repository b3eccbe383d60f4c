/**
 * Helpers for the model review's extension-host tests: steer the scripted stand-in for a language
 * model (test/vscode/scripted-chat-model/, loaded beside whys by the host-test launchers).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

/** The stand-in's vendor and model, as whys's `whys.judge.model` selector names them. */
export const SCRIPTED_VENDOR = 'whys-scripted';
export const SCRIPTED_MODEL_NAME = 'Scripted Judge (test stand-in)';

/** One scripted reply (see test/vscode/scripted-chat-model/extension.js). */
export interface ScriptedReply {
  /** The reply answers requests whose text contains this; absent: every request. */
  readonly when?: string;
  readonly text?: string;
  readonly delayMs?: number;
  readonly error?: 'Blocked' | 'NoPermissions' | 'NotFound' | 'Error';
  readonly message?: string;
}

/** A request the stand-in received. */
export interface ScriptedRequest {
  readonly text: string;
  /** Which reply answered it (-1: the fallback). */
  readonly reply: number;
  readonly cancelled: boolean;
}

/** Sets the stand-in's replies and forgets the requests it received. */
export async function scriptModel(script: { replies: ScriptedReply[]; fallback?: ScriptedReply }): Promise<void> {
  await vscode.commands.executeCommand('whysTest.scriptedModel.script', script);
}

/** The requests the stand-in received since it was last scripted. */
export async function requestsOfScriptedModel(): Promise<ScriptedRequest[]> {
  return (await vscode.commands.executeCommand<ScriptedRequest[]>('whysTest.scriptedModel.requests')) ?? [];
}

/** The stand-in's model through `vscode.lm`, as any extension would get it. */
export async function selectScriptedModel(): Promise<vscode.LanguageModelChat> {
  // Activating by command registers the provider before the first selection.
  await scriptModel({ replies: [] });
  const models = await vscode.lm.selectChatModels({ vendor: SCRIPTED_VENDOR });
  assert.strictEqual(models.length, 1, `vscode.lm.selectChatModels offers ${models.length} model(s) of the scripted stand-in`);
  return models[0];
}
