/**
 * The ISMS folders of a session (multi-root: one ISMS per workspace folder),
 * and which folder a URI belongs to. A file outside every workspace folder
 * brings in its own folder (the `.isms` files beside it form its ISMS).
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
    const existing = this.folders.find((f) => f.root === root);
    if (existing) return existing;
    const folder = new IsmsFolder(uri, root, this.settings, this.logger);
    this.folders.push(folder);
    // Longest roots first, so that nested folders win.
    this.folders.sort((a, b) => b.root.length - a.root.length);
    this.onAdded(folder);
    return folder;
  }

  remove(uri: string): IsmsFolder | undefined {
    const root = pathOf(uri);
    const index = this.folders.findIndex((f) => f.root === root);
    return index >= 0 ? this.folders.splice(index, 1)[0] : undefined;
  }

  /** The folder and file name of a document URI; `create` adds the file's own folder when no folder holds it. */
  resolve(uri: string, create = false): DocumentRef | undefined {
    const absolute = pathOf(uri);
    if (!absolute) return undefined;
    let folder = this.folders.find((f) => f.contains(absolute));
    if (!folder && create) folder = this.add(pathToFileURL(path.dirname(absolute)).href);
    return folder ? { folder, file: folder.fileOf(absolute) } : undefined;
  }

  /** The folder a custom request names (a folder or file URI), else the first. */
  folderFor(uri: string | undefined): IsmsFolder | undefined {
    if (!uri) return this.folders[this.folders.length - 1];
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
