/**
 * A scripted stand-in for a language model, for the extension-host tests only (never shipped).
 *
 * It registers a chat model provider (vendor `whys-scripted`, one model `scripted-judge`) through
 * VS Code's Language Model Chat Provider API (`vscode.lm.registerLanguageModelChatProvider`, with
 * the `languageModelChatProviders` contribution in package.json), so that whys reaches it exactly
 * as it reaches Copilot or any other provider: `vscode.lm.selectChatModels` and
 * `LanguageModelChat.sendRequest`. It speaks the real protocol; only the answers are scripted.
 *
 * The tests steer it with two commands:
 * - `whysTest.scriptedModel.script` (script): sets the replies and forgets earlier requests.
 *   A script is `{ replies: Reply[], fallback?: Reply }`; each request gets the first reply whose
 *   `when` is a substring of the request's text (all messages joined), else the fallback, else an
 *   error. A Reply is `{ when?: string, text?: string, delayMs?: number, error?: 'Blocked' |
 *   'NoPermissions' | 'NotFound' | 'Error', message?: string }`: it waits `delayMs` (ending early
 *   when the request is cancelled), then throws the named `LanguageModelError` (or a plain
 *   Error), or streams `text` in a few parts.
 * - `whysTest.scriptedModel.requests` (): every request received since the last script, in order:
 *   `{ text, reply, cancelled }` (`reply` is the index of the reply used, -1 for the fallback).
 *
 * A `scripted-replies.json` file beside this one (written by a UI test that cannot run commands
 * with arguments) is the script the stand-in starts with.
 *
 * Plain JavaScript: the provider API (VS Code 1.104+) is newer than the `@types/vscode` whys
 * builds against (1.90, to keep its `engines.vscode` low).
 */
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const VENDOR = 'whys-scripted';

/** The one model this provider offers. */
const MODEL = {
  id: 'scripted-judge',
  name: 'Scripted Judge (test stand-in)',
  family: 'scripted',
  version: '1',
  maxInputTokens: 200000,
  maxOutputTokens: 16000,
  tooltip: 'Answers with replies scripted by the whys extension-host tests',
  capabilities: {},
};

/** @type {{ replies: any[], fallback?: any, requestLog?: string }} */
let script = { replies: [] };
/** @type {{ text: string, reply: number, cancelled: boolean }[]} */
let requests = [];

/** The plain text of a chat message's content (parts or a string). */
function textOf(message) {
  const content = message.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part && typeof part.value === 'string' ? part.value : '')).join('');
}

/** Resolves after `ms`, or early when the token is cancelled; true when it was cancelled. */
function wait(ms, token) {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) return resolve(true);
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(false);
    }, ms);
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve(true);
    });
  });
}

function errorOf(reply) {
  const message = reply.message ?? `scripted ${reply.error}`;
  switch (reply.error) {
    case 'Blocked':
      return vscode.LanguageModelError.Blocked(message);
    case 'NoPermissions':
      return vscode.LanguageModelError.NoPermissions(message);
    case 'NotFound':
      return vscode.LanguageModelError.NotFound(message);
    default:
      return new Error(message);
  }
}

const provider = {
  provideLanguageModelChatInformation() {
    return [MODEL];
  },

  async provideLanguageModelChatResponse(_model, messages, _options, progress, token) {
    const text = messages.map(textOf).join('\n');
    let index = script.replies.findIndex((r) => typeof r.when !== 'string' || text.includes(r.when));
    const reply = index >= 0 ? script.replies[index] : script.fallback;
    if (index < 0) index = -1;
    const record = { text, reply: index, cancelled: false };
    requests.push(record);
    // For tests outside the host (UI tests): every request also goes to a file when one is named.
    if (script.requestLog) fs.appendFileSync(script.requestLog, `${JSON.stringify({ reply: index, chars: text.length })}\n`);
    if (!reply) throw new Error('scripted chat model: no scripted reply matches this request');
    if (reply.delayMs) record.cancelled = await wait(reply.delayMs, token);
    if (token.isCancellationRequested) {
      record.cancelled = true;
      throw new vscode.CancellationError();
    }
    if (reply.error) throw errorOf(reply);
    // Streamed in a few parts, as real providers do.
    const body = String(reply.text ?? '');
    const size = Math.max(1, Math.ceil(body.length / 3));
    for (let i = 0; i < body.length; i += size) progress.report(new vscode.LanguageModelTextPart(body.slice(i, i + size)));
  },

  provideTokenCount(_model, text) {
    const s = typeof text === 'string' ? text : textOf(text);
    return Math.ceil(s.length / 4);
  },
};

/** Called by VS Code when a model of the vendor is first asked for, or a command runs. */
function activate(context) {
  const initial = path.join(context.extensionPath, 'scripted-replies.json');
  if (fs.existsSync(initial)) {
    const loaded = JSON.parse(fs.readFileSync(initial, 'utf8'));
    script = { replies: Array.isArray(loaded.replies) ? loaded.replies : [], fallback: loaded.fallback, requestLog: typeof loaded.requestLog === 'string' ? loaded.requestLog : undefined };
  }
  context.subscriptions.push(
    vscode.lm.registerLanguageModelChatProvider(VENDOR, provider),
    vscode.commands.registerCommand('whysTest.scriptedModel.script', (next) => {
      script = { replies: Array.isArray(next?.replies) ? next.replies : [], fallback: next?.fallback };
      requests = [];
    }),
    vscode.commands.registerCommand('whysTest.scriptedModel.requests', () => requests.map((r) => ({ ...r }))),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
