/** Starts the server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

export function start(): void {
  startServer(createConnection(ProposedFeatures.all));
}
