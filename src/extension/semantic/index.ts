/**
 * Wires the semantic pass into the editor: the engine for this host (a worker thread on Node,
 * in-process slices on the web), `whys.semantic`, and the hook after each published check.
 * Nothing is loaded here: the asset is read on the first pass.
 */
import * as vscode from 'vscode';
import { parseSemanticMode, type SemanticMode, type SemanticModels } from '../../core';
import type { DetectorSetting, DetectorWeights } from '../../core/learned';
import type { AnalysisCache } from '../analyses';
import type { DiagnosticsPublisher } from '../diagnostics';
import { toDiagnostic } from '../diagnostics';
import type { SemanticEngine } from './engine';
import { InProcessEngine } from './inProcessEngine';
import { SemanticDiagnostics } from './publisher';
import { WorkerEngine } from './workerEngine';

/** `whys.semantic` for a document. */
export function semanticModeFor(scope?: vscode.ConfigurationScope): SemanticMode {
  return parseSemanticMode(vscode.workspace.getConfiguration('whys', scope).get('semantic')) ?? 'default';
}

/** Whether this extension host runs on Node (it has worker threads). */
function onNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** Registers the semantic pass behind the diagnostics publisher. */
export function registerSemanticPass(context: vscode.ExtensionContext, diagnostics: DiagnosticsPublisher, cache: AnalysisCache): SemanticDiagnostics {
  let engine: SemanticEngine | undefined;
  let models: Promise<SemanticModels> | undefined;
  const folder = vscode.Uri.joinPath(context.extensionUri, 'dist', 'semantic');
  const semantic = new SemanticDiagnostics({
    engine: () =>
      (engine ??= onNode() && context.extensionUri.scheme === 'file' ? new WorkerEngine(vscode.Uri.joinPath(folder, 'worker.js').fsPath) : new InProcessEngine(context.extensionUri)),
    modeFor: (document) => semanticModeFor(document),
    models: () =>
      (models ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'weights.json'))).then((bytes) => {
        const file = JSON.parse(new TextDecoder().decode(bytes)) as { weights: DetectorWeights[]; settings: Record<string, DetectorSetting> };
        return { weights: new Map(file.weights.map((w) => [w.detector, w])), settings: file.settings };
      })),
    publish: (document, list) => diagnostics.replace(document, list),
    remember: (document, version, findings) => cache.setLater(document, version, findings),
    toDiagnostic,
  });
  context.subscriptions.push(
    semantic,
    { dispose: () => engine?.dispose() },
    diagnostics.onDidPublish((published) => void semantic.afterPublish(published)),
  );
  return semantic;
}
