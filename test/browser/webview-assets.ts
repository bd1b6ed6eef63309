/** The SoA preview's webview script and style sheet, as the browser tests serve them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

/** The webview script bundled as scripts/build.mjs does, from the current sources, and the preview's CSS. */
export async function webviewAssets(): Promise<{ readonly script: string; readonly style: string }> {
  const bundle = await esbuild.build({
    entryPoints: [path.join(ROOT, 'client/src/preview/webview/main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return { script: bundle.outputFiles[0]!.text, style: readFileSync(path.join(ROOT, 'media/preview/preview.css'), 'utf8') };
}
