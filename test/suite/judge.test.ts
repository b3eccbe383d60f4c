/**
 * The model review in the real editor, against a scripted stand-in for a language model (a chat
 * model provider extension installed beside whys, reached through `vscode.lm` like Copilot):
 * diagnostics marked `(model)`, the hover's agree / disagree, the suggestion fix, the cache,
 * cancellation, a failing provider, and a `LanguageModelError` that stops model use.
 *
 * The last test stops model use for the whole window (as a Blocked error must), so it stays last.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { JUDGE_PROMPT_VERSION } from '../../src/core';
import { codeActionsAt, codeOf, openFixture, restore, waitForDiagnostics } from './whysHelpers';
import { generateAnalysis } from '../bench/generate';
import { SCRIPTED_VENDOR, requestsOfScriptedModel, scriptModel, type ScriptedReply } from './judgeHelpers';
import { ModelUnavailableError, modelSelector, transportError } from '../../src/extension/judge/lmTransport';

const FIXTURE = 'judge.whys.yaml';
const OFF_TOPIC = 'The S3 billing system had been running slower than expected that morning.';
/** A suggestion with Markdown in it: the hover must show it as plain text. */
const SUGGESTION = 'The payment service waited on a **slow** [database](https://example.com) query.';
const SUGGESTION_ESCAPED = 'The payment service waited on a \\*\\*slow\\*\\* \\[database\\]\\(https://example\\.com\\) query\\.';

/** The scripted reply: off-topic on r1.s2 (the rules miss it), blame on r2.s1 (they agree), one below minConfidence. */
const REPLY = JSON.stringify({
  verdicts: [
    { id: 'r1.s2', field: 'because', rule: 'off-topic', confidence: 0.9, explanation: 'Asked why the payment service timed out, the answer turns to the S3 billing system.', suggestion: SUGGESTION },
    { id: 'r2.s1', field: 'because', rule: 'blame', confidence: 0.85, explanation: 'It stops at a person.', suggestion: '' },
    { id: 'r1.s3', field: 'because', rule: 'vague', confidence: 0.5, explanation: 'Not sure at all.', suggestion: '' },
  ],
});
/** Every request for the fixture carries its problem statement. */
const FOR_FIXTURE = 'Checkout returned errors for 40 minutes.';
const ANSWER: ScriptedReply = { when: FOR_FIXTURE, text: REPLY };

interface WhysApi {
  judgeStatus(): string | undefined;
  judgeCacheFile(): vscode.Uri | undefined;
}

function api(): WhysApi {
  const ext = vscode.extensions.getExtension<WhysApi>('whys.whys');
  assert.ok(ext?.isActive, 'whys is active');
  return ext.exports;
}

async function setJudge(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('whys.judge').update(key, value, vscode.ConfigurationTarget.Global);
}

interface Summary {
  requests: number;
  fromCache: number;
  judged: number;
  notJudged: number;
  errors: string[];
  cancelled: boolean;
}

async function review(): Promise<Summary> {
  const summary = await vscode.commands.executeCommand<Summary | undefined>('whys.judge.review');
  assert.ok(summary, 'the review ran');
  return summary;
}

function rulesOnly(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.filter((d) => !d.message.includes('(model)')).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.message}`);
}

async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is not in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 3));
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One root of `steps` steps, each answer distinct (past 20,000 characters: checked in the worker). */
function longRoot(steps: number, problem: string): { text: string; answers: string[] } {
  const answers = Array.from({ length: steps }, (_, i) => `Stage ${i + 1} waited for stage ${i + 2} to release lock ${1000 + i}.`);
  const lines = ['version: 1', 'title: One long root reviewed in parts', `problem: ${problem}`, 'roots:', '  - id: import', '    question: Why did the nightly import stall?', '    whys:'];
  answers.forEach((answer, i) => lines.push(`      - why: Why did stage ${i + 1} wait?`, `        because: ${answer}`));
  lines.push('    actions:', '      - do: Add a lock timeout to every stage.', '        owner: data platform', '        due: 2030-01-31');
  return { text: lines.join('\n') + '\n', answers };
}

interface SentStep {
  readonly id: string;
  readonly context?: boolean;
  readonly why?: string;
  readonly because?: string;
}

/** The steps of the one root a request sent (its fenced JSON, the last block of its text). */
function sentSteps(text: string): SentStep[] {
  const start = text.lastIndexOf('```json\n');
  const end = text.indexOf('\n```', start + 8);
  assert.ok(start >= 0 && end > start, 'the request ends with a fenced JSON block');
  const document = JSON.parse(text.slice(start + 8, end)) as { roots: { steps: SentStep[] }[] };
  assert.strictEqual(document.roots.length, 1, 'a part holds one root');
  return document.roots[0].steps;
}

suite('model review (scripted stand-in language model)', () => {
  let rulesBefore: string[] = [];

  suiteSetup(async () => {
    await setJudge('model', SCRIPTED_VENDOR);
    await setJudge('timeoutSeconds', undefined);
  });

  suiteTeardown(async () => {
    for (const key of ['enabled', 'model', 'run', 'minConfidence', 'timeoutSeconds']) await setJudge(key, undefined);
  });

  test('off by default: opening an analysis sends nothing, the command sends nothing, the status bar says off', async () => {
    await scriptModel({ replies: [ANSWER] });
    const document = await openFixture(FIXTURE);
    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the rules’ diagnostics');
    rulesBefore = rulesOnly(diagnostics);
    await waitFor(() => api().judgeStatus() !== undefined, 'the status bar item');
    assert.match(api().judgeStatus() ?? '', /Model review: off/);
    // Not enabled: the command asks first (an information message nobody answers here) and sends nothing.
    void vscode.commands.executeCommand('whys.judge.review');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(await requestsOfScriptedModel(), []);
    assert.ok(!vscode.languages.getDiagnostics(document.uri).some((d) => d.message.includes('(model)')));
  });

  test('the review marks the model’s findings (model) on the right answers; the rules’ diagnostics stay', async () => {
    await setJudge('enabled', true);
    await scriptModel({ replies: [ANSWER] });
    const document = await openFixture(FIXTURE);
    const summary = await review();
    assert.strictEqual(summary.requests, 1, JSON.stringify(summary));
    assert.deepStrictEqual(summary.errors, []);
    const requests = await requestsOfScriptedModel();
    assert.strictEqual(requests.length, 1);
    assert.ok(requests[0].text.includes(JUDGE_PROMPT_VERSION) || requests[0].text.includes('"r1.s2"'), 'the request is the core’s');
    assert.ok(requests[0].text.includes(OFF_TOPIC), 'the step’s text is sent');

    const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'a (model) diagnostic');
    const offTopic = diagnostics.find((d) => codeOf(d) === 'off-topic');
    assert.ok(offTopic, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.strictEqual(offTopic.message, '(model) Asked why the payment service timed out, the answer turns to the S3 billing system.');
    assert.strictEqual(document.getText(offTopic.range), OFF_TOPIC);
    const blame = diagnostics.filter((d) => codeOf(d) === 'blame');
    assert.strictEqual(blame.length, 1, 'one finding where the rule and the model agree');
    assert.ok(blame[0].message.includes('(model) agrees: It stops at a person.'), blame[0].message);
    assert.ok(!diagnostics.some((d) => d.message.includes('Not sure at all')), 'a verdict below minConfidence is not shown');
    // The rules' own findings are all still there, word for word (the agreed one gained a sentence).
    const after = rulesOnly(diagnostics);
    for (const before of rulesBefore.filter((r) => !r.startsWith('blame@'))) assert.ok(after.includes(before), `lost: ${before}`);
    await waitFor(() => /Scripted Judge \(test stand-in\): 2 findings/.test(api().judgeStatus() ?? ''), `the status bar to count 2 findings (it says ${api().judgeStatus()})`);
  });

  test('the hover shows the model’s verdict beside the offline rules’: agrees, disagrees, and its suggestion as plain text', async () => {
    const document = await openFixture(FIXTURE);
    await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'a (model) diagnostic');
    const offTopic = await hoverAt(document, OFF_TOPIC);
    assert.ok(offTopic.includes('disagrees with the offline rules: it finds `off-topic` here'), offTopic);
    assert.ok(offTopic.includes(SUGGESTION_ESCAPED), offTopic);
    assert.ok(!offTopic.includes('**slow**'), 'model text is never Markdown');
    const blame = await hoverAt(document, 'Human error by the on-call engineer.');
    assert.ok(blame.includes('agrees with the offline rules: `blame`'), blame);
    const vague = await hoverAt(document, 'Poor communication.');
    assert.ok(vague.includes('disagrees with the offline rules: it found no `vague` problem here'), vague);
    const clean = await hoverAt(document, 'It was routed to a channel');
    assert.ok(clean.includes('found no reasoning problem here either'), clean);
  });

  test('the quick fix “Use the suggested answer” puts the model’s answer in place, comments kept', async () => {
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'off-topic'), 'the (model) off-topic diagnostic');
      const offTopic = diagnostics.find((d) => codeOf(d) === 'off-topic')!;
      const actions = await codeActionsAt(document, offTopic.range);
      const fix = actions.find((a) => a.title.startsWith('Use the suggested answer'));
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(!fix.isPreferred, 'model text is never the preferred fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const text = document.getText();
      assert.ok(text.includes(`because: ${SUGGESTION}`) || text.includes(`because: "${SUGGESTION}"`), text);
      assert.ok(!text.includes(OFF_TOPIC));
      assert.ok(text.includes("# The model review's tests script a verdict on this answer."), 'the comment stays');
      await waitForDiagnostics(document, (ds) => !ds.some((d) => codeOf(d) === 'syntax' || codeOf(d) === 'schema'), 'valid YAML');
    } finally {
      await restore(document, original);
    }
  });

  test('the cache: reviewing the unchanged analysis again sends nothing, and reopening it shows the verdicts without a request', async () => {
    await scriptModel({ replies: [ANSWER] });
    const document = await openFixture(FIXTURE);
    await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'the verdicts placed from the cache');
    const again = await review();
    assert.strictEqual(again.requests, 0, JSON.stringify(again));
    assert.strictEqual(again.fromCache, 6);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = await openFixture(FIXTURE);
    await waitForDiagnostics(reopened, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'the cached (model) diagnostic after reopening');
    assert.deepStrictEqual(await requestsOfScriptedModel(), [], 'nothing was sent');
    const file = api().judgeCacheFile();
    assert.ok(file, 'the extension has a storage folder');
    // The store writes the lockfile a moment after the verdicts change (debounced): wait for it.
    let bytes: Uint8Array | undefined;
    const deadline = Date.now() + 8000;
    while (!bytes) {
      try {
        bytes = await vscode.workspace.fs.readFile(file);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const stored = JSON.parse(new TextDecoder().decode(bytes));
    assert.strictEqual(stored.whysJudgeLockfile, 1);
    assert.strictEqual(Object.keys(stored.entries).length, 6, 'one entry per step, in the workspace storage');
  });

  test('after an edit the unchanged steps keep their verdicts with no request; the status says not reviewed since the last edit', async () => {
    await scriptModel({ replies: [ANSWER] });
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf("Its connection pool was sized for last year's traffic.");
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Its connection pool'.length)), 'Its thread pool');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => /not reviewed since the last edit/.test(api().judgeStatus() ?? ''), `the status to say so (it says ${api().judgeStatus()})`);
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'the unchanged steps’ verdicts');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'off-topic'));
      assert.deepStrictEqual(await requestsOfScriptedModel(), []);
    } finally {
      await restore(document, original);
    }
  });

  test('cancellation: a slow model’s review is cancelled, its request too; the rules’ diagnostics are intact', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      // A new answer, so the step is not in the cache and must be sent.
      await scriptModel({ replies: [{ when: FOR_FIXTURE, text: REPLY, delayMs: 15_000 }] });
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('Poor communication.');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Poor communication.'.length)), 'The alert had no owner.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const running = vscode.commands.executeCommand<Summary>('whys.judge.review');
      await waitFor(() => /reviewing/.test(api().judgeStatus() ?? ''), 'the status bar to say reviewing');
      let requests = await requestsOfScriptedModel();
      for (let i = 0; i < 100 && requests.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        requests = await requestsOfScriptedModel();
      }
      assert.strictEqual(requests.length, 1, 'the request reached the model');
      const started = Date.now();
      await vscode.commands.executeCommand('whys.judge.cancel');
      const summary = await running;
      assert.ok(Date.now() - started < 5000, 'the review stopped at once, without waiting for the model');
      assert.strictEqual(summary.cancelled, true);
      assert.deepStrictEqual(summary.errors, []);
      for (let i = 0; i < 100 && !requests[0].cancelled; i++) {
        await new Promise((r) => setTimeout(r, 50));
        requests = await requestsOfScriptedModel();
      }
      assert.strictEqual(requests[0].cancelled, true, 'the provider saw the cancellation');
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the rules’ diagnostics');
      for (const before of rulesBefore.filter((r) => !r.startsWith('blame@') && !r.includes('Poor communication'))) assert.ok(rulesOnly(diagnostics).includes(before), `lost: ${before}`);
      assert.match(api().judgeStatus() ?? '', /not reviewed since the last edit/);
    } finally {
      await restore(document, original);
    }
  });

  test('a provider that throws: the error is reported, nothing is placed from it, the rules’ diagnostics are intact', async () => {
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      await scriptModel({ replies: [{ when: FOR_FIXTURE, error: 'Error', message: 'scripted provider failure' }] });
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('Poor communication.');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Poor communication.'.length)), 'Nobody owned the alert.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const summary = await review();
      assert.strictEqual(summary.requests, 1);
      assert.strictEqual(summary.errors.length, 1, JSON.stringify(summary));
      assert.ok(summary.errors[0].includes('scripted provider failure'), summary.errors[0]);
      await waitFor(() => /error/.test(api().judgeStatus() ?? ''), `the status bar to show the error (it says ${api().judgeStatus()})`);
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the rules’ diagnostics');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'off-topic'), 'the unchanged steps keep their cached verdicts');
      // A later review after the provider recovered works again.
      await scriptModel({ replies: [ANSWER] });
      const retry = await review();
      assert.strictEqual(retry.requests, 1);
      assert.deepStrictEqual(retry.errors, []);
    } finally {
      await restore(document, original);
    }
  });

  test('the preview marks the model’s findings like the rules’ ones, and redraws when new verdicts arrive', async function () {
    this.timeout(60_000);
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    const target = vscode.Uri.joinPath(document.uri, '..', 'judge-tree.svg');
    const weakNodes = async (): Promise<number> => {
      const written = await vscode.commands.executeCommand<vscode.Uri>('whys.exportSvg', document.uri, target);
      assert.strictEqual(written?.toString(), target.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      return svg.match(/<g class="node [^"]*\bweak\b/g)?.length ?? 0;
    };
    const eventually = async (count: number, what: string): Promise<void> => {
      let weak = -1;
      for (let i = 0; i < 40 && weak !== count; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 250));
        weak = await weakNodes();
      }
      assert.strictEqual(weak, count, what);
    };
    try {
      await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'the cached verdicts');
      await eventually(3, 'off-topic (the model’s), blame and vague are marked');
      // A new answer the cache does not know: the preview redraws for the edit, with nothing on it.
      const before = "Its connection pool was sized for last year's traffic.";
      const after = 'The nightly report ran at the same time.';
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf(before);
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + before.length)), after);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await eventually(3, 'the edited answer is not marked yet');
      // The model's verdict on it arrives with no edit: only the review can redraw the preview.
      await scriptModel({ replies: [{ when: FOR_FIXTURE, text: JSON.stringify({ verdicts: [{ id: 'r1.s3', field: 'because', rule: 'off-topic', confidence: 0.9, explanation: 'A report is not why the system was slow.', suggestion: '' }] }) }] });
      const summary = await review();
      assert.strictEqual(summary.requests, 1);
      await eventually(4, 'the preview marks the new (model) finding');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
      await restore(document, original);
    }
  });

  test('whys.judge.run onSave: saving an edited analysis reviews it without being asked; saving it unchanged sends nothing', async () => {
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      await setJudge('run', 'onSave');
      await scriptModel({ replies: [ANSWER] });
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('Poor communication.');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Poor communication.'.length)), 'The alert text did not say which service failed.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await document.save();
      let requests = await requestsOfScriptedModel();
      for (let i = 0; i < 100 && requests.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        requests = await requestsOfScriptedModel();
      }
      assert.strictEqual(requests.length, 1, 'saving sent the review');
      await waitFor(() => /2 findings/.test(api().judgeStatus() ?? ''), `the status to count the findings (it says ${api().judgeStatus()})`);
      await scriptModel({ replies: [ANSWER] });
      await document.save();
      await new Promise((r) => setTimeout(r, 500));
      assert.deepStrictEqual(await requestsOfScriptedModel(), [], 'every step is cached: nothing sent');
    } finally {
      await setJudge('run', undefined);
      await restore(document, original);
      await document.save();
    }
  });

  test('a model slower than whys.judge.timeoutSeconds: that request gives up with a clear error, the rules’ diagnostics are intact', async () => {
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      await setJudge('timeoutSeconds', 5);
      await scriptModel({ replies: [{ when: FOR_FIXTURE, text: REPLY, delayMs: 12_000 }] });
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('Poor communication.');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Poor communication.'.length)), 'The alert went to a muted channel.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const started = Date.now();
      const summary = await review();
      assert.ok(Date.now() - started < 10_000, `gave up after ${Date.now() - started} ms`);
      assert.strictEqual(summary.errors.length, 1, JSON.stringify(summary));
      assert.ok(summary.errors[0].includes('did not answer within 5 s'), summary.errors[0]);
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the rules’ diagnostics');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'off-topic'), 'the unchanged steps keep their cached verdicts');
    } finally {
      await setJudge('timeoutSeconds', undefined);
      await restore(document, original);
    }
  });

  test('whys.judge.model names a model as vendor, vendor/family or vendor/family/id; empty: any model', () => {
    assert.deepStrictEqual(modelSelector(''), {});
    assert.deepStrictEqual(modelSelector(' copilot '), { vendor: 'copilot' });
    assert.deepStrictEqual(modelSelector('copilot/gpt-4o'), { vendor: 'copilot', family: 'gpt-4o' });
    assert.deepStrictEqual(modelSelector('ollama/llama3/llama3:8b/q4'), { vendor: 'ollama', family: 'llama3', id: 'llama3:8b/q4' });
  });

  test('each LanguageModelError of the API (NoPermissions, Blocked, NotFound) becomes a clear message that stops model use; other errors do not', () => {
    const cases: [(message?: string) => vscode.LanguageModelError, string, string][] = [
      [vscode.LanguageModelError.NoPermissions, 'NoPermissions', 'whys may not use Judge: permission was not given (why)'],
      [vscode.LanguageModelError.Blocked, 'Blocked', 'Judge refused the request: it is blocked'],
      [vscode.LanguageModelError.NotFound, 'NotFound', 'Judge is not available any more (why). Check whys.judge.model'],
    ];
    for (const [make, code, words] of cases) {
      const error = transportError(make('why'), 'Judge');
      assert.ok(error instanceof ModelUnavailableError, code);
      assert.strictEqual(error.code, code);
      assert.strictEqual(error.fatal, true);
      assert.ok(error.message.includes(words), error.message);
    }
    const other = transportError(new Error('socket hang up'), 'Judge');
    assert.ok(!(other instanceof ModelUnavailableError));
    assert.strictEqual(other.fatal, false);
    assert.strictEqual(other.message, 'Judge failed: socket hang up');
  });

  test('a large analysis checked in the background worker gets the model’s findings in Problems too, and in its hover', async function () {
    this.timeout(120_000);
    const fixture = await openFixture(FIXTURE);
    // The fixture's roots, then 120 generated steps: past 20,000 characters, checked in the worker.
    const generated = generateAnalysis(120, 5);
    const text = fixture.getText().trimEnd() + '\n' + generated.slice(generated.indexOf('roots:\n') + 'roots:\n'.length);
    assert.ok(text.length > 20_000, `${text.length} characters`);
    // The fixture's steps get the usual reply (when they are not in the cache already); the generated ones, no verdict.
    // (Above 80 steps the review sends one request per root.)
    await scriptModel({ replies: [{ when: OFF_TOPIC, text: REPLY }, { when: 'Human error by the on-call engineer.', text: REPLY }], fallback: { text: JSON.stringify({ verdicts: [] }) } });
    const document = await vscode.workspace.openTextDocument({ language: 'whys', content: text });
    await vscode.window.showTextDocument(document);
    try {
      await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame'), 'the rules’ diagnostics from the worker', 60_000);
      const summary = await review();
      assert.deepStrictEqual(summary.errors, []);
      const diagnostics = await waitForDiagnostics(document, (ds) => ds.some((d) => d.message.startsWith('(model)')), 'a (model) diagnostic on the large analysis', 60_000);
      const offTopic = diagnostics.find((d) => codeOf(d) === 'off-topic' && d.message.startsWith('(model)'));
      assert.ok(offTopic, JSON.stringify(diagnostics.map((d) => d.message)));
      assert.strictEqual(document.getText(offTopic.range), OFF_TOPIC);
      const blame = diagnostics.filter((d) => codeOf(d) === 'blame' && d.range.start.line === document.positionAt(text.indexOf('Human error by the on-call engineer.')).line);
      assert.strictEqual(blame.length, 1, 'one finding where the rule and the model agree');
      assert.ok(blame[0].message.includes('(model) agrees'), blame[0].message);
      const hover = await hoverAt(document, OFF_TOPIC);
      assert.ok(hover.includes('disagrees with the offline rules: it finds `off-topic` here'), hover);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('one root of 230 steps is reviewed in parts through vscode.lm (scripted stand-in): one request per part, context verdicts dropped, each step’s verdict on its own line', async function () {
    this.timeout(180_000);
    const STEPS = 230;
    // A problem no earlier run has cached (the verdict cache lives in the workspace storage).
    const problem = `The nightly import stalled (run ${Date.now()}).`;
    const { text, answers } = longRoot(STEPS, problem);
    // Each part's reply gives a verdict on every step of the root, with a rule of its own: only the
    // part's own steps may keep theirs; a verdict on a context entry (or any other step) is dropped.
    const RULES = ['vague', 'compound', 'action-as-cause'] as const;
    const ids = Array.from({ length: STEPS }, (_, i) => `r1.s${i + 1}`);
    const replyOfPart = (part: number) =>
      JSON.stringify({ verdicts: ids.map((id) => ({ id, field: 'because', rule: RULES[(part - 1) % RULES.length], confidence: 0.9, explanation: `part ${part} judged ${id}`, suggestion: '' })) });
    await scriptModel({ replies: [1, 2, 3, 4].map((part) => ({ when: `Judge part ${part} of one root`, text: replyOfPart(part) })) });
    // A file of its own (an untitled document could reuse the name, and version, of one closed before).
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the tests run in a workspace folder');
    const file = vscode.Uri.joinPath(folder, 'fixtures', `long-root-${Date.now()}.whys.yaml`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    try {
      assert.strictEqual(document.languageId, 'whys');
      await waitForDiagnostics(document, (ds) => ds.length > 0, 'the rules’ diagnostics of the long root', 60_000);
      const summary = await review();
      assert.deepStrictEqual(summary.errors, []);
      assert.strictEqual(summary.cancelled, false);

      // The stand-in received one request per part: 230 steps in parts of at most 80 are 3 requests (one, sent whole).
      const requests = await requestsOfScriptedModel();
      assert.strictEqual(requests.length, 3, `${requests.length} request(s) of ${requests.map((r) => r.text.length).join(', ')} characters; ${JSON.stringify(summary)}`);
      assert.strictEqual(summary.requests, 3, JSON.stringify(summary));
      assert.strictEqual(summary.judged, STEPS, JSON.stringify(summary));
      assert.strictEqual(summary.notJudged, 0, JSON.stringify(summary));
      const partOf = new Map<string, number>();
      for (const request of requests) {
        const part = Number(/Judge part (\d+) of one root/.exec(request.text)?.[1]);
        assert.ok(part >= 1 && part <= 3, `a request that is not a part of the root: ${request.text.slice(0, 200)}`);
        assert.ok(request.reply >= 0, `part ${part} was answered by its own scripted reply`);
        assert.ok(request.text.includes(problem), 'every part carries the problem statement');
        const sent = sentSteps(request.text);
        const own = sent.filter((s) => !s.context);
        const context = sent.filter((s) => s.context);
        assert.ok(own.length > 0 && own.length <= 80, `part ${part} holds ${own.length} steps to judge`);
        for (const step of own) {
          assert.ok(!partOf.has(step.id), `${step.id} is judged in parts ${partOf.get(step.id)} and ${part}`);
          partOf.set(step.id, part);
        }
        const first = Number(own[0].id.slice('r1.s'.length));
        if (first === 1) assert.deepStrictEqual(context, [], 'the part that starts at the root has no context entry');
        else {
          // A part that does not start at the root shows the answer before its first step, as context.
          assert.deepStrictEqual(context.map((s) => s.id), [`r1.s${first - 1}`], `part ${part}`);
          assert.strictEqual(context[0].because, answers[first - 2], `part ${part}'s context is the answer before its first step`);
          assert.strictEqual(context[0].why, undefined, 'a context entry carries only what the next step asks about');
        }
      }
      assert.deepStrictEqual([...partOf.keys()].sort(), [...ids].sort(), 'every step is judged in exactly one part');

      // Every step got the verdict of the part that judged it, on its own answer, once.
      const lineOfAnswer = answers.map((answer) => document.positionAt(text.indexOf(`because: ${answer}\n`) + 'because: '.length).line);
      const model = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.message.includes('(model)'));
      const diagnostics = model(await waitForDiagnostics(document, (ds) => model(ds).length >= STEPS, `${STEPS} (model) diagnostics`, 60_000));
      await new Promise((r) => setTimeout(r, 500));
      const settled = model(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'whys'));
      assert.strictEqual(settled.length, STEPS, `${settled.length} (model) diagnostics, ${diagnostics.length} at first`);
      const seen = new Set<string>();
      for (const d of settled) {
        const said = /\(model\)(?: agrees:)? part (\d+) judged (r1\.s\d+)$/.exec(d.message);
        assert.ok(said, d.message);
        const [, part, id] = said;
        const n = Number(id.slice('r1.s'.length));
        assert.ok(!seen.has(id), `${id} has two (model) diagnostics`);
        seen.add(id);
        assert.strictEqual(Number(part), partOf.get(id), `${id}'s verdict came from part ${part}, not the part that judged it`);
        assert.strictEqual(codeOf(d), RULES[(Number(part) - 1) % RULES.length]);
        assert.strictEqual(d.range.start.line, lineOfAnswer[n - 1], `${id}'s verdict is on line ${d.range.start.line + 1}, its answer on ${lineOfAnswer[n - 1] + 1}`);
        assert.strictEqual(document.getText(d.range), answers[n - 1]);
      }
      assert.strictEqual(seen.size, STEPS);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  test('a LanguageModelError Blocked gives a clear message and stops model use for the window (last: it stays stopped)', async () => {
    const document = await openFixture(FIXTURE);
    const original = document.getText();
    try {
      await scriptModel({ replies: [{ when: FOR_FIXTURE, error: 'Blocked', message: 'scripted quota exceeded' }] });
      const edit = new vscode.WorkspaceEdit();
      const at = original.indexOf('Poor communication.');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Poor communication.'.length)), 'The pager rota was empty.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const rules = rulesOnly(await waitForDiagnostics(document, (ds) => ds.some((d) => codeOf(d) === 'blame') && !ds.some((d) => codeOf(d) === 'vague'), 'the rules’ diagnostics of the edited text'));
      const summary = await review();
      assert.strictEqual(summary.requests, 1);
      assert.ok(summary.errors.some((e) => e.includes('refused the request') && e.includes('scripted quota exceeded')), JSON.stringify(summary));
      await waitFor(() => /error/.test(api().judgeStatus() ?? ''), 'the status bar to show the error');
      // Stopped: the command sends nothing more in this window.
      await scriptModel({ replies: [ANSWER] });
      const again = await vscode.commands.executeCommand<Summary | undefined>('whys.judge.review');
      assert.strictEqual(again, undefined);
      assert.deepStrictEqual(await requestsOfScriptedModel(), []);
      const after = rulesOnly(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'whys'));
      for (const r of rules.filter((x) => !x.startsWith('blame@'))) assert.ok(after.includes(r), `lost: ${r}`);
      // What the model said before stays (from the cache, nothing sent): the unchanged steps keep it.
      assert.ok(vscode.languages.getDiagnostics(document.uri).some((d) => d.message.startsWith('(model)') && codeOf(d) === 'off-topic'));
      assert.deepStrictEqual(await requestsOfScriptedModel(), []);
    } finally {
      await restore(document, original);
    }
  });
});
