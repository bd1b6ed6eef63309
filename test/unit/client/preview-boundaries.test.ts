// The webview script runs in a browser sandbox: it may not import `vscode` or
// Node modules, and its pure modules use no DOM, so that they run (and are
// tested) under plain Node. The client never parses `.isms` text.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const WEBVIEW = path.join(ROOT, 'client/src/preview/webview');
const PREVIEW = path.join(ROOT, 'client/src/preview');

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const webviewFiles = readdirSync(WEBVIEW)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(WEBVIEW, f));

describe('preview boundaries', () => {
  it('the webview modules and the messages import neither vscode nor Node', () => {
    for (const file of [...webviewFiles, path.join(PREVIEW, 'messages.ts')]) {
      for (const spec of imports(file)) {
        assert.ok(spec.startsWith('.'), `${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
  });

  it('webview modules import only the webview folder, the messages and server protocol types', () => {
    for (const file of webviewFiles) {
      const text = readFileSync(file, 'utf8');
      for (const spec of imports(file)) {
        const target = path.resolve(path.dirname(file), spec);
        const ok = target.startsWith(WEBVIEW) || target === path.join(PREVIEW, 'messages');
        assert.ok(ok, `${path.relative(ROOT, file)} imports ${spec}`);
      }
      assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, path.relative(ROOT, file));
    }
  });

  it('the pure modules use no DOM', () => {
    for (const file of webviewFiles.filter((f) => path.basename(f) !== 'main.ts')) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\b(document|window|HTMLElement|acquireVsCodeApi)\b|reference lib="dom"/, path.relative(ROOT, file));
    }
  });

  it('the messages import server types only, and data from the protocol types (the one list of export formats)', () => {
    const text = readFileSync(path.join(PREVIEW, 'messages.ts'), 'utf8');
    for (const line of text.split('\n').filter((l) => /^(import|export)\b.* from /.test(l))) {
      assert.match(line, /^import type |from '\.\.\/\.\.\/\.\.\/server\/src\/protocol\/custom-requests';$/, line);
    }
    // What the protocol types bring at run time is data without imports of its own.
    const protocolTypes = readFileSync(path.join(ROOT, 'server/src/protocol/custom-requests.ts'), 'utf8');
    for (const line of protocolTypes.split('\n').filter((l) => /^(import|export)\b.* from /.test(l) && !/^import type /.test(l))) {
      const spec = /from '([^']+)'/.exec(line)![1];
      assert.match(spec, /^\.\.\/util\//, line);
      const data = readFileSync(path.join(ROOT, 'server/src/protocol', `${spec}.ts`), 'utf8');
      assert.doesNotMatch(data, /^import /m, `${spec} imports nothing`);
    }
  });

  it('the preview never reads .isms text', () => {
    for (const file of readdirSync(PREVIEW, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(path.join(PREVIEW, file), 'utf8');
      assert.doesNotMatch(text, /grammar\/src|getText\(|readFile/, file);
    }
  });
});
