import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { activeSemanticDetectors, checkText, circularEvidence, circularMessage, parseAnalysis, semanticAnswers, semanticPass, semanticScores, type CircularEvidence } from '../../../src/core';
import { committedSemanticModels, fixture, realEncoder, ROOT } from './helpers';

const greenhouse = fixture('greenhouse-valve.whys.yaml');
const RESTATEMENT = 'The gearbox had seized up and stuck fast.';

test('real model: the semantic circular detector flags the answer that says its question again, and only that one', async () => {
  const findings = await semanticPass(parseAnalysis(greenhouse), await realEncoder(), committedSemanticModels(), { mode: ['circular'] });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.tier, f.severity, greenhouse.slice(f.span.start, f.span.end)]),
    [['circular', 'semantic', 'warning', RESTATEMENT]],
  );
  assert.match(
    findings[0].message,
    /^This answer reads as its question said again, not as a cause: very close to its own question \(similarity 0\.\d\d\); 2 of its 5 content words are already in the question or the answer before\. Say what made it happen\. Found by the semantic pass \(sentence model, \d+% circular\)\.$/,
  );
  // The rules' own circular check lets this restatement pass: the semantic pass adds it.
  assert.deepEqual(checkText(greenhouse).findings.filter((f) => f.rule === 'circular'), []);
});

test('real model: a restatement scores high and the answers that name a cause score low', async () => {
  const models = committedSemanticModels();
  const threshold = models.settings.circular.threshold;
  const scores = (await semanticScores(parseAnalysis(greenhouse), await realEncoder(), models)).filter((s) => s.detector === 'circular');
  const at = (start: string) => scores.find((s) => greenhouse.slice(s.start).startsWith(start))!.probability;
  const restatement = at(RESTATEMENT);
  assert.ok(restatement >= threshold, `restatement ${restatement} below threshold ${threshold}`);
  for (const cause of ['The roof vents stayed closed', "The vent actuator's gearbox had seized", 'The high-temperature alarm went to a phone']) {
    assert.ok(at(cause) < threshold, `${cause}: ${at(cause)} at or above threshold ${threshold}`);
    assert.ok(at(cause) < restatement - 0.15, `${cause}: ${at(cause)} not well below the restatement's ${restatement}`);
  }
});

test('real model: the evidence counts the words the answer says again, and names what it restates', async () => {
  const parsed = parseAnalysis(greenhouse);
  const answers = semanticAnswers(parsed.analysis);
  const encoder = await realEncoder();
  const texts = [...new Set(answers.flatMap((a) => [a.value.text, a.question, a.previous, a.problem, a.rootQuestion].filter((t): t is string => !!t)))];
  const vectors = new Map<string, Float32Array>();
  const embedded = await encoder.embed(texts);
  texts.forEach((t, i) => vectors.set(t, embedded[i]));
  const first = circularEvidence(answers[0], vectors)!;
  assert.equal(first.before, 'the problem statement');
  const second = circularEvidence(answers[1], vectors)!;
  assert.equal(second.before, 'the answer before it');
  // "The vent actuator's gearbox had seized, so the motor could not open them.": of vent, actuator, gearbox, seized,
  // motor and open, only "vent" is in its question or the answer before ("vents", by stem).
  assert.equal(second.contentWords, 6);
  assert.equal(second.repeated, 1);
  assert.ok(Math.abs(second.features.newWordShare - 5 / 6) < 1e-9);
  assert.equal(second.features.restates, Math.max(second.features.toQuestion, second.features.toPrevious));
});

test('the message names the similarity in words and figures, and the words said again', () => {
  const evidence: CircularEvidence = {
    features: { toQuestion: 0.86, toPrevious: 0.4, restates: 0.86, newWordShare: 0.25 },
    toQuestion: 0.86,
    before: 'the answer before it',
    contentWords: 4,
    repeated: 3,
  };
  assert.equal(
    circularMessage(evidence, 0.912),
    'This answer reads as its question said again, not as a cause: very close to its own question (similarity 0.86); 3 of its 4 content words are already in the question or the answer before. Say what made it happen. Found by the semantic pass (sentence model, 91% circular).',
  );
  const fromProblem = circularMessage({ ...evidence, toQuestion: 0.51, before: 'the problem statement', previous: { text: 'Checkout failed for 40 minutes.', similarity: 0.78 }, contentWords: 1, repeated: 1 }, 0.8);
  assert.match(fromProblem, /^This answer reads as the problem statement, 'Checkout failed for 40 minutes\.', said again, not as a cause: very close to it \(similarity 0\.78\), close to its own question \(similarity 0\.51\); 1 of its 1 content word is already in the question or the problem statement\./);
});

test('circular is a semantic detector of its own: in "all", by name, and in "default" only when its data switches it on', () => {
  const models = committedSemanticModels();
  assert.ok(activeSemanticDetectors(models, 'all').includes('circular'));
  assert.deepEqual(activeSemanticDetectors(models, ['circular']), ['circular']);
  assert.equal(activeSemanticDetectors(models, 'default').includes('circular'), models.settings.circular.on);
});

test('CLI: whys check --semantic circular reports the semantic circular finding; the default mode runs it only when it is on', () => {
  const cli = join(ROOT, 'dist', 'cli.js');
  const file = join(ROOT, 'test', 'fixtures', 'semantic', 'greenhouse-valve.whys.yaml');
  type Report = { messages: { ruleId: string; message: string; line: number }[] }[];
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json', ...args], { encoding: 'utf8' });
    assert.notEqual(r.status, 2, r.stderr);
    return (JSON.parse(r.stdout) as Report)[0].messages.filter((m) => m.ruleId === 'circular');
  };
  const found = run('--semantic', 'circular');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(greenhouse.split('\n')[found[0].line - 1].trim(), `because: ${RESTATEMENT}`);
  assert.match(found[0].message, /similarity 0\.\d\d.*Found by the semantic pass \(sentence model, \d+% circular\)/);
  assert.equal(run('--semantic', 'default').length, committedSemanticModels().settings.circular.on ? 1 : 0);
  assert.equal(run('--no-semantic').length, 0);
});
