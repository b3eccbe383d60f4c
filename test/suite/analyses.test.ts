/**
 * The analysis cache in the real editor: an entry belongs to the document it was made for. When a
 * closed untitled document's name comes back (`untitled:Untitled-1` at version 1 again), a
 * feature asking about the new document must get the new text's check, not the closed one's. (A
 * model review once judged a closed document's 126 steps for a new one this way.)
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../src/extension/analyses';

const analysis = (answer: string): string =>
  ['version: 1', 'title: Cache', 'problem: The nightly export failed.', 'roots:', '  - whys:', '      - why: Why did the export fail?', `        because: ${answer}`, ''].join('\n');

suite('analysis cache', () => {
  test("a new document at a closed one's URI and version gets its own check, not the closed one's", async () => {
    const first = await vscode.workspace.openTextDocument({ language: 'whys', content: analysis('The disk was full.') });
    const other = await vscode.workspace.openTextDocument({ language: 'whys', content: analysis('The job ran out of memory.') });
    // Another document with the first one's URI and version, as a reused untitled name gives.
    const reused = new Proxy(other, {
      get: (target, property) => (property === 'uri' ? first.uri : property === 'version' ? first.version : Reflect.get(target, property, target)),
    });
    assert.strictEqual(reused.uri.toString(), first.uri.toString());
    assert.strictEqual(reused.version, first.version);
    const cache = new AnalysisCache();
    try {
      assert.strictEqual(cache.peek(first)?.parsed.text, first.getText());
      assert.strictEqual(cache.peek(reused)?.parsed.text, other.getText(), 'the reused URI got the first document’s check');
      assert.strictEqual((await cache.result(reused))?.parsed.text, other.getText());
      // The first document's own check is still its own.
      assert.strictEqual(cache.peek(first)?.parsed.text, first.getText());
    } finally {
      cache.dispose();
    }
  });
});
