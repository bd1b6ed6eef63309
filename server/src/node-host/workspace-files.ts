/**
 * Finding and reading `.isms` files on disk: under a folder (the language
 * server's workspace folders), or for the PATHs of the command line together
 * with the folder they are named from (one folder given, that folder; else
 * the folder that holds them all).
 *
 * A hostile folder cannot make the walk leave it or cost more than its size
 * (issue 14): every entry's real path is resolved, and a file or folder whose
 * real path is outside the workspace folder is skipped and reported once; each
 * real folder and file is visited once (an alias folder is not read twice, a
 * symlink DAG costs its nodes, not its paths); the walk stops at
 * {@link MAX_DEPTH} levels and {@link MAX_ENTRIES} entries. Unreadable folders
 * below the workspace folder and link loops are skipped with a warning, never
 * fatal; a PATH that cannot be read is an {@link InputError}.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A PATH that cannot be read: the command line reports it in one line. */
export class InputError extends Error {}

export interface WorkspaceFiles {
  /** Absolute root folder. */
  readonly root: string;
  /** Absolute paths of the `.isms` files (as found below the root, not resolved), sorted. */
  readonly files: readonly string[];
  /** Problems met on the way that did not stop the search (unreadable folders, link loops, links out). */
  readonly warnings: readonly string[];
}

/** Folders never searched: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Folder levels searched below a workspace folder. */
export const MAX_DEPTH = 32;
/** Folder entries looked at in one search, all folders together. */
export const MAX_ENTRIES = 200_000;
/** Entries looked at between two turns of the event loop in an asynchronous walk. */
const YIELD_EVERY = 256;
const STOP = Symbol('stop');

export function findWorkspaceFiles(paths: readonly string[], cwd: string): WorkspaceFiles {
  const given = (paths.length > 0 ? paths : ['.']).map((name) => {
    const absolute = path.resolve(cwd, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot read '${name}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : describeError(error)}`);
    }
    if (!stat.isDirectory() && !stat.isFile()) throw new InputError(`cannot read '${name}': not a file or folder`);
    return { name, absolute, folder: stat.isDirectory() };
  });
  const root = commonFolder(given.map((entry) => (entry.folder ? entry.absolute : path.dirname(entry.absolute))));
  const walk = new Walk(root);
  for (const entry of given) {
    if (entry.folder) {
      // A folder named on the command line must be readable: say why not, rather than "no .isms files".
      try {
        fs.accessSync(entry.absolute, fs.constants.R_OK | fs.constants.X_OK);
      } catch (error) {
        throw new InputError(`cannot read '${entry.name}': ${describeError(error)}`);
      }
      walk.folder(entry.absolute, 0);
    } else {
      if (!isInside(realFolder(root), realFolder(entry.absolute))) throw new InputError(`cannot read '${entry.name}': a link to a file outside the workspace folder`);
      walk.file(entry.absolute);
    }
  }
  return { root, files: walk.sorted(), warnings: walk.warnings };
}

/** The `.isms` files below a folder, sorted (absolute paths); `root`: the workspace folder they must stay in (default: `folder`). */
export function collectIsmsFiles(folder: string, warnings: string[], root = folder): string[] {
  const walk = new Walk(root, warnings);
  walk.folder(folder, 0);
  return walk.sorted();
}

/**
 * {@link collectIsmsFiles} for the language server: the same bounded walk,
 * asynchronous (the event loop gets a turn every few hundred entries) and
 * cancellable.
 */
export async function collectIsmsFilesAsync(folder: string, warnings: string[], root = folder, cancelled: () => boolean = () => false): Promise<string[]> {
  const walk = new Walk(root, warnings);
  await walk.folderAsync(folder, 0, cancelled);
  return walk.sorted();
}

/** Whether `real` is `realRoot` or below it. */
export function isInside(realRoot: string, real: string): boolean {
  if (real === realRoot) return true;
  const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  return real.startsWith(prefix);
}

/** The real path of a folder, or the folder itself when it cannot be resolved. */
export function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

class Walk {
  private readonly realRoot: string;
  private readonly found = new Set<string>();
  /** Real paths of the folders searched, with the path they were first searched as. */
  private readonly folders = new Map<string, string>();
  /** Real paths of the files found. */
  private readonly realFiles = new Set<string>();
  private entries = 0;
  private stopped = false;

  constructor(
    root: string,
    readonly warnings: string[] = [],
  ) {
    this.realRoot = realFolder(root);
  }

  sorted(): string[] {
    return [...this.found].sort();
  }

  folder(folder: string, depth: number): void {
    const entries = this.enter(folder, depth);
    if (!entries) return;
    for (const entry of entries) {
      const sub = this.entry(folder, entry);
      if (sub === STOP) return;
      if (sub !== undefined) this.folder(sub, depth + 1);
    }
  }

  /**
   * The same walk, giving the event loop a turn every {@link YIELD_EVERY}
   * entries (the language server stays responsive while it reads a large
   * folder) and stopping when `cancelled()` says so.
   */
  async folderAsync(folder: string, depth: number, cancelled: () => boolean): Promise<void> {
    const entries = this.enter(folder, depth);
    if (!entries) return;
    for (const entry of entries) {
      if (this.entries % YIELD_EVERY === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) {
          this.stopped = true;
          return;
        }
      }
      const sub = this.entry(folder, entry);
      if (sub === STOP) return;
      if (sub !== undefined) await this.folderAsync(sub, depth + 1, cancelled);
    }
  }

  /** A folder's entries, or undefined when it is not to be searched (outside, seen before, too deep, unreadable). */
  private enter(folder: string, depth: number): fs.Dirent[] | undefined {
    if (this.stopped) return undefined;
    let real: string;
    try {
      real = fs.realpathSync(folder);
    } catch (error) {
      this.warnings.push(`skipped folder '${folder}': ${describeError(error)}`);
      return undefined;
    }
    if (!isInside(this.realRoot, real)) {
      this.warnings.push(`skipped '${folder}': a link to a folder outside the workspace folder (${real})`);
      return undefined;
    }
    const first = this.folders.get(real);
    if (first !== undefined) {
      const loop = isInside(real, realFolder(path.dirname(folder)));
      this.warnings.push(`skipped folder '${folder}': ${loop ? 'a link loop' : `the same folder as '${first}'`}`);
      return undefined;
    }
    this.folders.set(real, folder);
    if (depth > MAX_DEPTH) {
      this.warnings.push(`skipped folder '${folder}': more than ${MAX_DEPTH} levels deep`);
      return undefined;
    }
    try {
      return fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      this.warnings.push(`skipped folder '${folder}': ${describeError(error)}`);
      return undefined;
    }
  }

  /** Takes one entry of a folder: a file is taken in; returns a subfolder to search, or STOP at the bound. */
  private entry(folder: string, entry: fs.Dirent): string | typeof STOP | undefined {
    if (this.stopped) return STOP;
    if (++this.entries > MAX_ENTRIES) {
      this.stopped = true;
      this.warnings.push(`stopped searching after ${MAX_ENTRIES} entries: the files found so far are checked`);
      return STOP;
    }
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) return full;
    } else if (entry.isFile()) {
      if (entry.name.endsWith('.isms')) this.file(full);
    } else if (entry.isSymbolicLink()) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.warnings.push(`skipped '${full}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'a broken link' : describeError(error)}`);
        return undefined;
      }
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) return full;
      } else if (stat.isFile() && entry.name.endsWith('.isms')) {
        this.file(full);
      }
    }
    // Anything else (FIFOs, sockets, devices) is no .isms file.
    return undefined;
  }

  file(file: string): void {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch (error) {
      this.warnings.push(`skipped '${file}': ${describeError(error)}`);
      return;
    }
    if (!isInside(this.realRoot, real)) {
      this.warnings.push(`skipped '${file}': a link to a file outside the workspace folder (${real})`);
      return;
    }
    if (this.realFiles.has(real)) {
      this.warnings.push(`skipped '${file}': the same file as another one found`);
      return;
    }
    this.realFiles.add(real);
    this.found.add(file);
  }
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (common !== path.dirname(common) && !(folder === common || folder.startsWith(common + path.sep))) common = path.dirname(common);
  }
  return common;
}

/** A file's bytes and its text. `valid`: whether the bytes are UTF-8 (if not, the text has U+FFFD in their place). */
export interface ReadFile {
  readonly bytes: Buffer;
  readonly text: string;
  readonly valid: boolean;
}

/**
 * Reads a regular file without ever blocking on it (a FIFO or device put in
 * its place since discovery is refused: it is opened non-blocking and its type
 * checked on the open descriptor) and never outside `realRoot`, when given.
 * Throws Node's errors, or one with code `ENOTFILE` / `EOUTSIDE`.
 */
export function readWorkspaceFile(file: string, realRoot?: string): ReadFile {
  if (realRoot !== undefined && !isInside(realRoot, fs.realpathSync(file))) {
    throw Object.assign(new Error('a link to a file outside the workspace folder'), { code: 'EOUTSIDE' });
  }
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    const bytes = fs.readFileSync(fd);
    return { bytes, text: bytes.toString('utf8'), valid: isUtf8(bytes) };
  } finally {
    fs.closeSync(fd);
  }
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'a link loop';
  if (code === 'ENOTFILE') return 'not a regular file';
  if (code === 'EOUTSIDE') return 'a link to a file outside the workspace folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ECHANGED' || code === 'EBROKENLINK') return (error as Error).message;
  return error instanceof Error ? error.message : String(error);
}

/** The workspace-relative POSIX path of a file (the language service's file name). */
export function workspacePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * What the language service may ask of a workspace on disk: whether a
 * document exists, and whether it is a link out of the workspace folder
 * (then it does not count as existing).
 */
export function diskDocuments(root: string): { exists(file: string): boolean; resolvesOutside(file: string): boolean } {
  const realRoot = realFolder(root);
  const realOf = (file: string): string | undefined => {
    try {
      return fs.realpathSync(path.join(root, ...file.split('/')));
    } catch {
      return undefined;
    }
  };
  return {
    exists(file) {
      const real = realOf(file);
      if (real === undefined || !isInside(realRoot, real)) return false;
      try {
        return fs.statSync(real).isFile();
      } catch {
        return false;
      }
    },
    resolvesOutside(file) {
      const real = realOf(file);
      return real !== undefined && !isInside(realRoot, real);
    },
  };
}
