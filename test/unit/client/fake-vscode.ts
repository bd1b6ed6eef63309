/**
 * A stand-in for the `vscode` module and the language client, for unit tests
 * of the extension's wiring outside VS Code: every API is a permissive stub
 * (any property, any call, any `new`), and the calls that matter are logged.
 */
import Module from 'node:module';

export interface FakeHost {
  /** `createTreeView:isms.clauses`, `client.start`, … in call order. */
  readonly log: string[];
  /** Resolves `client.start()`. */
  startClient(): void;
  /** Undoes the module hook. */
  restore(): void;
}

/** Answers of chosen API calls, by path (`vscode.window.showOpenDialog`), and of server requests (`client.sendRequest:isms/skeleton`). */
const overrides = new Map<string, (...args: unknown[]) => unknown>();

export function answer(path: string, handler: (...args: unknown[]) => unknown): void {
  overrides.set(path, handler);
}

/** The handlers of the commands the extension registered, by id. */
export const commands = new Map<string, (...args: unknown[]) => unknown>();

function stub(path: string, log: string[]): unknown {
  const target = function () {} as unknown as object;
  const stored = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(_t, key) {
      if (stored.has(key)) return stored.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => path;
      if (typeof key === 'symbol') return undefined;
      return stub(`${path}.${key}`, log);
    },
    set(_t, key, value) {
      stored.set(key, value);
      return true;
    },
    apply(_t, _this, args) {
      const override = overrides.get(path);
      if (override) {
        log.push(`${path.replace(/^vscode\./, '')}`);
        return override(...args);
      }
      if (path === 'vscode.commands.registerCommand') commands.set(String(args[0]), args[1] as (...a: unknown[]) => unknown);
      if (path === 'vscode.commands.executeCommand') log.push(`executeCommand:${args.map((a) => JSON.stringify(a)).join(',')}`);
      if (path === 'vscode.window.createTreeView') log.push(`createTreeView:${String(args[0])}`);
      if (path === 'vscode.languages.createLanguageStatusItem') log.push(`createLanguageStatusItem:${String(args[0])}`);
      if (path === 'vscode.commands.registerCommand') log.push(`registerCommand:${String(args[0])}`);
      if (path === 'vscode.workspace.findFiles') return Promise.resolve([]);
      if (path === 'vscode.commands.executeCommand') return Promise.resolve(undefined);
      return stub(`${path}()`, log);
    },
    construct(_t, args) {
      const made = stub(`new ${path}`, log) as { label?: unknown };
      made.label = args[0];
      return made;
    },
  });
}

/** One log and one `vscode` for the process: modules loaded once keep the `vscode` they got. */
const log: string[] = [];
const vscodeStub = stub('vscode', log);
let release!: () => void;
let started = Promise.resolve();

export function installFakeVscode(): FakeHost {
  log.length = 0;
  overrides.clear();
  started = new Promise<void>((resolve) => (release = resolve));
  class FakeLanguageClient {
    start(): Promise<void> {
      log.push('client.start');
      return started.then(() => void log.push('client.started'));
    }
    onNotification(): { dispose(): void } {
      return { dispose() {} };
    }
    /** `null`, unless a test answers the method (`answer('client.sendRequest:isms/skeleton', …)`). */
    sendRequest(method: string, params: unknown): Promise<unknown> {
      log.push('client.sendRequest');
      const handler = overrides.get(`client.sendRequest:${method}`);
      return Promise.resolve(handler ? handler(params) : null);
    }
    stop(): Promise<void> {
      return Promise.resolve();
    }
  }
  const fakes: Record<string, unknown> = {
    vscode: vscodeStub,
    'vscode-languageclient/node': { LanguageClient: FakeLanguageClient, TransportKind: { ipc: 1 } },
  };
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request in fakes) return fakes[request];
    return original.call(this, request, parent, isMain);
  };
  return { log, startClient: () => release(), restore: () => void (loader._load = original) };
}

