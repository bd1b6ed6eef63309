/** Starts the server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LifecycleGate } from './lifecycle-gate';
import { startServer } from './server';

export function start(): void {
  if (process.argv.includes('--stdio')) {
    // On stdio (what editors use), the lifecycle rules are enforced on every message (lifecycle-gate.ts).
    const writer = new StreamMessageWriter(process.stdout);
    const reader = new LifecycleGate(new StreamMessageReader(process.stdin), writer);
    startServer(createConnection(ProposedFeatures.all, reader, writer));
    return;
  }
  startServer(createConnection(ProposedFeatures.all));
}
