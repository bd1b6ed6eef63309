/**
 * The common shape of the ISMS tree views: nodes built in one go from the
 * server's plain data, one group per workspace folder in a multi-root
 * workspace, rebuilt on refresh.
 */
import * as vscode from 'vscode';
import type { RevealTarget } from '../reveal';
import type { IconSpec } from './icons';

export interface TreeNode {
  readonly item: vscode.TreeItem;
  readonly children?: TreeNode[];
}

/** A folder the views show: its URI for the custom requests (absent: the server's first folder). */
export interface FolderTarget {
  readonly uri: string | undefined;
  readonly name: string;
}

export function themeIcon(icon: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

export function markdown(text: string): vscode.MarkdownString {
  return new vscode.MarkdownString(text);
}

/** The click that opens a place the server reported. */
export function revealCommand(location: RevealTarget): vscode.Command {
  return { command: 'isms.revealLocation', title: 'Reveal in Editor', arguments: [location] };
}

/** A leaf that says why a group is empty. */
export function noteNode(id: string, label: string): TreeNode {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon('info');
  item.contextValue = 'isms.note';
  return { item };
}

/** The one node of a view while the language server reads the workspace. */
export function loadingNode(): TreeNode {
  const item = new vscode.TreeItem('Reading the ISMS…', vscode.TreeItemCollapsibleState.None);
  item.id = 'loading';
  item.iconPath = new vscode.ThemeIcon('loading~spin');
  item.contextValue = 'isms.loading';
  return { item };
}

/** Hands out tree item ids, unique even when the ISMS declares an id twice. */
export class IdScope {
  private readonly taken = new Set<string>();
  constructor(readonly prefix: string) {}
  id(...parts: string[]): string {
    const base = [this.prefix, ...parts].join('/');
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}#${n}`;
    this.taken.add(id);
    return id;
  }
}

/**
 * Workspace folders holding at least one `.isms` file (a file-system query,
 * not parsing). Without workspace folders, the server's own folder (a `.isms`
 * file opened alone brings its folder in).
 */
export async function ismsFolders(): Promise<{ readonly targets: FolderTarget[]; readonly multiRoot: boolean }> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return { targets: [{ uri: undefined, name: '' }], multiRoot: false };
  const found = await Promise.all(
    folders.map(async (folder) => {
      try {
        return (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.isms'), '**/node_modules/**', 1)).length > 0;
      } catch {
        return true;
      }
    }),
  );
  return {
    targets: folders.filter((_, i) => found[i]).map((folder) => ({ uri: folder.uri.toString(), name: folder.name })),
    multiRoot: folders.length > 1,
  };
}

/** A loaded result of one folder. */
export interface FolderData<T> {
  readonly folder: FolderTarget;
  readonly data: T;
}

export abstract class IsmsTreeProvider<T> implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<TreeNode[]> | undefined;
  /** Until the server's first analysis: the view shows a loading node instead of asking the server. */
  private starting = true;
  private loaded: Promise<{ readonly multiRoot: boolean; readonly folders: FolderData<T>[] }> | undefined;

  /** The server's data of a folder, or null when it has none. */
  protected abstract fetch(uri: string | undefined): Promise<T | null>;
  /** The nodes of one folder's data; ids start with `ids.prefix`. */
  protected abstract nodes(data: T, ids: IdScope, folder: FolderTarget): TreeNode[];
  /** A short summary shown next to a folder's name in a multi-root workspace. */
  protected abstract summary(data: T): string;

  /** Whether the view still shows its loading state. */
  get loading(): boolean {
    return this.starting;
  }

  /** The server analysed the workspace: the view loads its data. */
  markReady(): void {
    if (!this.starting) return;
    this.starting = false;
    this.refresh();
  }

  /** Forgets the data; the view asks again when it is visible. */
  refresh(): void {
    this.roots = undefined;
    this.loaded = undefined;
    this.changed.fire(undefined);
  }

  /** Re-renders from the data already loaded (e.g. after a filter change). */
  rerender(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.item;
  }

  getChildren(node?: TreeNode): vscode.ProviderResult<TreeNode[]> {
    if (node) return node.children ?? [];
    if (this.starting) return [loadingNode()];
    return (this.roots ??= this.build());
  }

  /** The data of every folder shown, loading it if needed. */
  async data(): Promise<FolderData<T>[]> {
    return (await (this.loaded ??= this.load())).folders;
  }

  private async load(): Promise<{ readonly multiRoot: boolean; readonly folders: FolderData<T>[] }> {
    const { targets, multiRoot } = await ismsFolders();
    const results = await Promise.all(
      targets.map(async (folder) => {
        try {
          const data: T | null = await this.fetch(folder.uri);
          return { folder, data };
        } catch {
          // The server is starting, restarting or knows no such folder: nothing to show yet.
          return { folder, data: null as T | null };
        }
      }),
    );
    return { multiRoot, folders: results.flatMap(({ folder, data }) => (data === null || data === undefined ? [] : [{ folder, data }])) };
  }

  private async build(): Promise<TreeNode[]> {
    const { multiRoot, folders: loaded } = await (this.loaded ??= this.load());
    if (!multiRoot) return loaded.length > 0 ? this.nodes(loaded[0].data, new IdScope(''), loaded[0].folder) : [];
    return loaded.map(({ folder, data }) => {
      const prefix = `folder:${folder.uri ?? ''}`;
      const item = new vscode.TreeItem(folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = prefix;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = folder.uri ? vscode.Uri.parse(folder.uri) : undefined;
      item.description = this.summary(data);
      item.contextValue = 'isms.folder';
      return { item, children: this.nodes(data, new IdScope(prefix), folder) };
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
