/**
 * The file-system questions both hosts (the command line and the language
 * server) ask about the files a workspace names: where a workspace-relative
 * POSIX path is on disk, and whether a file is there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The absolute path of a workspace-relative POSIX path below `root`. */
export function absolutePath(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}

/** Whether a workspace-relative path names a file (not a folder) on disk. */
export function fileExists(root: string, file: string): boolean {
  try {
    return fs.statSync(absolutePath(root, file)).isFile();
  } catch {
    return false;
  }
}
