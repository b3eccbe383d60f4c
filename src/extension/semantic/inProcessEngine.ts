/**
 * The semantic pass on VS Code for the Web: the web extension host is itself a worker (off the
 * window's thread), so the pass runs there, in slices of a few texts with a yield between them,
 * so other requests to the host are served while it runs. The model is read through
 * `vscode.workspace.fs` from the extension's dist/semantic/ on the first pass.
 */
import * as vscode from 'vscode';
import { CachedSentenceEncoder, parseAnalysis, PassCancelled, semanticPass, takingTurns, WordPieceTokenizer, type SemanticModels, type SentenceEncoder } from '../../core';
import { OnnxTransformerRunner } from '../../semantic/onnxRunner';
import type { SemanticEngine, SemanticJob, SemanticRequest } from './engine';
import type { DetectorSetting, DetectorWeights } from '../../core/learned';

/** Loads the model once and runs passes side by side, taking turns at the model a slice at a time. */
export class InProcessEngine implements SemanticEngine {
  private loading?: Promise<{ encoder: SentenceEncoder; models: SemanticModels }>;

  constructor(private readonly extensionUri: vscode.Uri) {}

  private async load(): Promise<{ encoder: SentenceEncoder; models: SemanticModels }> {
    const folder = vscode.Uri.joinPath(this.extensionUri, 'dist', 'semantic');
    const read = (name: string): Thenable<Uint8Array> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
    let model: Uint8Array, wasm: Uint8Array, tokenizer: Uint8Array, weights: Uint8Array;
    try {
      [model, wasm, tokenizer, weights] = await Promise.all([read('model.onnx'), read('ort-wasm-simd-threaded.wasm'), read('tokenizer.json'), read('weights.json')]);
    } catch (error) {
      throw new Error(`the sentence model's files could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const decoder = new TextDecoder();
    const file = JSON.parse(decoder.decode(weights)) as { weights: DetectorWeights[]; settings: Record<string, DetectorSetting> };
    const runner = await OnnxTransformerRunner.create({ model, wasm });
    return {
      encoder: takingTurns(new CachedSentenceEncoder(WordPieceTokenizer.fromJson(decoder.decode(tokenizer)), runner)),
      models: { weights: new Map(file.weights.map((w) => [w.detector, w])), settings: file.settings },
    };
  }

  start(request: SemanticRequest): SemanticJob {
    const cancel = { cancelled: false };
    const result = (async () => {
      if (cancel.cancelled) return undefined;
      // A failed load is kept: it is reported once and not retried on every keystroke.
      this.loading ??= this.load();
      const { encoder, models } = await this.loading;
      try {
        return await semanticPass(request.parsed?.text === request.text ? request.parsed : parseAnalysis(request.text), encoder, models, {
          mode: request.mode,
          check: request.check,
          flagged: new Set(request.flagged),
          cancel,
          slice: 4,
          between: () => new Promise((resolve) => setTimeout(resolve, 0)),
          onProgress: request.onProgress,
        });
      } catch (error) {
        if (error instanceof PassCancelled) return undefined;
        throw error;
      }
    })();
    return { result, cancel: () => (cancel.cancelled = true) };
  }

  dispose(): void {}
}
