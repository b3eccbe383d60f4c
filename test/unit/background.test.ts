/**
 * The check off the host's main thread: the real worker bundle (dist/checkWorker.js, built by
 * `node esbuild.mjs`) answers the same findings as checkText, and a newer check of a document
 * drops the older one while other documents' checks still answer (issue 12).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkText, configureSynonyms } from '../../src/core';
import { BackgroundChecker, Overtaken } from '../../src/extension/background';
import { generateAnalysis } from '../bench/generate';
import { VALID } from './helpers';

const WORKER = join(__dirname, '..', '..', '..', 'dist', 'checkWorker.js');

function checker(): BackgroundChecker {
  assert.ok(existsSync(WORKER), `${WORKER} is missing: run \`node esbuild.mjs\` first`);
  return new BackgroundChecker(WORKER);
}

const brief = (findings: readonly { rule: string; span: { start: number; end: number }; message: string }[]) => findings.map((f) => `${f.rule} ${f.span.start}-${f.span.end} ${f.message}`);

test('the worker answers the findings checkText gives, with the options and synonyms sent', async () => {
  const background = checker();
  try {
    const text = generateAnalysis(300).replace('owner: platform', 'ownr: platform');
    const options = { rules: { shallow: 'off' as const, 'no-action': 'error' as const }, minDepth: 4 };
    const findings = await background.check('a', text, options, [['WS', 'widget service']]);
    configureSynonyms([['WS', 'widget service']]);
    assert.deepEqual(brief(findings), brief(checkText(text, options).findings));
    configureSynonyms([]);
    assert.ok(findings.some((f) => f.rule === 'schema'));
  } finally {
    background.dispose();
  }
});

test('options that are not plain data (VS Code hands settings over as proxies) still reach the worker', async () => {
  const background = checker();
  try {
    const rules = new Proxy({ shallow: 'off' }, {});
    const options = { rules, minDepth: 3, read: () => rules } as unknown as Parameters<BackgroundChecker['check']>[2];
    const findings = await background.check('p', VALID.replace('title:', 'titel:'), options, []);
    assert.ok(findings.some((f) => f.rule === 'schema'));
  } finally {
    background.dispose();
  }
});

test('a newer check of the same document drops the older one; another document is still answered', async () => {
  const background = checker();
  try {
    const big = generateAnalysis(4000);
    const first = background.check('doc', big, {}, []);
    const other = background.check('other', VALID.replace('title:', 'titel:'), {}, []);
    const second = background.check('doc', VALID, {}, []);
    await assert.rejects(first, Overtaken);
    assert.deepEqual(brief(await second), brief(checkText(VALID).findings));
    assert.ok((await other).some((f) => f.rule === 'schema'));
  } finally {
    background.dispose();
  }
});

test('analyse answers the parsed model too, its roots pulled in batches, equal to the host’s own parse', async () => {
  const background = checker();
  try {
    // 2,000 steps: several batches of roots, each read by the host in its own task.
    const text = generateAnalysis(2000).replace('owner: platform', 'ownr: platform');
    const { findings, parsed } = await background.analyse('m', text, {}, []);
    const own = checkText(text);
    assert.deepEqual(brief(findings), brief(own.findings));
    assert.ok(parsed, 'the model came back');
    assert.equal(parsed.analysis.roots.length, own.parsed.analysis.roots.length);
    const { text: _text, ...expected } = own.parsed;
    assert.deepStrictEqual(parsed, expected);
    // The back references of the model survive the transfer: a step's chain leads to its root.
    const root = parsed.analysis.roots[150];
    assert.equal(root.chain.steps[0].chain.root, root);
    // A check without the model still answers the findings alone.
    assert.deepEqual(brief(await background.check('m', text, {}, [])), brief(own.findings));
  } finally {
    background.dispose();
  }
});

test('a model asked for when another document’s newer check restarts the worker is answered in full by the new worker', async () => {
  const background = checker();
  try {
    const big = generateAnalysis(1500);
    const first = background.analyse('a', big, {}, []);
    // Another document's newer check restarts the worker; the first request is sent again to the new one.
    const dropped = background.check('b', VALID, {}, []).catch((error: unknown) => error);
    const second = background.check('b', VALID.replace('title:', 'titel:'), {}, []);
    const { parsed } = await first;
    assert.equal(parsed?.analysis.roots.length, checkText(big).parsed.analysis.roots.length);
    assert.ok((await second).some((f) => f.rule === 'schema'));
    assert.ok((await dropped) instanceof Overtaken);
  } finally {
    background.dispose();
  }
});

test('the worker checks a run of edits of one document from its last check (re-reading the edited root) and answers what checkText gives', async () => {
  const background = checker();
  try {
    let text = generateAnalysis(300, 4);
    assert.deepEqual(brief(await background.check('edited', text, {}, [])), brief(checkText(text).findings));
    // Each edit lands in a root: a blame, a remedy, a broken key, the key mended, a new step.
    const edits: [string, string][] = [
      ['because a retry storm', 'because Sam forgot that a retry storm'],
      ['Why did the search index', 'Why did the search index really'],
      ['owner: platform', 'ownr: platform'],
      ['ownr: platform', 'owner: platform'],
      ['    actions:\n', '      - why: Why was it not caught?\n        because: We should add a test.\n    actions:\n'],
    ];
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      const findings = await background.check('edited', text, {}, []);
      assert.deepEqual(brief(findings), brief(checkText(text).findings), `after ${JSON.stringify(to)}`);
    }
  } finally {
    background.dispose();
  }
});
