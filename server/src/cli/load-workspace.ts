/** Reads the files of a workspace into a language service (the CLI is the host: it does the I/O). */
import * as path from 'node:path';
import { createLanguageService, type LanguageService, type LanguageServiceOptions } from '../language-service';
import { absolutePath } from '../node-host/host-files';
import { UsageError } from './usage-error';
import { describeError, diskDocuments, findWorkspaceFiles, readWorkspaceFile, realFolder, workspacePath, type WorkspaceFiles } from '../node-host/workspace-files';

export interface LoadedWorkspace extends WorkspaceFiles {
  readonly service: LanguageService;
  /** The absolute path of a file named by the service. */
  absolute(file: string): string;
}

export function loadWorkspace(paths: readonly string[], cwd: string, options: LanguageServiceOptions = {}): LoadedWorkspace {
  const found = findWorkspaceFiles(paths, cwd);
  if (found.files.length === 0) throw new UsageError(`no .isms files in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`);
  const root = found.root;
  const service = createLanguageService({
    ...options,
    oneShot: true,
    documents: diskDocuments(root),
  });
  const realRoot = realFolder(root);
  for (const file of found.files) {
    let text: string;
    try {
      // Not valid UTF-8: the text has U+FFFD in place of the bytes, which the analysis reports (invalid-encoding).
      text = readWorkspaceFile(file, realRoot).text;
    } catch (error) {
      throw new UsageError(`cannot read '${path.relative(cwd, file) || file}': ${describeError(error)}`);
    }
    service.setFile(workspacePath(root, file), text);
  }
  return { ...found, service, absolute: (file) => absolutePath(root, file) };
}
