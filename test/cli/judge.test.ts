/**
 * `whys check --judge` as a user runs it (`node dist/cli.js` in a child process), against a
 * scripted stand-in for a language model: an HTTP server on 127.0.0.1 that speaks the
 * OpenAI-compatible `POST /v1/chat/completions` protocol and replies from a script. No real model
 * is reachable here. Needs `node esbuild.mjs` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { GOOD, workspace as workspaceIn, rulesOnly } from './checkout';
import { singleChain } from '../bench/hugeRoot';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');

/** Runs the CLI without blocking this process (the stand-in server lives here). */

function whys(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WHYS_JUDGE_|OPENAI_)/.test(k)));
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...rulesOnly(args)], { cwd, env: { ...clean, NO_COLOR: '1', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err, ms: Date.now() - started });
    });
  });
}

/** One scripted answer: an HTTP status, headers, a body, and an optional delay. */
interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

/** A request the stand-in received. */
interface Received {
  url: string;
  authorization?: string;
  body: { model: string; temperature: number; messages: { role: string; content: string }[]; response_format?: { type: string; json_schema?: { schema: unknown } } };
}

/**
 * The scripted stand-in model server. `script(request, n)` gives the answer to the n-th request
 * (from 0); by default it answers a chat completion whose content is `reply(analysis)`.
 */
async function standInModel(script: (received: Received, n: number) => Scripted): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let body: Received['body'];
      try {
        body = JSON.parse(raw);
      } catch {
        res.writeHead(400).end('{"error": "bad json"}');
        return;
      }
      const entry: Received = { url: req.url ?? '', authorization: req.headers.authorization, body };
      received.push(entry);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error": {"message": "not found"}}');
        return;
      }
      const answer = script(entry, received.length - 1);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** A chat completion whose message content is `content`. */
function completion(content: string, extra: Record<string, unknown> = {}): Scripted {
  return { body: JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', model: 'stand-in', choices: [{ index: 0, message: { role: 'assistant', content, ...extra }, finish_reason: 'stop' }] }) };
}

/** The analysis the request carries (the fenced json block at the end of the user message). */
function analysisOf(received: Received): { roots: { steps: { id: string; because?: string }[] }[] } {
  const user = received.body.messages.find((m) => m.role === 'user')!;
  return JSON.parse(/```json\n([\s\S]*)\n```$/.exec(user.content)![1]);
}

/** The stand-in's review: `vague` on the step whose answer mentions the pool, a low-confidence `compound` on the retry step. */
function review(received: Received): Scripted {
  const steps = analysisOf(received).roots.flatMap((r) => r.steps);
  const verdicts = [];
  for (const step of steps) {
    if (/pool was exhausted/.test(step.because ?? '')) {
      verdicts.push({ id: step.id, field: 'because', rule: 'vague', confidence: 0.9, explanation: 'It says the pool was exhausted, not what exhausted it.', suggestion: 'A retry loop opened a new connection on each retry.' });
    }
    if (/retry loop/.test(step.because ?? '')) {
      verdicts.push({ id: step.id, field: 'because', rule: 'compound', confidence: 0.4, explanation: 'Maybe two causes.', suggestion: '' });
    }
  }
  return completion(JSON.stringify({ verdicts }));
}


const workspace = (files: Record<string, string>): string => workspaceIn('whys-judge-', files);

test('stand-in /v1/chat/completions: model findings on the right lines in json, stylish and sarif; what is sent; the summary line', async (t) => {
  const model = await standInModel(review);
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'stand-in-7b', '--format', 'json'], dir, { WHYS_JUDGE_KEY: 'sk-test' });
  assert.equal(run.code, 0, run.err);
  assert.equal(model.received.length, 1);
  const sent = model.received[0];
  assert.equal(sent.authorization, 'Bearer sk-test');
  assert.equal(sent.body.model, 'stand-in-7b');
  assert.equal(sent.body.temperature, 0);
  assert.equal(sent.body.response_format?.type, 'json_schema');
  assert.deepEqual(sent.body.messages.map((m) => m.role), ['system', 'user']);
  const [report] = JSON.parse(run.out);
  const judged = report.messages.filter((m: { judge?: unknown }) => m.judge);
  assert.deepEqual(judged, [
    {
      ruleId: 'vague',
      severity: 1,
      message: '(model) It says the pool was exhausted, not what exhausted it.',
      line: 10,
      column: 18,
      endLine: 10,
      endColumn: 52,
      judge: { model: 'stand-in-7b', confidence: 0.9 },
    },
  ]);
  assert.equal(report.warningCount, 1);
  assert.match(run.err, /^whys: model review: model stand-in-7b, 3 steps judged, 0 from cache, 1 model finding, 0 errors\n$/);

  // The lockfile answers the second and third runs: nothing more is sent.
  const stylish = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'stand-in-7b'], dir);
  assert.equal(stylish.code, 0);
  assert.match(stylish.out, /\n {2}10:18 {2}warning {2}\(model\) It says the pool was exhausted, not what exhausted it\. {2}vague\n/);
  assert.match(stylish.err, /0 steps judged, 3 from cache, 1 model finding/);
  const sarif = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'stand-in-7b', '--format', 'sarif'], dir);
  const result = JSON.parse(sarif.out).runs[0].results.find((r: { properties?: unknown }) => r.properties);
  assert.equal(result.ruleId, 'vague');
  assert.deepEqual(result.properties, { judge: { model: 'stand-in-7b', confidence: 0.9 } });
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 10, startColumn: 18, endLine: 10, endColumn: 52 });
  assert.equal(model.received.length, 1, 'the second and third runs sent nothing');
});

test('stand-in /v1/chat/completions: the lockfile is written sorted; --judge=cached never calls a model and reports the steps not judged yet', async (t) => {
  const model = await standInModel(review);
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD, 'b.whys.yaml': GOOD.replace('Checkout outage', 'Second outage') });
  const live = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'stand-in-7b', '--judge-cache', 'locks/verdicts.json'], dir);
  assert.equal(live.code, 0, live.err);
  const lock = JSON.parse(readFileSync(join(dir, 'locks/verdicts.json'), 'utf8'));
  const keys = Object.keys(lock.entries);
  assert.equal(keys.length, 3, 'the two files have the same steps: one entry each');
  assert.deepEqual(keys, [...keys].sort());
  assert.equal(lock.prompt, 'whys-judge-2');
  const sentBefore = model.received.length;

  // Cached mode: no URL, no model flag (the lockfile names one), no request.
  const edited = GOOD.replace('Its connection pool was exhausted.', 'Its connection pool ran out of connections.');
  writeFileSync(join(dir, 'b.whys.yaml'), edited);
  const cached = await whys(['check', '--judge=cached', '--judge-cache', 'locks/verdicts.json', '--format', 'json'], dir);
  assert.equal(cached.code, 0, cached.err);
  assert.equal(model.received.length, sentBefore);
  const [a, b] = JSON.parse(cached.out);
  assert.deepEqual(a.messages.filter((m: { judge?: unknown }) => m.judge).map((m: { line: number }) => m.line), [10]);
  assert.deepEqual(
    b.messages.filter((m: { ruleId: string }) => m.ruleId === 'model-review'),
    [
      {
        ruleId: 'model-review',
        severity: 0,
        message: '2 of 3 steps are not judged yet by the model review (no verdict in locks/verdicts.json for their current text): run `whys check --judge` with a model and commit the lockfile.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
  );
  assert.match(cached.err, /model review \(cached\): model stand-in-7b, 0 steps judged, 4 from cache, 2 not judged, 1 model finding, 0 errors/);
  assert.equal(readFileSync(join(dir, 'locks/verdicts.json'), 'utf8'), JSON.stringify(lock, null, 2) + '\n', 'cached mode leaves the lockfile as it was');
});

test('stand-in /v1/chat/completions: a 429 with Retry-After is waited out and retried', async (t) => {
  const model = await standInModel((r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: '{"error": {"message": "rate limited"}}' } : review(r)));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  assert.equal(model.received.length, 2);
  assert.ok(run.ms >= 1000, `waited the second Retry-After asked for (${run.ms} ms)`);
  assert.equal(JSON.parse(run.out)[0].messages.filter((m: { judge?: unknown }) => m.judge).length, 1);
});

test('stand-in /v1/chat/completions: a 500 is retried, then the run exits 2 with the rules’ findings still printed', async (t) => {
  const model = await standInModel(() => ({ status: 500, headers: { 'retry-after': '0' }, body: 'upstream exploded' }));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD.replace('        owner: payments\n', '') });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-retries', '2', '--format', 'json'], dir);
  assert.equal(run.code, 2);
  assert.equal(model.received.length, 3);
  assert.match(run.err, /whys: model review of a\.whys\.yaml: the model endpoint answered HTTP 500 3 times: upstream exploded\n/);
  assert.match(run.err, /0 steps judged, 0 from cache, 3 not judged, 0 model findings, 1 error\n/);
  assert.deepEqual(JSON.parse(run.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['action-incomplete']);
  assert.equal(existsSync(join(dir, '.whys/judge-cache.json')), false, 'nothing to lock');
});

test('stand-in /v1/chat/completions: a model that does not answer in time is a timeout, exit 2', async (t) => {
  const model = await standInModel((r) => ({ ...review(r), delayMs: 5000 }));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-timeout', '0.5', '--format', 'json'], dir);
  assert.equal(run.code, 2);
  assert.match(run.err, /no reply from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions within 0\.5 s/);
  assert.ok(run.ms < 4000, `gave up at the timeout (${run.ms} ms)`);
  assert.equal(JSON.parse(run.out)[0].messages.length, 0);
});

test('stand-in /v1/chat/completions: a reply that is not JSON, or cut off, is an error for that file and caches nothing', async (t) => {
  const replies = ['Sure! The analysis looks mostly fine.', '{"verdicts": [{"id": "r1.s2", "field": "because", "rule": "va'];
  const model = await standInModel((_r, n) => completion(replies[n % 2]));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD, 'b.whys.yaml': GOOD.replace('Checkout outage', 'Other') });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-concurrency', '1'], dir);
  assert.equal(run.code, 2);
  assert.match(run.err, /model review of a\.whys\.yaml: the reply is not JSON: “Sure! The analysis looks mostly fine\.”/);
  assert.match(run.err, /model review of b\.whys\.yaml: the reply was cut off before its JSON ended \(truncated\)/);
  assert.equal(existsSync(join(dir, '.whys/judge-cache.json')), false);
});

test('stand-in /v1/chat/completions: a bad key stops the review at the first request, exit 2, findings still printed', async (t) => {
  const model = await standInModel(() => ({ status: 401, body: '{"error": {"message": "Incorrect API key provided"}}' }));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD, 'b.whys.yaml': GOOD, 'c.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-concurrency', '1', '--format', 'json'], dir, { OPENAI_API_KEY: 'sk-wrong' });
  assert.equal(run.code, 2);
  assert.equal(model.received.length, 1, 'nothing more is sent after the key was refused');
  assert.equal(model.received[0].authorization, 'Bearer sk-wrong', 'OPENAI_API_KEY is the fallback key');
  assert.equal((run.err.match(/refused the key/g) ?? []).length, 1, run.err);
  assert.match(run.err, /the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions refused the key \(HTTP 401\)/);
  assert.equal(JSON.parse(run.out).length, 3);
});

test('an unreachable endpoint: exit 2 with a clear message, the rules’ findings still printed', async () => {
  const model = await standInModel(review);
  const url = model.url;
  await model.close();
  const dir = workspace({ 'a.whys.yaml': GOOD.replace('        owner: payments\n', '') });
  const run = await whys(['check', '--judge', '--format', 'json'], dir, { OPENAI_BASE_URL: url, WHYS_JUDGE_MODEL: 'm' });
  assert.equal(run.code, 2);
  assert.match(run.err, /whys: cannot reach the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: connection refused/);
  assert.deepEqual(JSON.parse(run.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['action-incomplete']);
});

test('stand-in /v1/chat/completions: an endpoint that rejects response_format is asked again without it', async (t) => {
  const model = await standInModel((r) => (r.body.response_format ? { status: 400, body: '{"error": {"message": "response_format json_schema is not supported"}}' } : review(r)));
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD, 'b.whys.yaml': GOOD.replace('Checkout returned errors for 40 minutes.', 'Checkout failed for an hour.') });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-concurrency', '1', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  assert.deepEqual(model.received.map((r) => !!r.body.response_format), [true, false, false], 'the schema is dropped once, for the rest of the run');
});

test('stand-in /v1/chat/completions: a model finding with a severity of error fails the gate (exit 1)', async (t) => {
  const model = await standInModel(review);
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--rule', 'vague=error'], dir);
  assert.equal(run.code, 1, run.err);
  assert.match(run.out, /10:18 {2}error {4}\(model\)/);
  const low = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--judge-min-confidence', '0.3', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(low.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['vague', 'compound'], 'a lower bar shows the 0.4 verdict');
});

test('--print-request prints what would be sent and sends nothing', async (t) => {
  const model = await standInModel(review);
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--print-request', '--judge-url', model.url, '--judge-model', 'm', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  assert.equal(model.received.length, 0);
  const [shown] = JSON.parse(run.out);
  assert.equal(shown.url, `${model.url}/chat/completions`);
  assert.equal(shown.body.temperature, 0);
  assert.match(shown.body.messages[1].content, /"because": "Its connection pool was exhausted\."/);
  const text = await whys(['check', '--print-request'], dir);
  assert.match(text.out, /--- system ---\nYou review the reasoning/);
  assert.match(text.out, /--- user ---\n[\s\S]*```json\n\{\n {2}"problem": "Checkout returned errors for 40 minutes\."/);
});

test('--judge usage errors: no endpoint, no model, a bad value, --judge-… without --judge', async () => {
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const noUrl = await whys(['check', '--judge', '--judge-model', 'm'], dir);
  assert.equal(noUrl.code, 2);
  assert.match(noUrl.err, /--judge needs an OpenAI-compatible endpoint/);
  const noModel = await whys(['check', '--judge'], dir, { WHYS_JUDGE_URL: 'http://127.0.0.1:9/v1' });
  assert.equal(noModel.code, 2);
  assert.match(noModel.err, /--judge needs a model/);
  const bad = await whys(['check', '--judge=maybe'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--judge takes no value or "cached"/);
  const orphan = await whys(['check', '--judge-model', 'm'], dir);
  assert.equal(orphan.code, 2);
  assert.match(orphan.err, /need --judge/);
  const badLock = workspace({ 'a.whys.yaml': GOOD, 'lock.json': '{"nope": 1}' });
  const lock = await whys(['check', '--judge=cached', '--judge-cache', 'lock.json'], badLock);
  assert.equal(lock.code, 2);
  assert.match(lock.err, /the lockfile lock\.json is not a whys judge lockfile/);
});

test('stand-in /v1/chat/completions: verdicts that do not validate are dropped and counted in the summary line', async (t) => {
  const model = await standInModel(() =>
    completion(
      JSON.stringify({
        verdicts: [
          { id: 'r1.s2', field: 'because', rule: 'vague', confidence: 0.9, explanation: 'Exhausted by what?', suggestion: '' },
          { id: 'r7.s1', field: 'because', rule: 'vague', confidence: 0.9, explanation: 'No such step.', suggestion: '' },
          { id: 'r1.s1', field: 'because', rule: 'sloppy', confidence: 0.9, explanation: 'No such rule.', suggestion: '' },
        ],
      }),
    ),
  );
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'm', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /1 model finding, 0 errors, 2 verdicts dropped \(unknown id: 1; unknown rule: 1\)\n$/);
  assert.deepEqual(JSON.parse(run.out)[0].messages.map((m: { line: number }) => m.line), [10]);
});

test('stand-in /v1/chat/completions: --judge-prune drops the lockfile entries of steps that no longer exist', async (t) => {
  const model = await standInModel(review);
  t.after(() => model.close());
  const dir = workspace({ 'a.whys.yaml': GOOD });
  const args = ['check', '--judge', '--judge-url', model.url, '--judge-model', 'm'];
  assert.equal((await whys(args, dir)).code, 0);
  writeFileSync(join(dir, 'a.whys.yaml'), GOOD.replace('Its connection pool was exhausted.', 'Its connection pool ran out of connections.'));
  assert.equal((await whys(args, dir)).code, 0);
  const entries = () => Object.keys(JSON.parse(readFileSync(join(dir, '.whys/judge-cache.json'), 'utf8')).entries).length;
  assert.equal(entries(), 5, 'the edited step and the one after it were added');
  const pruned = await whys(['check', '--judge=cached', '--judge-prune', '--format', 'json'], dir);
  assert.equal(pruned.code, 0, pruned.err);
  assert.match(pruned.err, /3 from cache, 0 not judged, .*2 lockfile entries pruned/);
  assert.equal(entries(), 3);
  assert.equal(model.received.length, 2);
});

test('stand-in /v1/chat/completions: one root over the limit (200 steps) is sent as three parts of at most 80 steps, each step once, and every verdict comes back to its own line', async (t) => {
  // The stand-in judges only what it is asked to judge (not the entries marked context): `action-as-cause` on every tenth step.
  const model = await standInModel((received) => {
    const steps = (analysisOf(received).roots[0].steps as { id: string; context?: boolean; because?: string }[]).filter((s) => !s.context);
    const verdicts = steps
      .filter((s) => Number(/s(\d+)$/.exec(s.id)![1]) % 10 === 0)
      .map((s) => ({ id: s.id, field: 'because', rule: 'action-as-cause', confidence: 0.9, explanation: `About “${s.because}”.`, suggestion: '' }));
    return completion(JSON.stringify({ verdicts }));
  });
  t.after(() => model.close());
  const dir = workspace({ 'huge.whys.yaml': singleChain(200) });
  const run = await whys(['check', '--judge', '--judge-url', model.url, '--judge-model', 'stand-in-7b', '--judge-concurrency', '1', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.err);
  assert.equal(model.received.length, 3, 'three requests');
  const judged: string[] = [];
  model.received.forEach((received, i) => {
    const steps = analysisOf(received).roots[0].steps as { id: string; context?: boolean; because?: string }[];
    const own = steps.filter((s) => !s.context).map((s) => s.id);
    assert.ok(own.length <= 80, `request ${i + 1} holds ${own.length} steps`);
    judged.push(...own);
    assert.match(received.body.messages[1].content, new RegExp(`Judge part ${i + 1} of one root`));
    if (i > 0) assert.deepEqual(steps[0], { id: `r1.s${i * 80}`, context: true, because: `Limit ${i * 80 - 1} hit.` }, 'the answer its first step asks about, as context');
  });
  assert.deepEqual(judged, Array.from({ length: 200 }, (_, k) => `r1.s${k + 1}`), 'every step sent once, in order');
  const [report] = JSON.parse(run.out);
  const found = report.messages.filter((m: { judge?: unknown }) => m.judge).map((m: { line: number; column: number; message: string }) => [m.line, m.column, m.message]);
  // Step k's answer is on line 7 + 2k (after the 7 lines of the head), from column 18.
  assert.deepEqual(
    found,
    Array.from({ length: 20 }, (_, i) => (i + 1) * 10).map((k) => [7 + 2 * k, 18, `(model) About “Limit ${k - 1} hit.”.`]),
  );
  assert.match(run.err, /200 steps judged, 0 from cache, 20 model findings, 0 errors/);
});
