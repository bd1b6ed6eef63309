/**
 * The HTML shell of the SoA preview: a strict Content-Security-Policy with a
 * fresh nonce per load, the stylesheet and the script as webview resources,
 * and no data at all (the data comes with `postMessage`). No inline
 * handlers, no inline styles, no remote content.
 *
 * Nothing comes from `vscode`: `vscode.Webview` fits {@link WebviewLike}, and
 * the browser tests render the shell with a stub webview.
 */
import { randomBytes } from 'node:crypto';

/** What the shell needs of a webview: `vscode.Webview` has both. */
export interface WebviewLike<R> {
  readonly cspSource: string;
  asWebviewUri(resource: R): { toString(): string };
}

/** The two resources the shell links, as the host's URIs (e.g. `vscode.Uri` under the extension). */
export interface PreviewResources<R> {
  /** dist/preview.js */
  readonly script: R;
  /** media/preview/preview.css */
  readonly style: R;
}

/** A nonce from the crypto RNG: 128 bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Escapes text for an HTML attribute value in double quotes (and for text). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the shell. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** The shell's HTML. `nonce` defaults to a fresh one: pass one only in tests. */
export function renderPreviewHtml<R>(webview: WebviewLike<R>, resources: PreviewResources<R>, nonce: string = createNonce()): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(nonce)) throw new Error('a nonce is base64');
  const csp = escapeAttribute(contentSecurityPolicy(webview.cspSource, nonce));
  const script = escapeAttribute(webview.asWebviewUri(resources.script).toString());
  const style = escapeAttribute(webview.asWebviewUri(resources.style).toString());
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>SoA Preview</title>
</head>
<body>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>
`;
}
