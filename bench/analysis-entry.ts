/**
 * In-process benchmark of the language service, bundled by bench/check.mjs
 * (esbuild → bench/.work/build/analysis.cjs) and run in a child `node`:
 *
 *   node bench/.work/build/analysis.cjs WORKSPACE_DIR RUNS AS_OF
 *
 * It reads every `*.isms` file below WORKSPACE_DIR and the JSON twin
 * `workspace.json` once, then times, in this one process and on texts already
 * in memory (no I/O in the timings):
 *
 * - `analysis`: a fresh language service, every file set, the whole analysis
 *   (parse, model, file rules, workspace index, workspace rules);
 * - `edit`: after that, one file changed by one character and re-analysed
 *   (the incremental path of the editor);
 * - `jsonParse`: `JSON.parse` of the JSON twin, the in-process baseline.
 *
 * It prints one JSON object: the times of every run in milliseconds (the
 * first run is the cold one, before the JIT has warmed up) and the number of
 * diagnostics, which must be 0 for the generated workspace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/language-service';

/** All `*.isms` files below `dir`, as [workspace-relative POSIX path, absolute path], sorted. */
function ismsFiles(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.isms')) out.push([relative(dir, path).split(sep).join('/'), path]);
    }
  };
  walk(dir);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export interface InProcessFigures {
  files: number;
  diagnostics: number;
  /** Milliseconds per run, in run order. */
  analysis: number[];
  edit: number[];
  jsonParse: number[];
}

export function measure(dir: string, runs: number, asOf: string): InProcessFigures {
  const texts = ismsFiles(dir).map(([name, path]) => [name, readFileSync(path, 'utf8')] as const);
  const json = readFileSync(join(dir, 'workspace.json'), 'utf8');
  // The file edited in the `edit` timing: the middle one (a risk register file).
  const [editedName, editedText] = texts[Math.floor(texts.length / 2)];
  const figures: InProcessFigures = { files: texts.length, diagnostics: -1, analysis: [], edit: [], jsonParse: [] };

  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const service = createLanguageService({ asOf });
    for (const [name, text] of texts) service.setFile(name, text);
    const diagnostics = service.analysis().diagnostics.length;
    figures.analysis.push(performance.now() - start);
    figures.diagnostics = Math.max(figures.diagnostics, diagnostics);

    // One-character edit (a trailing comment) of one file, then re-analysis.
    start = performance.now();
    service.setFile(editedName, `${editedText}// edit ${run}\n`);
    figures.diagnostics = Math.max(figures.diagnostics, service.analysis().diagnostics.length);
    figures.edit.push(performance.now() - start);

    start = performance.now();
    const parsed = JSON.parse(json) as { risk?: unknown[] };
    figures.jsonParse.push(performance.now() - start);
    if (!Array.isArray(parsed.risk)) throw new Error('workspace.json has no risk array');
  }
  return figures;
}

if (require.main === module) {
  const [dir, runs = '7', asOf = '2026-11-27'] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node analysis.cjs WORKSPACE_DIR [RUNS] [AS_OF]\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(measure(dir, Number(runs), asOf))}\n`);
}
