import * as vscode from 'vscode';
import type { PreviewBoot } from '../../shared/previewProtocol';
import { previewCsp, previewPage } from './page';

export { escapeAttribute } from './page';

/** The folders the preview may load from: the extension's bundle and media, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** The webview options of a preview panel. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: localResourceRoots(extensionUri),
    retainContextWhenHidden: false,
  };
}

/** The Content-Security-Policy of the preview for a script nonce. */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return previewCsp(webview.cspSource, nonce);
}

/** The preview page for a webview (see `previewPage`). */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, boot: PreviewBoot): string {
  // Web Crypto: the same global in the Node extension host and in VS Code for the Web.
  const nonce = globalThis.crypto.randomUUID().replace(/-/g, '');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
  return previewPage({ cspSource: webview.cspSource, nonce, scriptUri: script.toString(), styleUri: style.toString(), boot });
}
