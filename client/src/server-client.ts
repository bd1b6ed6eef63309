/**
 * Starts the ISMS language server (dist/server.js) over IPC, with debug
 * options for development, and passes the `isms` settings through.
 */
import * as path from 'node:path';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createServerClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'isms' }],
    synchronize: { configurationSection: 'isms' },
    outputChannel: output,
  };
  return new LanguageClient('isms', 'ISMS Language Server', serverOptions, clientOptions);
}
