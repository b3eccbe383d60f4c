/**
 * The harness of the model review's tests: the scripted stand-in for a language model
 * (test/vscode/scripted-chat-model/, a chat model provider extension loaded beside whys) is
 * reachable through the real `vscode.lm` API, with the test user settings
 * (`chat.disableAIFeatures: true`) in force.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestsOfScriptedModel, scriptModel, selectScriptedModel } from './judgeHelpers';

suite('scripted stand-in chat model (test harness)', () => {
  test('vscode.lm offers the scripted stand-in model and streams its scripted reply', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('chat').get('disableAIFeatures'), true, 'the test settings should switch the built-in AI features off');
    const model = await selectScriptedModel();
    await scriptModel({ replies: [{ when: 'ping', text: 'pong from the script' }] });
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('ping?')], {}, new vscode.CancellationTokenSource().token);
    let text = '';
    for await (const part of response.text) text += part;
    assert.strictEqual(text, 'pong from the script');
    const requests = await requestsOfScriptedModel();
    assert.deepStrictEqual(
      requests.map((r) => r.text),
      ['ping?'],
    );
  });

  test('a scripted LanguageModelError reaches the caller as a LanguageModelError with its code', async () => {
    const model = await selectScriptedModel();
    await scriptModel({ replies: [{ when: 'blocked', error: 'Blocked', message: 'scripted block' }] });
    await assert.rejects(
      async () => {
        const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('blocked?')], {}, new vscode.CancellationTokenSource().token);
        for await (const _ of response.text) void _;
      },
      (error: unknown) => error instanceof vscode.LanguageModelError && error.code === vscode.LanguageModelError.Blocked.name,
    );
  });
});
