import { strict as assert } from 'node:assert';

import { contentSecurityPolicy, createNonce, renderPreviewHtml } from '../../../client/src/preview/html';

const webview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (path: string) => ({ toString: () => `https://file+.vscode-resource.vscode-cdn.net${path}` }),
};
const resources = { script: '/ext/dist/preview.js', style: '/ext/media/preview/preview.css' };

describe('preview HTML shell', () => {
  it('sets a strict CSP with the nonce on the only script', () => {
    const html = renderPreviewHtml(webview, resources, 'abc123==');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(
      csp,
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123=='; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123==" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/preview.js">']);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/preview\/preview\.css">/);
  });

  it('has no inline handlers, inline styles, remote URLs or inline script bodies', () => {
    const html = renderPreviewHtml(webview, resources);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /<style/i);
    assert.doesNotMatch(html, /https?:\/\/(?!file\+\.vscode-resource)/);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/);
  });

  it('uses a fresh nonce from the crypto RNG on every render', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    const first = /nonce-([^']+)'/.exec(renderPreviewHtml(webview, resources))?.[1];
    const second = /nonce-([^']+)'/.exec(renderPreviewHtml(webview, resources))?.[1];
    assert.ok(first && second && first !== second);
  });

  it('escapes resource URIs and refuses a nonce that is not base64', () => {
    const odd = { cspSource: 'x', asWebviewUri: () => ({ toString: () => 'a"><script>alert(1)</script>' }) };
    const html = renderPreviewHtml(odd, resources, 'n0nce');
    assert.doesNotMatch(html, /"><script>alert/);
    assert.match(html, /a&quot;&gt;&lt;script&gt;/);
    assert.throws(() => renderPreviewHtml(webview, resources, `x' 'unsafe-inline`));
  });

  it('builds the policy from the webview CSP source', () => {
    assert.equal(contentSecurityPolicy('S', 'N'), "default-src 'none'; img-src S data:; style-src S; script-src 'nonce-N'; font-src S");
  });
});
