/**
 * Pushes each file's diagnostics after an analysis, only for files whose
 * diagnostics changed, always for the text the analysis saw (so never for an
 * older document version than the one analysed).
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Snapshot } from '../language-service';
import { toLspDiagnostic, type DiagnosticTarget } from './convert';
import type { IsmsFolder } from './isms-folder';

export class DiagnosticsPublisher {
  /** What was last sent per URI, to skip unchanged files. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Publishes the findings of one snapshot of a folder. */
  publish(folder: IsmsFolder, snapshot: Snapshot): { errors: number; warnings: number } {
    const byFile = new Map<string, Diagnostic[]>();
    for (const file of snapshot.fileNames()) byFile.set(file, []);
    let errors = 0;
    let warnings = 0;
    for (const diagnostic of snapshot.diagnostics()) {
      byFile.get(diagnostic.file)?.push(diagnostic);
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
    }
    const target = (file: string): DiagnosticTarget | undefined => {
      const parsed = snapshot.parsed(file);
      return parsed ? { lines: parsed.lines, uri: folder.uriOf(file) } : undefined;
    };
    const published = new Set<string>();
    for (const [file, diagnostics] of byFile) {
      const where = target(file)!;
      const lsp = diagnostics.map((d) => toLspDiagnostic(d, where, target));
      const key = JSON.stringify(lsp);
      published.add(where.uri);
      if (this.sent.get(where.uri) === key) continue;
      this.sent.set(where.uri, key);
      const version = this.documents.get(where.uri)?.version;
      void this.connection.sendDiagnostics({ uri: where.uri, diagnostics: lsp, ...(version !== undefined ? { version } : {}) });
    }
    // Files that left the folder: clear what was shown for them.
    for (const uri of [...this.sent.keys()]) {
      if (published.has(uri) || !inFolder(uri, folder)) continue;
      this.sent.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    return { errors, warnings };
  }

  clearFolder(folder: IsmsFolder): void {
    for (const uri of [...this.sent.keys()]) {
      if (!inFolder(uri, folder)) continue;
      this.sent.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}

function inFolder(uri: string, folder: IsmsFolder): boolean {
  // A stray file's one-file ISMS holds that file only, not its neighbours.
  if (folder.single !== undefined) return uri === folder.uriOf(folder.single);
  return uri.startsWith(folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`);
}
