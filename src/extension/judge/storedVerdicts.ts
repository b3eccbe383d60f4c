/**
 * The model review's verdict cache in the extension's workspace storage (`context.storageUri`,
 * or the global storage when no folder is open), in the same lockfile format as the command
 * line's `.whys/judge-cache.json`. Reopening a file, or reloading the window, sends nothing for
 * the steps already judged.
 */
import * as vscode from 'vscode';
import { MemoryJudgeCache, readJudgeLockfile, writeJudgeLockfile, type JudgeCache, type JudgeCacheEntry } from '../../core';

/** The cache's file name inside the extension's storage folder. */
export const CACHE_FILE = 'judge-cache.json';

/** Delay before the cache is written after a change, so one review writes once. */
const SAVE_DELAY_MS = 300;

/** Verdicts by step key, read once from storage, written back shortly after each change. */
export class StoredVerdicts implements JudgeCache, vscode.Disposable {
  private memory = new MemoryJudgeCache();
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly folder: vscode.Uri | undefined) {}

  /** The file the cache lives in, when the extension has a storage folder. */
  get file(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, CACHE_FILE);
  }

  /** Reads the stored cache (once); a missing or unreadable file starts an empty one. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const file = this.file;
      if (!file) return;
      try {
        const bytes = await vscode.workspace.fs.readFile(file);
        const { cache } = readJudgeLockfile(new TextDecoder().decode(bytes));
        // Entries set while reading win over the stored ones.
        for (const [key, entry] of this.memory.list()) cache.set(key, entry);
        this.memory = cache;
      } catch {
        // No cache yet, or not one whys can read: start empty (it is rewritten on the next review).
      }
    })();
    return this.loading;
  }

  get(key: string): JudgeCacheEntry | undefined {
    return this.memory.get(key);
  }

  set(key: string, entry: JudgeCacheEntry): void {
    this.memory.set(key, entry);
    if (this.memory.changed) this.schedule();
  }

  /** Forgets every stored verdict. */
  async clear(): Promise<void> {
    this.memory = new MemoryJudgeCache();
    this.memory.changed = true;
    await this.flush();
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const file = this.file;
    if (!file || !this.folder || !this.memory.changed) return this.saving;
    this.memory.changed = false;
    const text = writeJudgeLockfile(this.memory);
    const folder = this.folder;
    this.saving = this.saving.then(async () => {
      try {
        await vscode.workspace.fs.createDirectory(folder);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      } catch {
        // Storage unavailable: the verdicts still serve this window from memory.
      }
    });
    return this.saving;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  dispose(): void {
    void this.flush();
  }
}
