// A scripted LSP client for the benchmarks: one language server in a child
// process, spoken to over its stdio with vscode-languageserver-protocol, with
// every wait bounded by a timeout.
//
// It answers what servers ask of a client: `workspace/configuration` (from the
// settings given, one value per section), `client/registerCapability`,
// `client/unregisterCapability` and `window/workDoneProgress/create` (null),
// `workspace/workspaceFolders` (the folders given) and anything else (null).
// It records, with the time they arrived, every `textDocument/publishDiagnostics`
// and every other notification, so that callers can wait for one.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import protocol from 'vscode-languageserver-protocol/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource, ErrorCodes } = protocol;

export class TimeoutError extends Error {}

/** The clock of every figure: milliseconds from an arbitrary origin. */
export const now = () => performance.now();

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Reads a process's peak and current resident set size (MB) and CPU time (ms) from /proc; undefined fields when unavailable. */
export function processFigures(pid) {
  const figures = { peakRssMb: undefined, rssMb: undefined, cpuMs: undefined };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    };
    figures.peakRssMb = kb('VmHWM');
    figures.rssMb = kb('VmRSS');
  } catch {
    // not Linux, or the process is gone
  }
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th fields.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    figures.cpuMs = ((Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS) * 1000;
  } catch {
    // idem
  }
  return figures;
}

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true, labelDetailsSupport: true },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  window: { workDoneProgress: true, showMessage: {} },
  general: { positionEncodings: ['utf-16'] },
};

/**
 * One server process and the connection to it.
 */
export class LspSession {
  /**
   * Spawns the server and connects to it (does not initialize).
   * @param {{ name: string, command: string, args: string[], cwd: string, settings: Record<string, unknown>, folders: { uri: string, name: string }[], timeoutMs: number }} options
   */
  constructor(options) {
    this.options = options;
    this.name = options.name;
    this.timeoutMs = options.timeoutMs;
    this.diagnostics = []; // { at, uri, version, count }
    this.notifications = []; // { at, method, params } (not diagnostics)
    this.waiters = new Set();
    this.stderr = '';
    this.logs = [];
    this.exited = undefined;
    this.spawnedAt = now();
    this.process = spawn(options.command, options.args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.process.pid;
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-8000);
    });
    this.process.on('error', (error) => this.died(`cannot start: ${error.message}`));
    this.process.on('exit', (code, signal) => this.died(`exited (${signal ?? `code ${code}`})`));
    // A server that dies makes writes fail with EPIPE: reported through `died`, never thrown.
    this.process.stdin.on('error', () => {});

    const connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection = connection;
    connection.onRequest('workspace/configuration', (params) => params.items.map((item) => options.settings[item.section ?? ''] ?? null));
    connection.onRequest('workspace/workspaceFolders', () => options.folders);
    connection.onRequest((method) => {
      // client/registerCapability, client/unregisterCapability, window/workDoneProgress/create,
      // window/showMessageRequest, and whatever else a server asks: null.
      void method;
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const event = { at: now(), uri: params.uri, version: params.version, count: params.diagnostics.length, diagnostics: params.diagnostics };
      this.diagnostics.push(event);
      this.dispatch({ kind: 'diagnostics', ...event });
    });
    connection.onNotification((method, params) => {
      if (method === 'window/logMessage' || method === 'window/showMessage') {
        this.logs.push(`${method}: ${params?.message}`);
        if (this.logs.length > 50) this.logs.shift();
      }
      const event = { at: now(), method, params };
      if (method !== '$/progress' && method !== 'window/logMessage' && method !== 'telemetry/event') this.notifications.push(event);
      this.dispatch({ kind: 'notification', ...event });
    });
    connection.onError(() => {});
    connection.onClose(() => this.died('closed the connection'));
    connection.listen();
  }

  /** Server output that helps explain a failure. */
  tail() {
    const parts = [];
    if (this.logs.length) parts.push(`last log messages:\n  ${this.logs.slice(-8).join('\n  ')}`);
    if (this.stderr.trim()) parts.push(`stderr (tail):\n${this.stderr.trim().split('\n').slice(-20).join('\n')}`);
    return parts.join('\n');
  }

  died(reason) {
    if (this.exited) return;
    this.exited = { at: now(), reason };
    for (const waiter of [...this.waiters]) waiter.fail(new Error(`${this.name} server ${reason} while waiting for ${waiter.label}${this.stopping ? '' : `\n${this.tail()}`}`));
  }

  dispatch(event) {
    for (const waiter of [...this.waiters]) {
      if (waiter.match(event)) waiter.done(event);
    }
  }

  /**
   * Resolves with the first event (diagnostics or notification) that `match`
   * accepts from now on; rejects after `timeoutMs` or when the server dies.
   * Register it before sending what provokes the event.
   */
  expect(match, label, timeoutMs = this.timeoutMs) {
    let waiter;
    const promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiter.fail(new TimeoutError(`${this.name}: no ${label} within ${timeoutMs} ms`)), timeoutMs);
      waiter = {
        label,
        match,
        done: (event) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event);
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
      if (this.exited) waiter.fail(new Error(`${this.name} server ${this.exited.reason} before ${label}`));
    });
    return promise;
  }

  /** Waits until no event has arrived for `quietMs` (at most `maxMs`). */
  async settle(quietMs, maxMs = this.timeoutMs) {
    const start = now();
    let last = Math.max(this.lastEventAt(), start);
    while (now() - last < quietMs && now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, Math.max(5, quietMs - (now() - last))));
      last = Math.max(this.lastEventAt(), start);
    }
  }

  lastEventAt() {
    const d = this.diagnostics.at(-1)?.at ?? 0;
    const n = this.notifications.at(-1)?.at ?? 0;
    return Math.max(d, n);
  }

  /**
   * Sends a request; resolves with { ms, result } or { ms, error } (an LSP
   * error answer); rejects on timeout (after cancelling) or when the server dies.
   */
  async request(method, params, timeoutMs = this.timeoutMs) {
    if (this.exited) throw new Error(`${this.name} server ${this.exited.reason} before ${method}`);
    const source = new CancellationTokenSource();
    const start = now();
    let timer;
    let onDeath;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        source.cancel();
        reject(new TimeoutError(`${this.name}: no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const death = new Promise((_, reject) => {
      onDeath = { label: `the answer to ${method}`, match: () => false, done: () => {}, fail: reject };
      this.waiters.add(onDeath);
    });
    try {
      const answer = this.connection.sendRequest(method, params, source.token).then(
        (result) => ({ ms: now() - start, result }),
        (error) => ({ ms: now() - start, error: { code: error?.code, message: error?.message ?? String(error) } }),
      );
      return await Promise.race([answer, timeout, death]);
    } finally {
      clearTimeout(timer);
      this.waiters.delete(onDeath);
      source.dispose();
    }
  }

  /** initialize + initialized; returns the server's capabilities and the time of the answer. */
  async initialize(rootUri) {
    const answer = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'isms-bench', version: '1' },
      locale: 'en',
      rootUri,
      capabilities: CLIENT_CAPABILITIES,
      workspaceFolders: this.options.folders,
      initializationOptions: this.options.initializationOptions,
    });
    if (answer.error) throw new Error(`${this.name}: initialize failed: ${answer.error.message}`);
    this.capabilities = answer.result?.capabilities ?? {};
    this.initializedAt = now();
    this.notify('initialized', {});
    return answer;
  }

  /** Sends didOpen; returns the time it was handed to the pipe. */
  open(uri, languageId, version, text) {
    const at = now();
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return at;
  }

  /** Sends an incremental didChange of one range; returns the time it was handed to the pipe. */
  change(uri, version, range, text) {
    const at = now();
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return at;
  }

  /** Sends a notification; a failed write (the server died) shows as the server's death, not as a rejection. */
  notify(method, params) {
    this.connection.sendNotification(method, params).catch(() => {});
  }

  figures() {
    return processFigures(this.pid);
  }

  /** shutdown + exit, then a kill of this process (by its pid) if it is still there. */
  async stop() {
    this.stopping = true;
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 5000);
        this.notify('exit');
      } catch {
        // timed out or died: killed below
      }
      const gone = new Promise((resolve) => {
        if (this.exited) resolve();
        else this.process.once('exit', resolve);
      });
      const timer = setTimeout(() => {
        if (!this.exited) this.process.kill('SIGKILL');
      }, 3000);
      await gone;
      clearTimeout(timer);
    }
    this.connection.dispose();
  }
}

/** Whether an LSP error answer means that the server has no handler for the method. */
export function notImplemented(error) {
  return error?.code === ErrorCodes.MethodNotFound;
}
