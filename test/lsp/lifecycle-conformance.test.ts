/**
 * Protocol conformance of the lifecycle (issue 14 #13), on raw JSON-RPC frames
 * over stdio: requests before `initialize` get -32002, a second `initialize`
 * and requests after `shutdown` get -32600, custom requests with bad params
 * get -32602 with a message (not `null`).
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER } from './lsp-client';

interface Reply {
  readonly id?: number;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
  readonly method?: string;
}

class RawClient {
  private buffer = Buffer.alloc(0);
  private readonly replies = new Map<number, (reply: Reply) => void>();
  readonly child: ChildProcess;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Reply;
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.id !== undefined && message.method === undefined) this.replies.get(message.id)?.(message);
      }
    });
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(id: number, method: string, params?: unknown): Promise<Reply> {
    const reply = new Promise<Reply>((resolve, reject) => {
      this.replies.set(id, resolve);
      setTimeout(() => reject(new Error(`no reply to ${method} (#${id})`)), 10_000);
    });
    this.send({ id, method, ...(params === undefined ? {} : { params }) });
    return reply;
  }

  stop(): void {
    this.child.kill();
  }
}

const INITIALIZE = { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null };

describe('language server: lifecycle conformance (issue 14 #13)', function () {
  this.timeout(30_000);
  let client: RawClient | undefined;
  afterEach(() => client?.stop());

  it('answers a request before initialize with -32002, then initializes', async () => {
    client = new RawClient();
    const early = await client.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///x.isms' }, position: { line: 0, character: 0 } });
    assert.equal(early.error?.code, -32002);
    assert.match(early.error!.message, /not initialized/);
    const initialized = await client.request(2, 'initialize', INITIALIZE);
    assert.ok(initialized.result, JSON.stringify(initialized));
  });

  it('refuses a second initialize with -32600', async () => {
    client = new RawClient();
    assert.ok((await client.request(1, 'initialize', INITIALIZE)).result);
    const again = await client.request(2, 'initialize', INITIALIZE);
    assert.equal(again.error?.code, -32600);
    assert.equal(again.error?.message, 'initialize may be sent only once');
  });

  it('answers requests after shutdown with -32600', async () => {
    client = new RawClient();
    assert.ok((await client.request(1, 'initialize', INITIALIZE)).result);
    client.send({ method: 'initialized', params: {} });
    const shutdown = await client.request(2, 'shutdown');
    assert.equal(shutdown.error, undefined);
    const late = await client.request(3, 'isms/soaTable', {});
    assert.equal(late.error?.code, -32600);
    assert.match(late.error!.message, /shut down/);
  });

  it('answers custom requests with bad params with -32602 and a message, not null', async () => {
    client = new RawClient();
    assert.ok((await client.request(1, 'initialize', INITIALIZE)).result);
    client.send({ method: 'initialized', params: {} });
    const badUri = await client.request(2, 'isms/soaTable', { uri: 42 });
    assert.deepEqual(badUri.error, { code: -32602, message: 'uri must be a string' });
    const notObject = await client.request(3, 'isms/riskRegister', ['soa']);
    assert.equal(notObject.error?.code, -32602);
    const badFormat = await client.request(4, 'isms/skeleton', { organization: 7 });
    assert.deepEqual(badFormat.error, { code: -32602, message: 'organization must be a string' });
  });

  it('exits (code 1) after a corrupt header instead of hanging on the stream', async () => {
    client = new RawClient();
    assert.ok((await client.request(1, 'initialize', INITIALIZE)).result);
    const exited = new Promise<number | null>((resolve) => client!.child.on('exit', (code) => resolve(code)));
    client.child.stdin!.write('Content-Type: garbage\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 5000))]);
    assert.equal(code, 1);
  });
});
