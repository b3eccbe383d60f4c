/**
 * `npm run eval -- --judge` (out/test/eval/index.js) against a scripted stand-in for a language
 * model: an HTTP server on 127.0.0.1 speaking `POST /v1/chat/completions`. Records the replies,
 * then re-scores them from the recording with the server gone. Needs `node esbuild.mjs --tests`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../../..');
const evalScript = join(root, 'out/test/eval/index.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  assert.ok(existsSync(evalScript), `${evalScript} is missing: run \`node esbuild.mjs --tests\` first`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WHYS_JUDGE_|OPENAI_)/.test(k)));
  return new Promise((done) => {
    const child = spawn(process.execPath, [evalScript, ...args], { cwd, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => done({ code, out, err }));
  });
}

const LABELLED = `version: 1
title: Deleted database
problem: The production database was deleted.
roots:
  - question: Why was it deleted?
    whys:
      - why: Why was the production database deleted?
        because: Human error by the on-call engineer.  # expect: blame
      - why: Why did the engineer run the script on production?
        because: The production and replica prompts looked the same.
      - why: Why did the prompts look the same?
        because: Both hosts used the default shell prompt.
`;

/** The stand-in's verdicts: blame on the first answer, a false alarm (vague) on the last one. */
function scriptedReply(body: string): string {
  const request = JSON.parse(body) as { messages: { content: string }[] };
  const doc = JSON.parse(/```json\n([\s\S]*)\n```$/.exec(request.messages[1].content)![1]) as { roots: { steps: { id: string }[] }[] };
  const ids = doc.roots[0].steps.map((s) => s.id);
  const verdicts = [
    { id: ids[0], field: 'because', rule: 'blame', confidence: 0.95, explanation: 'Stops at a person.', suggestion: '' },
    { id: ids[2], field: 'because', rule: 'vague', confidence: 0.8, explanation: 'Which prompt?', suggestion: '' },
  ];
  return JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify({ verdicts }) }, finish_reason: 'stop' }] });
}

test('eval --judge with a scripted stand-in /v1/chat/completions server: rules, model and both columns; --judge-record then --judge-replay gives the same table without the model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-judge-eval-'));
  writeFileSync(join(dir, 'deleted.whys.yaml'), LABELLED);
  let requests = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(scriptedReply(body));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const recorded = await run(['--judge', '--judge-url', url, '--judge-model', 'stand-in', '--judge-record', 'replies.json', 'deleted.whys.yaml'], dir);
  server.closeAllConnections();
  server.close();
  assert.equal(recorded.code, 0, recorded.out + recorded.err);
  assert.equal(requests, 1);
  assert.match(recorded.out, /rule\s+labelled\s+rules P \/ R\s+model P \/ R\s+both P \/ R/);
  assert.match(recorded.out, /\nblame\s+1\s+1\.00 \/ 1\.00\s+1\.00 \/ 1\.00\s+1\.00 \/ 1\.00\n/);
  assert.match(recorded.out, /\nvague\s+0\s+n\/a \/ n\/a\s+0\.00 \/ n\/a\s+0\.00 \/ n\/a\n/);
  assert.match(recorded.out, /\nclean steps hit\s+2\s+0 = 0\.00\s+1 = 0\.50\s+1 = 0\.50\n/);
  const recording = JSON.parse(readFileSync(join(dir, 'replies.json'), 'utf8'));
  assert.equal(recording.model, 'stand-in');
  assert.equal(Object.keys(recording.replies).length, 1);

  const replayed = await run(['--judge', '--judge-replay', 'replies.json', 'deleted.whys.yaml'], dir);
  assert.equal(replayed.code, 0, replayed.out + replayed.err);
  const table = (out: string) => out.slice(out.indexOf('\n') + 1).replace(/\nrecorded .*\n/, '\n');
  assert.equal(table(replayed.out), table(recorded.out));

  // A request the recording does not hold is a failure, not a silent gap.
  writeFileSync(join(dir, 'deleted.whys.yaml'), LABELLED.replace('default shell prompt', 'same default shell prompt'));
  const stale = await run(['--judge', '--judge-replay', 'replies.json', 'deleted.whys.yaml'], dir);
  assert.equal(stale.code, 1);
  assert.match(stale.out, /holds no reply to this request/);
});

test('eval --judge with no endpoint and no recording fails and reports no figure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whys-judge-eval-'));
  writeFileSync(join(dir, 'deleted.whys.yaml'), LABELLED);
  const result = await run(['--judge', 'deleted.whys.yaml'], dir);
  assert.equal(result.code, 1);
  assert.match(result.err, /no model endpoint is configured/);
  assert.doesNotMatch(result.out, /P \/ R/);
});
