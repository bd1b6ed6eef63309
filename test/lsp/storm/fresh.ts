/**
 * The diagnostics a fresh analysis gives for a folder: an in-process
 * language service fed with the folder's files as a freshly started server
 * would read them (every regular `.isms` file below the folder, as
 * `collectIsmsFiles` finds them) and the texts of the documents open in the
 * editor instead of theirs, converted to LSP diagnostics exactly as the
 * server converts them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../../server/src/language-service';
import { collectIsmsFiles, workspacePath } from '../../../server/src/node-host/workspace-files';
import { toLspDiagnostic } from '../../../server/src/protocol/convert';

/** Diagnostics per file URI of the folder (every file of the analysis, also those without any). */
export function freshDiagnostics(root: string, openTexts: ReadonlyMap<string, string>, asOf: string): Map<string, LspDiagnostic[]> {
  const service = createLanguageService({
    asOf,
    documents: {
      exists(file: string) {
        try {
          return fs.statSync(path.join(root, ...file.split('/'))).isFile();
        } catch {
          return false;
        }
      },
    },
  });
  const uris = new Map<string, string>();
  for (const absolute of collectIsmsFiles(root, [])) {
    if (openTexts.has(absolute)) continue;
    try {
      const text = fs.readFileSync(absolute, 'utf8');
      const file = workspacePath(root, absolute);
      service.setFile(file, text);
      uris.set(file, pathToFileURL(absolute).href);
    } catch {
      // unreadable: the server skips it too
    }
  }
  for (const [absolute, text] of openTexts) {
    if (absolute !== root && !absolute.startsWith(root + path.sep)) continue;
    const file = workspacePath(root, absolute);
    service.setFile(file, text);
    uris.set(file, pathToFileURL(absolute).href);
  }
  const target = (file: string) => {
    const parsed = service.parsed(file);
    return parsed ? { lines: parsed.lines, uri: uris.get(file)! } : undefined;
  };
  const out = new Map<string, LspDiagnostic[]>();
  for (const file of service.fileNames()) out.set(uris.get(file)!, []);
  for (const diagnostic of service.diagnostics()) {
    out.get(uris.get(diagnostic.file)!)!.push(toLspDiagnostic(diagnostic, target(diagnostic.file)!, target));
  }
  return out;
}

/** A diagnostic as compared: code, range, severity, message, related locations and data; order-independent. */
export function normalise(diagnostics: readonly LspDiagnostic[]): string[] {
  return diagnostics
    .map((d) =>
      JSON.stringify({
        code: d.code,
        range: d.range,
        severity: d.severity,
        message: d.message,
        related: d.relatedInformation ?? [],
        tags: d.tags ?? [],
        data: d.data,
      }),
    )
    .sort();
}

/** What differs between two lists of diagnostics (for a report): missing and unexpected ones, short. */
export function difference(expected: readonly LspDiagnostic[], actual: readonly LspDiagnostic[]): { missing: string[]; unexpected: string[] } {
  const e = normalise(expected);
  const a = normalise(actual);
  const short = (json: string) => {
    const d = JSON.parse(json) as { code: string; range: LspDiagnostic['range']; message: string };
    return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}: ${d.message}`;
  };
  const count = (list: string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ce = count(e);
  const ca = count(a);
  const missing = [...ce].flatMap(([x, n]) => Array<string>(Math.max(0, n - (ca.get(x) ?? 0))).fill(x)).map(short);
  const unexpected = [...ca].flatMap(([x, n]) => Array<string>(Math.max(0, n - (ce.get(x) ?? 0))).fill(x)).map(short);
  return { missing, unexpected };
}
