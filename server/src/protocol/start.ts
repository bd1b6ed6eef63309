/** Starts the server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LifecycleGate } from './lifecycle-gate';
import { startServer } from './server';

export function start(): void {
  if (process.argv.includes('--stdio')) {
    // On stdio (what editors use), the lifecycle rules are enforced on every message (lifecycle-gate.ts).
    const writer = new StreamMessageWriter(process.stdout);
    const reader = new LifecycleGate(new StreamMessageReader(process.stdin), writer);
    // A header without a valid Content-Length leaves the stream unreadable (the reader would wait on it
    // forever): the server says so and exits, so that the client can restart it (issue 14 #13).
    reader.onError((error) => {
      if (!/Content-Length/.test(error.message)) return;
      process.stderr.write(`isms-language-server: corrupt message header, exiting: ${error.message.split('\n')[0]}\n`);
      process.exit(1);
    });
    startServer(createConnection(ProposedFeatures.all, reader, writer));
    return;
  }
  startServer(createConnection(ProposedFeatures.all));
}
