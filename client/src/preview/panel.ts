/**
 * The SoA preview panel (view type `isms.soaPreview`): one webview showing
 * the SoA summary, the SoA table and the inherent and residual heat maps of
 * one workspace folder, fed by the server's `isms/soaTable` and
 * `isms/riskRegister` and refreshed on `isms/analysisChanged`.
 *
 * The host never parses `.isms` text and never puts data into the HTML:
 * data goes with `postMessage` as an `update` carrying a growing `version`.
 * The webview asks for reveals and exports with messages; a reveal is run
 * only for a location the host itself sent.
 */
import * as vscode from 'vscode';
import type { AnalysisChangedParams, IsmsRequests } from '../server-requests';
import { renderPreviewHtml } from './html';
import {
  SOA_PREVIEW_VIEW_TYPE,
  locationKey,
  parseWebviewMessage,
  type ExportFormat,
  type HostMessage,
  type PlainLocation,
  type UpdateMessage,
  type WebviewMessage,
} from './messages';

/** The folder a preview shows: any URI the server accepts (a folder, or a file in it) and a name for the title. */
export interface PreviewTarget {
  readonly uri: string;
  readonly name: string;
}

/** Where the panel goes when opened. */
export interface PreviewPlacement {
  readonly viewColumn: vscode.ViewColumn;
  readonly preserveFocus: boolean;
}

/** The webview options: scripts on, resources only from `dist` and `media`, no command links, no forms. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The HTML shell for a webview of this extension (a fresh nonce each time). */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return renderPreviewHtml(webview, {
    script: vscode.Uri.joinPath(extensionUri, 'dist', 'preview.js'),
    style: vscode.Uri.joinPath(extensionUri, 'media', 'preview', 'preview.css'),
  });
}

function sameUri(a: string, b: string): boolean {
  try {
    return vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();
  } catch {
    return a === b;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SoaPreviewPanel implements vscode.Disposable {
  /** The open preview, if any (one panel; opening for another folder retargets it). */
  static current: SoaPreviewPanel | undefined;
  static readonly viewType = SOA_PREVIEW_VIEW_TYPE;

  /** The version of the last `update` the webview accepted (0: none yet). */
  lastPostedVersion = 0;
  /** The version the webview reported rendered (0: none yet). */
  lastRenderedVersion = 0;

  private readonly readyEmitter = new vscode.EventEmitter<void>();
  /** Fires each time the webview script (re)loads and says it is ready. */
  readonly onDidReceiveReady = this.readyEmitter.event;
  /** Resolves when the webview first said it is ready. */
  readonly ready: Promise<void>;
  private readonly renderEmitter = new vscode.EventEmitter<number>();
  /** Fires with the version of each update the webview rendered. */
  readonly onDidRender = this.renderEmitter.event;

  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private webviewReady = false;
  private version = 0;
  private latest: UpdateMessage | undefined;
  private knownLocations = new Set<string>();
  /** The folder URI as the server spells it (from its answers), to match notifications. */
  private serverFolderUri: string | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private stale = true;

  static createOrShow(context: vscode.ExtensionContext, requests: IsmsRequests, target: PreviewTarget, placement: PreviewPlacement): SoaPreviewPanel {
    const existing = SoaPreviewPanel.current;
    if (existing) {
      existing.panel.reveal(placement.viewColumn, placement.preserveFocus);
      existing.setTarget(target);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      SOA_PREVIEW_VIEW_TYPE,
      SoaPreviewPanel.title(target),
      { viewColumn: placement.viewColumn, preserveFocus: placement.preserveFocus },
      previewWebviewOptions(context.extensionUri),
    );
    return new SoaPreviewPanel(panel, context.extensionUri, requests, target);
  }

  /** Restores a panel after a reload (from the serializer), for the folder its state names. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, requests: IsmsRequests, target: PreviewTarget): SoaPreviewPanel {
    SoaPreviewPanel.current?.dispose();
    panel.webview.options = previewWebviewOptions(context.extensionUri);
    panel.title = SoaPreviewPanel.title(target);
    return new SoaPreviewPanel(panel, context.extensionUri, requests, target);
  }

  private static title(target: PreviewTarget): string {
    return `SoA Preview: ${target.name}`;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly requests: IsmsRequests,
    private shown: PreviewTarget,
  ) {
    SoaPreviewPanel.current = this;
    let resolveReady!: () => void;
    this.ready = new Promise<void>((resolve) => (resolveReady = resolve));
    this.disposables.push(
      this.readyEmitter,
      this.renderEmitter,
      this.readyEmitter.event(() => resolveReady()),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden webview is destroyed (no retainContextWhenHidden): it says `ready` again when shown.
        if (!webviewPanel.visible) this.webviewReady = false;
        else if (this.stale && this.webviewReady) void this.refresh();
      }),
    );
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    void this.refresh();
  }

  /** The URI the preview asks the server about. */
  get folderUri(): string {
    return this.shown.uri;
  }

  /** The folder shown, with its name. */
  get target(): PreviewTarget {
    return this.shown;
  }

  /** Resolves once the webview rendered `version` (default: the latest posted). */
  whenRendered(version = this.lastPostedVersion): Promise<number> {
    if (this.lastRenderedVersion >= version && version > 0) return Promise.resolve(this.lastRenderedVersion);
    return new Promise((resolve) => {
      const listener = this.onDidRender((rendered) => {
        if (rendered >= version) {
          listener.dispose();
          resolve(rendered);
        }
      });
    });
  }

  /** Called for every analysis notification; refreshes when it is about this folder. */
  analysisChanged(params: AnalysisChangedParams): void {
    if (this.serverFolderUri !== undefined && !sameUri(params.folderUri, this.serverFolderUri)) return;
    if (this.panel.visible) void this.refresh();
    else this.stale = true;
  }

  /** Fetches the SoA and the risk register again and posts them (coalescing bursts). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.fetchAndPost();
      } while (this.refreshAgain && !this.disposed);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private setTarget(target: PreviewTarget): void {
    if (sameUri(target.uri, this.shown.uri)) return;
    this.shown = target;
    this.serverFolderUri = undefined;
    this.panel.title = SoaPreviewPanel.title(target);
    void this.refresh();
  }

  private async fetchAndPost(): Promise<void> {
    const target = this.shown;
    this.stale = false;
    let message: HostMessage;
    try {
      const [soa, risks, frameworks] = await Promise.all([
        this.requests.soaTable(target.uri),
        this.requests.riskRegister(target.uri),
        // Coverage is an extra: a server without it leaves the section out.
        this.requests.frameworks(target.uri).catch(() => null),
      ]);
      if (this.disposed) return;
      if (target !== this.shown) {
        this.refreshAgain = true;
        return;
      }
      this.serverFolderUri = soa?.folderUri ?? risks?.folderUri ?? this.serverFolderUri;
      const update: UpdateMessage = { type: 'update', version: ++this.version, folderUri: target.uri, folderName: target.name, soa, risks, frameworks };
      this.latest = update;
      this.knownLocations = new Set(
        [
          ...(soa?.rows ?? []).map((row) => row.location),
          ...(risks?.risks ?? []).map((risk) => risk.location),
          ...(frameworks?.frameworks ?? []).flatMap((f) => Object.values(f.targets).map((t) => t.location)),
        ]
          .filter((location): location is PlainLocation => location !== undefined)
          .map(locationKey),
      );
      message = update;
    } catch (error) {
      if (this.disposed) return;
      message = { type: 'error', version: ++this.version, message: `Could not get the SoA from the language server: ${errorText(error)}` };
    }
    await this.post(message);
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed || !this.webviewReady) return;
    const delivered = await this.panel.webview.postMessage(message);
    if (delivered && message.type === 'update') this.lastPostedVersion = Math.max(this.lastPostedVersion, message.version);
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    void this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.readyEmitter.fire();
        if (this.latest) await this.post(this.latest);
        // A fetch in flight posts its result now that the webview listens.
        if (!this.refreshing && (this.stale || !this.latest)) await this.refresh();
        return;
      case 'rendered':
        this.lastRenderedVersion = Math.max(this.lastRenderedVersion, message.version);
        this.renderEmitter.fire(message.version);
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'reveal':
        if (!this.knownLocations.has(locationKey(message.location))) return;
        await vscode.commands.executeCommand('isms.revealLocation', message.location);
        return;
      case 'export':
        await this.export(message.format, message.requestId);
        return;
    }
  }

  private async export(format: ExportFormat, requestId: number): Promise<void> {
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isms.export', { format, folderUri: this.shown.uri });
      await this.post({
        type: 'exportResult',
        requestId,
        outcome: written ? 'written' : 'cancelled',
        message: written ? `Exported to ${written.fsPath || written.toString()}` : 'Export cancelled.',
      });
    } catch (error) {
      await this.post({ type: 'exportResult', requestId, outcome: 'failed', message: `Export failed: ${errorText(error)}` });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SoaPreviewPanel.current === this) SoaPreviewPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
