import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForBert, preTokenize, WordPieceTokenizer } from '../../../src/core';
import { MODEL_DIR, reference } from './helpers';

const tokenizer = WordPieceTokenizer.fromJson(readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8'));

test('the tokenizer gives exactly the token ids of the Python tokenizer for every reference sentence', () => {
  const ref = reference();
  assert.ok(ref.sentences.length >= 30);
  for (const s of ref.sentences) assert.deepEqual(tokenizer.encode(s.text), s.tokenIds, s.text.slice(0, 60));
});

test('the normaliser strips accents, lower-cases and spaces CJK; the pre-tokenizer splits punctuation', () => {
  assert.equal(normalizeForBert('Café\u0000 RÉSUMÉ\t日本'), 'cafe resume  日  本 ');
  assert.deepEqual(preTokenize("didn't (p99)"), ['didn', "'", 't', '(', 'p99', ')']);
});

test('a long text is cut to 256 tokens, [CLS] first and [SEP] last', () => {
  const ids = tokenizer.encode('word '.repeat(400));
  assert.equal(ids.length, 256);
  assert.equal(ids[0], 101);
  assert.equal(ids[255], 102);
});

test('a tokenizer.json without a WordPiece vocabulary is one clear error', () => {
  assert.throws(() => WordPieceTokenizer.fromJson('{"model":{"type":"BPE"}}'), /no WordPiece vocabulary/);
  assert.throws(() => WordPieceTokenizer.fromJson('not json'), /not valid JSON/);
});
