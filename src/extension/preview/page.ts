/**
 * The preview page itself, without the `vscode` API: the host fills in its URIs and CSP source,
 * and the browser tests load exactly this page (not a copy of it) in Chromium.
 */
import type { PreviewBoot } from '../../shared/previewProtocol';

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the preview, for the webview's CSP source and a script nonce. */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** What the page needs from its host. */
export interface PageParts {
  readonly cspSource: string;
  readonly nonce: string;
  /** URIs as the webview may load them. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly boot: PreviewBoot;
}

/**
 * The preview page: a strict CSP, the script by nonce, and the first tree as escaped JSON in a
 * `data-initial` attribute (never an inline script).
 */
export function previewPage(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}">
<title>Why-tree</title>
</head>
<body>
<div id="whys-preview" data-initial="${escapeAttribute(JSON.stringify(parts.boot))}"></div>
<script nonce="${parts.nonce}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>`;
}
