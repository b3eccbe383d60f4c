/**
 * The sentence encoder in Node (CLI, training, tests, bench, the extension host's worker
 * thread): reads the committed model, tokenizer and ONNX Runtime's `.wasm` from a folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CachedSentenceEncoder, WordPieceTokenizer } from '../core/semantic';
import { OnnxTransformerRunner } from './onnxRunner';

/** Where the files are: `model.onnx` and `tokenizer.json` in `modelDir`, the `.wasm` at `wasmFile`. */
export interface ModelFiles {
  readonly modelDir: string;
  readonly wasmFile: string;
}

/** Loads the encoder. Throws one clear error when a file is missing or corrupted. */
export async function loadNodeEncoder(files: ModelFiles): Promise<CachedSentenceEncoder> {
  let model: Uint8Array, tokenizer: string, wasm: Uint8Array;
  try {
    [model, tokenizer, wasm] = await Promise.all([readFile(join(files.modelDir, 'model.onnx')), readFile(join(files.modelDir, 'tokenizer.json'), 'utf8'), readFile(files.wasmFile)]);
  } catch (error) {
    throw new Error(`the sentence model's files could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const runner = await OnnxTransformerRunner.create({ model, wasm });
  return new CachedSentenceEncoder(WordPieceTokenizer.fromJson(tokenizer), runner);
}
