/**
 * The file-system questions both hosts (the command line and the language
 * server) ask about the files a workspace names: where a workspace-relative
 * POSIX path is on disk (whether a document exists is asked of
 * `diskDocuments` in workspace-files.ts, which keeps to the workspace folder).
 */
import * as path from 'node:path';

/** The absolute path of a workspace-relative POSIX path below `root`. */
export function absolutePath(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}
