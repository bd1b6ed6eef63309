/**
 * A scripted LSP client: starts the bundled server (dist/server.js --stdio)
 * as a child process and talks JSON-RPC to it, as any editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export const SERVER = path.join(process.cwd(), 'dist', 'server.js');

export function fileUri(absolute: string): string {
  return pathToFileURL(absolute).href;
}

export interface ClientOptions {
  /** The settings answered to workspace/configuration (section isms). */
  readonly settings?: unknown;
  readonly nodeArgs?: readonly string[];
  /** Client capabilities under `workspace.workspaceEdit` (default: none). */
  readonly workspaceEdit?: { documentChanges?: boolean; resourceOperations?: string[] };
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  private exitCode: number | null | undefined;
  settings: unknown;

  private constructor(readonly process: ChildProcess, options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    // `$/progress` does not reach the catch-all handler: jsonrpc routes it by token.
    this.connection.onUnhandledProgress((params: unknown) => this.notifications.push({ method: '$/progress', params }));
    this.connection.listen();
    process.on('exit', (code) => (this.exitCode = code));
  }

  static async start(folders: readonly string[], options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspClient(child, options);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...(options.workspaceEdit ? { workspaceEdit: options.workspaceEdit } : {}),
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  diagnostics(uri: string): Diagnostic[] | undefined {
    return this.latest.get(uri)?.diagnostics;
  }

  /** The next diagnostics for `uri` that pass `test` (or the current ones, if they already pass). */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri);
    if (current && test(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** The next diagnostics published for `uri` from now on. */
  nextDiagnostics(uri: string, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    this.latest.delete(uri);
    return this.waitForDiagnostics(uri, () => true, timeoutMs);
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'isms', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // The process may already be gone.
      }
    }
    this.connection.dispose();
    this.process.kill();
  }
}
