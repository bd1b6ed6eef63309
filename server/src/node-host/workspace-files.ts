/**
 * Finding `.isms` files on disk: under a folder (the language server's
 * workspace folders), or for the PATHs of the command line together with the
 * folder they are named from (one folder given, that folder; else the folder
 * that holds them all). Unreadable folders and link loops are skipped with a
 * warning, never fatal.
 */

/** A PATH that cannot be read: the command line reports it in one line. */
export class InputError extends Error {}
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WorkspaceFiles {
  /** Absolute root folder. */
  readonly root: string;
  /** Absolute paths of the `.isms` files, sorted. */
  readonly files: readonly string[];
  /** Problems met on the way that did not stop the search (unreadable folders, link loops). */
  readonly warnings: readonly string[];
}

/** Folders never searched: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function findWorkspaceFiles(paths: readonly string[], cwd: string): WorkspaceFiles {
  const files = new Set<string>();
  const warnings: string[] = [];
  const roots: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new InputError(`cannot read '${given}': no such file or folder`);
    }
    if (stat.isDirectory()) {
      roots.push(absolute);
      collect(absolute, files, warnings, new Set());
    } else if (stat.isFile()) {
      roots.push(path.dirname(absolute));
      files.add(absolute);
    } else {
      throw new InputError(`cannot read '${given}': not a file or folder`);
    }
  }
  return { root: commonFolder(roots), files: [...files].sort(), warnings };
}

/** The `.isms` files below a folder, sorted (absolute paths). */
export function collectIsmsFiles(folder: string, warnings: string[]): string[] {
  const files = new Set<string>();
  collect(folder, files, warnings, new Set());
  return [...files].sort();
}

function collect(folder: string, files: Set<string>, warnings: string[], visited: Set<string>): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(folder);
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    warnings.push(`skipped folder '${folder}': ${describeError(error)}`);
    return;
  }
  if (visited.has(real)) {
    warnings.push(`skipped folder '${folder}': a link loop`);
    return;
  }
  visited.add(real);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = fs.statSync(full);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        warnings.push(`skipped '${full}': a broken link`);
        continue;
      }
    }
    if (isDirectory) {
      if (!SKIPPED_FOLDERS.has(entry.name)) collect(full, files, warnings, visited);
    } else if (isFile && entry.name.endsWith('.isms')) {
      files.add(full);
    }
  }
  visited.delete(real);
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (common !== path.dirname(common) && !(folder === common || folder.startsWith(common + path.sep))) common = path.dirname(common);
  }
  return common;
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'a link loop';
  return error instanceof Error ? error.message : String(error);
}

/** The workspace-relative POSIX path of a file (the language service's file name). */
export function workspacePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
