/**
 * The lifecycle rules of LSP 3.17 that the connection library leaves to the
 * server (issue 14 #13), enforced on the messages as they arrive, before any
 * handler sees them:
 * - a request before `initialize` gets -32002 (ServerNotInitialized), and a
 *   notification then is dropped (except `exit`);
 * - a second `initialize` gets -32600 (InvalidRequest);
 * - after `shutdown`, a request gets -32600 and a notification other than
 *   `exit` is dropped.
 */
import type { Disposable, Event, Message, MessageReader, MessageWriter, PartialMessageInfo, DataCallback } from 'vscode-languageserver/node';

export const SERVER_NOT_INITIALIZED = -32002;
export const INVALID_REQUEST = -32600;

interface RawMessage {
  readonly id?: number | string | null;
  readonly method?: string;
}

export class LifecycleGate implements MessageReader {
  private state: 'new' | 'running' | 'shut-down' = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError(): Event<Error> {
    return this.inner.onError;
  }
  get onClose(): Event<void> {
    return this.inner.onClose;
  }
  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message: Message) => {
      if (this.admit(message as RawMessage)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** Whether the message goes on to the connection; a refused request is answered here. */
  private admit(message: RawMessage): boolean {
    const { method, id } = message;
    if (method === undefined) return true; // a response to a request of the server
    const isRequest = id !== undefined && id !== null;
    if (!isRequest) return method === 'exit' || this.state === 'running';
    if (method === 'initialize') {
      if (this.state === 'new') {
        this.state = 'running';
        return true;
      }
      return this.refuse(id, INVALID_REQUEST, 'initialize may be sent only once');
    }
    if (this.state === 'new') return this.refuse(id, SERVER_NOT_INITIALIZED, `the server is not initialized: send initialize before ${method}`);
    if (this.state === 'shut-down') return this.refuse(id, INVALID_REQUEST, `the server is shut down: ${method} is refused (send exit)`);
    if (method === 'shutdown') this.state = 'shut-down';
    return true;
  }

  private refuse(id: number | string, code: number, message: string): false {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message);
    return false;
  }
}
