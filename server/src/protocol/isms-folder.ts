/**
 * One workspace folder, one ISMS: its language service, fed from disk and
 * from the editor. An open document's text is the truth for its file; on
 * close the file goes back to what is on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService, type LanguageService, type MappingPackText } from '../language-service';
import { absolutePath } from '../node-host/host-files';
import { collectIsmsFilesAsync, describeError, diskDocuments, workspacePath } from '../node-host/workspace-files';
import type { ServerSettings } from './settings';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export class IsmsFolder {
  readonly service: LanguageService;
  /** Files whose text comes from the editor. */
  private readonly open = new Set<string>();
  /** URIs as the client spelled them, for files it opened. */
  private readonly clientUris = new Map<string, string>();
  /** Whether paths (workspace-relative) exist on disk, for document-not-found. */
  private readonly existence = new Map<string, boolean>();
  /** Whether paths (workspace-relative) are links out of the folder, for document-outside-workspace. */
  private readonly outside = new Map<string, boolean>();
  /** The disk as the command line sees it: a link out of the folder is no existing document (issue 14). */
  private readonly disk: ReturnType<typeof diskDocuments>;
  private settings: ServerSettings;
  /** The mapping packs of the `mappings` setting's folder, as last read. */
  private packs: readonly MappingPackText[] = [];
  /** Set when the folder leaves the session: a walk under way stops. */
  private disposed = false;

  /**
   * `single`: the one file (workspace-relative) of a folder made for a file
   * outside every workspace folder: it is analysed alone, its folder is never
   * searched (issue 14 #4, as rust-analyzer does with a stray file).
   */
  constructor(
    readonly uri: string,
    readonly root: string,
    settings: ServerSettings,
    private readonly logger: Logger,
    readonly single?: string,
  ) {
    this.settings = settings;
    this.disk = diskDocuments(root);
    this.packs = this.readPacks();
    this.service = createLanguageService({ ...this.serviceOptions(settings) });
    this.logPackErrors();
  }

  private serviceOptions(settings: ServerSettings) {
    return {
      asOf: settings.asOf || undefined,
      severities: settings.severity,
      documents: { exists: (file: string) => this.exists(file), resolvesOutside: (file: string) => this.resolvesOutside(file) },
      mappings: this.packs,
    };
  }

  configure(settings: ServerSettings): void {
    this.settings = settings;
    this.packs = this.readPacks();
    this.service.configure(this.serviceOptions(settings));
    this.logPackErrors();
  }

  /** The `mappings` folder, workspace-relative (POSIX), or undefined without one. */
  private mappingsFolder(): string | undefined {
    const setting = this.settings.mappings;
    if (!setting) return undefined;
    return this.fileOf(path.resolve(this.root, setting));
  }

  /** Reads every `*.tsv` directly in the `mappings` folder (the language service parses them). */
  private readPacks(): MappingPackText[] {
    const folder = this.mappingsFolder();
    if (folder === undefined) return [];
    const absolute = path.resolve(this.root, this.settings.mappings);
    let names: string[];
    try {
      names = fs.readdirSync(absolute).filter((name) => name.toLowerCase().endsWith('.tsv')).sort();
    } catch (error) {
      this.logger.warn(`cannot read the mappings folder '${this.settings.mappings}': ${describeError(error)}`);
      return [];
    }
    const packs: MappingPackText[] = [];
    for (const name of names) {
      try {
        // Regular files only: reading a FIFO would block the server for good.
        if (!fs.statSync(path.join(absolute, name)).isFile()) continue;
        packs.push({ file: folder === '' ? name : `${folder}/${name}`, text: fs.readFileSync(path.join(absolute, name), 'utf8') });
      } catch (error) {
        this.logger.warn(`skipped mapping pack ${name}: ${describeError(error)}`);
      }
    }
    return packs;
  }

  private logPackErrors(): void {
    for (const error of this.service.frameworks().errors) {
      this.logger.warn(`${error.file}:${error.line}:${error.column}: malformed mapping pack: ${error.message}`);
    }
  }

  /** Reads every `.isms` file below the folder; reports progress as files are read. */
  async index(progress: (done: number, total: number) => void): Promise<void> {
    if (this.single !== undefined) {
      progress(0, 1);
      await this.loadFromDisk(this.single);
      progress(1, 1);
      return;
    }
    const warnings: string[] = [];
    const files = await collectIsmsFilesAsync(this.root, warnings, this.root, () => this.disposed);
    if (this.disposed) return;
    for (const warning of warnings) this.logger.warn(warning);
    let done = 0;
    progress(0, files.length);
    for (const file of files) {
      await this.loadFromDisk(workspacePath(this.root, file));
      progress(++done, files.length);
    }
  }

  /** The folder left the session: stop any walk under way. */
  dispose(): void {
    this.disposed = true;
  }

  contains(absolute: string): boolean {
    if (this.single !== undefined) return absolute === this.absolute(this.single);
    return absolute === this.root || absolute.startsWith(this.root + path.sep);
  }

  /** The service's name for an absolute path. */
  fileOf(absolute: string): string {
    return workspacePath(this.root, absolute);
  }

  absolute(file: string): string {
    return absolutePath(this.root, file);
  }

  uriOf(file: string): string {
    return this.clientUris.get(file) ?? pathToFileURL(this.absolute(file)).href;
  }

  openDocument(file: string, uri: string, text: string): void {
    this.open.add(file);
    this.clientUris.set(file, uri);
    this.service.setFile(file, text);
  }

  changeDocument(file: string, text: string): void {
    this.service.setFile(file, text);
  }

  async closeDocument(file: string): Promise<void> {
    this.open.delete(file);
    this.clientUris.delete(file);
    await this.loadFromDisk(file);
  }

  isOpen(file: string): boolean {
    return this.open.has(file);
  }

  /**
   * A file or folder changed, appeared or vanished on disk. Open documents
   * keep the editor's text. Editors announce a folder created, moved or
   * deleted by one event for the folder, not one per file.
   */
  async diskChanged(file: string): Promise<void> {
    this.existence.clear();
    this.outside.clear();
    this.service.invalidate();
    const mappings = this.mappingsFolder();
    if (mappings !== undefined && (file === mappings || file.startsWith(mappings === '' ? '' : `${mappings}/`)) && !file.endsWith('.isms')) {
      // A pack changed, appeared or vanished: read the packs again.
      this.configure(this.settings);
    }
    if (this.single !== undefined) {
      // A stray file's folder is not the ISMS's: only the file itself counts.
      if (file === this.single) await this.loadFromDisk(file);
      return;
    }
    const stat = await fs.promises.stat(this.absolute(file)).catch(() => undefined);
    if (stat?.isDirectory()) {
      await this.syncFolder(file);
    } else if (stat) {
      if (file.endsWith('.isms')) await this.loadFromDisk(file);
    } else {
      // Gone: a file (removed from the service by loadFromDisk) or a folder of files.
      if (this.service.hasFile(file)) await this.loadFromDisk(file);
      await this.syncFolder(file);
    }
  }

  /**
   * Brings the files under a folder in line with the disk. The search starts
   * at the workspace root, whose guard against link loops then also skips a
   * link to a folder already inside the workspace.
   */
  private async syncFolder(folder: string): Promise<void> {
    const prefix = `${folder}/`;
    const warnings: string[] = [];
    const present = new Set(
      (await collectIsmsFilesAsync(this.root, warnings, this.root, () => this.disposed))
        .map((absolute) => this.fileOf(absolute))
        .filter((name) => name.startsWith(prefix)),
    );
    if (this.disposed) return;
    for (const warning of warnings) this.logger.warn(warning);
    for (const name of present) await this.loadFromDisk(name);
    for (const name of this.service.fileNames()) {
      if (name.startsWith(prefix) && !present.has(name) && !this.open.has(name)) this.service.removeFile(name);
    }
  }

  /**
   * Re-reads files the editor does not have open (default: every one the
   * service knows) and takes in those whose text changed on disk since they
   * were read: edits are computed against the text the files have now, not
   * the one last announced by a watcher (issue 14 #7). Whether any changed.
   */
  async refreshFromDisk(files: Iterable<string> = this.service.fileNames()): Promise<boolean> {
    let changed = false;
    for (const file of files) {
      // Only the ISMS's own files: a fix that creates another file does not bring it into the service.
      if (this.open.has(file) || (!file.endsWith('.isms') && !this.service.hasFile(file))) continue;
      const before = this.service.text(file);
      let now: string | undefined;
      try {
        const absolute = this.absolute(file);
        if ((await fs.promises.stat(absolute)).isFile()) now = await fs.promises.readFile(absolute, 'utf8');
      } catch {
        now = undefined;
      }
      if (now === before || this.open.has(file)) continue;
      // Changed or gone: read it as a watcher's event would have (unchanged files are not touched, their analysis is kept).
      await this.loadFromDisk(file);
      changed = true;
    }
    return changed;
  }

  /**
   * Reads a file into the service, unless the editor has it open. Only
   * regular files are read: reading a FIFO would block a thread for good.
   */
  private async loadFromDisk(file: string): Promise<void> {
    if (this.open.has(file)) return;
    const absolute = this.absolute(file);
    try {
      const stat = await fs.promises.stat(absolute);
      if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
      const text = await fs.promises.readFile(absolute, 'utf8');
      // The document may have been opened while the disk was read: the editor's text wins.
      if (!this.open.has(file)) this.service.setFile(file, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.logger.warn(`skipped ${file}: ${describeError(error)}`);
      if (!this.open.has(file)) this.service.removeFile(file);
    }
  }

  private exists(file: string): boolean {
    let known = this.existence.get(file);
    if (known === undefined) {
      known = this.disk.exists(file);
      this.existence.set(file, known);
    }
    return known;
  }

  private resolvesOutside(file: string): boolean {
    let known = this.outside.get(file);
    if (known === undefined) {
      known = this.disk.resolvesOutside(file);
      this.outside.set(file, known);
    }
    return known;
  }
}
