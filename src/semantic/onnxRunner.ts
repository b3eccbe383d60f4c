/**
 * The transformer run by ONNX Runtime's WebAssembly backend (`onnxruntime-web`), which works the
 * same in Node (CLI, the extension host's worker thread) and in a browser worker (VS Code for
 * the Web). Single-threaded, no proxy worker, and the `.wasm` bytes are handed in by the caller,
 * so nothing is fetched and no path is guessed.
 */
import * as ort from 'onnxruntime-web/wasm';
import type { TokenBatch, TransformerRunner } from '../core/semantic/encoder';

/** The bytes a session needs: the ONNX model and ONNX Runtime's WebAssembly module. */
export interface ModelBytes {
  readonly model: Uint8Array;
  readonly wasm: Uint8Array;
}

let configured: Uint8Array | undefined;

/** Runs all-MiniLM-L6-v2's encoder graph in an ONNX Runtime session. */
export class OnnxTransformerRunner implements TransformerRunner {
  private constructor(private readonly session: ort.InferenceSession) {}

  /** Creates the session. Throws an Error that says what failed (e.g. a corrupted model file). */
  static async create(bytes: ModelBytes): Promise<OnnxTransformerRunner> {
    if (!configured) {
      configured = bytes.wasm;
      ort.env.wasm.wasmBinary = bytes.wasm;
      ort.env.wasm.numThreads = 1;
      ort.env.wasm.proxy = false;
      ort.env.logLevel = 'error';
    }
    // Node does not count a pending WebAssembly compilation as work: without a timer, a process
    // with nothing else to do would exit while the session is being created.
    const keepAlive = setInterval(() => {}, 1000);
    try {
      const session = await ort.InferenceSession.create(bytes.model, { executionProviders: ['wasm'], graphOptimizationLevel: 'basic' });
      return new OnnxTransformerRunner(session);
    } catch (error) {
      throw new Error(`the sentence model could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      clearInterval(keepAlive);
    }
  }

  async run(batch: TokenBatch): Promise<{ hidden: Float32Array; dims: number }> {
    const shape = [batch.batch, batch.tokens];
    const feeds = {
      input_ids: new ort.Tensor('int64', batch.inputIds, shape),
      attention_mask: new ort.Tensor('int64', batch.attentionMask, shape),
      token_type_ids: new ort.Tensor('int64', batch.tokenTypeIds, shape),
    };
    const out = await this.session.run(feeds);
    const hidden = out.last_hidden_state;
    const data = hidden.data as Float32Array;
    const dims = hidden.dims[2];
    hidden.dispose();
    return { hidden: data, dims };
  }
}
