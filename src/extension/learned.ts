/**
 * The learned detectors' asset in the editor: read through `vscode.workspace.fs` from the
 * extension's `dist/learned/` (so it works in the Node and the web extension host), never on
 * the activation path: the first check that wants it starts the read and runs with the rules
 * alone; when the asset is in, `onDidLoad` fires and the open analyses are checked again.
 */
import * as vscode from 'vscode';
import { detectorOn, loadLearned, WORD_VECTOR_DETECTORS, type LearnedMode, type LearnedModels, type LearnedWeightsFile } from '../core';
import type { LearnedAsset } from './background';

/** Loads the learned asset once, on first use. */
export class LearnedAssets implements vscode.Disposable {
  private file?: LearnedWeightsFile;
  private models?: LearnedModels;
  /** The word vectors as read, for the background worker (which loads its own models from them). */
  private vectorBytes?: Uint8Array;
  private loading?: Promise<void>;
  private failure?: string;
  private readonly loaded = new vscode.EventEmitter<void>();
  /** Fires when the asset (or the part a mode needs) has been read. */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /**
   * The models a mode needs, when they are loaded; otherwise undefined, and the read starts
   * (once) in the background.
   */
  modelsFor(mode: LearnedMode): LearnedModels | undefined {
    if (mode === 'off' || this.failure) return undefined;
    if (this.models) return WORD_VECTOR_DETECTORS.some((d) => detectorOn(this.models!, d.name, mode)) ? this.models : undefined;
    if (this.file && !this.wanted(this.file, mode)) return undefined;
    this.loading ??= this.load(mode).catch((error: unknown) => {
      this.failure = error instanceof Error ? error.message : String(error);
      console.error(`whys: the learned detectors could not be loaded: ${this.failure}`);
    });
    return undefined;
  }

  /**
   * The asset as read (weights and word vectors), when a mode's detectors are loaded: what the
   * background worker needs to run them on a large analysis as the host would.
   */
  assetFor(mode: LearnedMode): LearnedAsset | undefined {
    return this.modelsFor(mode) && this.file && this.vectorBytes ? { file: this.file, vectors: this.vectorBytes } : undefined;
  }

  /** Why the asset could not be read, if it could not. */
  get error(): string | undefined {
    return this.failure;
  }

  private wanted(file: LearnedWeightsFile, mode: LearnedMode): boolean {
    return mode === 'all' || Object.values(file.settings).some((s) => s.on);
  }

  private async load(mode: LearnedMode): Promise<void> {
    const folder = vscode.Uri.joinPath(this.extensionUri, 'dist', 'learned');
    if (!this.file) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'weights.json'));
      this.file = JSON.parse(new TextDecoder().decode(bytes)) as LearnedWeightsFile;
    }
    if (!this.wanted(this.file, mode)) {
      // Nothing to run under this mode: the vectors are read when a mode wants them.
      this.loading = undefined;
      return;
    }
    const vectors = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'word-vectors.bin'));
    this.vectorBytes = vectors;
    this.models = loadLearned(vectors, this.file);
    this.loaded.fire();
  }

  dispose(): void {
    this.loaded.dispose();
  }
}
