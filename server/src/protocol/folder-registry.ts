/**
 * The ISMS folders of a session (multi-root: one ISMS per workspace folder),
 * and which folder a URI belongs to. A file outside every workspace folder
 * is analysed alone (single-file mode): its folder is never searched, so a
 * stray `/stray.isms` does not make the server walk the file system (issue 14 #4).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IsmsFolder, type Logger } from './isms-folder';
import type { ServerSettings } from './settings';

export interface DocumentRef {
  readonly folder: IsmsFolder;
  readonly file: string;
}

export class FolderRegistry {
  private readonly folders: IsmsFolder[] = [];

  constructor(
    private settings: ServerSettings,
    private readonly logger: Logger,
    /** Called with each folder added, to index it. */
    private readonly onAdded: (folder: IsmsFolder) => void,
  ) {}

  all(): readonly IsmsFolder[] {
    return this.folders;
  }

  add(uri: string): IsmsFolder | undefined {
    const root = pathOf(uri);
    if (!root) return undefined;
    const existing = this.folders.find((f) => f.root === root && f.single === undefined);
    if (existing) return existing;
    const folder = new IsmsFolder(uri, root, this.settings, this.logger);
    // Stray files this folder holds (opened before it came, e.g. before `initialized` was handled) join it.
    for (const stray of this.folders.filter((f) => f.single !== undefined && folder.contains(f.absolute(f.single)))) {
      this.folders.splice(this.folders.indexOf(stray), 1);
      stray.dispose();
      const file = stray.single!;
      const text = stray.isOpen(file) ? stray.service.text(file) : undefined;
      if (text !== undefined) folder.openDocument(folder.fileOf(stray.absolute(file)), stray.uriOf(file), text);
    }
    this.folders.push(folder);
    // Longest roots first, so that nested folders win; the folders of stray files last.
    this.folders.sort((a, b) => Number(a.single !== undefined) - Number(b.single !== undefined) || b.root.length - a.root.length);
    this.onAdded(folder);
    return folder;
  }

  remove(uri: string): IsmsFolder | undefined {
    const root = pathOf(uri);
    const index = this.folders.findIndex((f) => f.root === root && f.single === undefined);
    if (index < 0) return undefined;
    const [folder] = this.folders.splice(index, 1);
    folder.dispose();
    return folder;
  }

  /** The folder and file name of a document URI; `create` adds the file's own folder when no folder holds it. */
  resolve(uri: string, create = false): DocumentRef | undefined {
    const absolute = pathOf(uri);
    if (!absolute) return undefined;
    let folder = this.folders.find((f) => f.contains(absolute));
    if (!folder && create) folder = this.addSingle(absolute);
    return folder ? { folder, file: folder.fileOf(absolute) } : undefined;
  }

  /** A folder for one file outside every workspace folder: the file alone is its ISMS. */
  private addSingle(absolute: string): IsmsFolder {
    const root = path.dirname(absolute);
    const folder = new IsmsFolder(pathToFileURL(root).href, root, this.settings, this.logger, path.basename(absolute));
    // After the workspace folders: a folder added later that holds the file wins.
    this.folders.push(folder);
    this.onAdded(folder);
    return folder;
  }

  /** Drops the folder of a stray file once the editor closes it; returns it (for its diagnostics to be cleared). */
  removeSingle(folder: IsmsFolder): boolean {
    const index = this.folders.indexOf(folder);
    if (folder.single === undefined || index < 0) return false;
    this.folders.splice(index, 1);
    folder.dispose();
    return true;
  }

  /** The folder a custom request names (a folder or file URI), else the first. */
  folderFor(uri: string | undefined): IsmsFolder | undefined {
    if (!uri) return this.folders.filter((f) => f.single === undefined).at(-1) ?? this.folders.at(-1);
    const absolute = pathOf(uri);
    return absolute ? this.folders.find((f) => f.contains(absolute)) : undefined;
  }

  configure(settings: ServerSettings): void {
    this.settings = settings;
    for (const folder of this.folders) folder.configure(settings);
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
