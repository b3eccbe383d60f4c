import * as vscode from 'vscode';
import type { PreviewBoot } from '../../shared/previewProtocol';

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

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
  const source = webview.cspSource;
  return [
    "default-src 'none'",
    `img-src ${source} data:`,
    `style-src ${source} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${source}`,
  ].join('; ');
}

/**
 * The preview page: a strict CSP, the script by nonce, and the first tree as escaped JSON in a
 * `data-initial` attribute (never an inline script).
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, boot: PreviewBoot): string {
  // Web Crypto: the same global in the Node extension host and in VS Code for the Web.
  const nonce = globalThis.crypto.randomUUID().replace(/-/g, '');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(style.toString())}">
<title>Why-tree</title>
</head>
<body>
<div id="whys-preview" data-initial="${escapeAttribute(JSON.stringify(boot))}"></div>
<script nonce="${nonce}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}
