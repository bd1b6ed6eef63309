/**
 * The edit storm: the real server (dist/server.js --stdio) on copies of
 * example folders (one workspace folder each, multi-root), driven with
 * thousands of random incremental didChange notifications (seeded), requests
 * of every kind in between (some awaited and their edits applied: quick
 * fixes, renames, formatting), documents closed and opened, and files
 * created, changed and deleted on disk with workspace/didChangeWatchedFiles
 * (including a folder that links to itself, links in a loop, a folder named
 * `x.isms`, a file with mode 000).
 *
 * It checks that every request is answered (a result or an error, within a
 * timeout), that the server never exits and logs no handler failure, and at
 * checkpoints and at the end that the diagnostics the server last published
 * for every file equal those of a fresh in-process analysis of the same texts.
 * It samples the server's resident memory as it goes.
 *
 * Sequences can be left out ({@link StormOptions.exclude}): the test leaves
 * out those of the bugs still open ({@link OPEN_BUGS}), whose reproducers are
 * in test/lsp/storm/known-bugs.test.ts, with those of the bugs already fixed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { collectIsmsFiles } from '../../../server/src/node-host/workspace-files';
import { fileUri, LspClient } from '../lsp-client';
import { editsAsChanges, harvestStatements, lineStarts, positionOf, StormDocument, type RangeChange } from './edits';
import { difference, freshDiagnostics, normalise } from './fresh';
import { random, type Random } from './random';

/**
 * Sequences of the storm that can be left out (each found a bug once):
 * - `fifo`: a FIFO named `x.isms` announced as created (its read never returned);
 * - `reopen-race`: a document opened (or reopened) right after a disk event for
 *   it or its close (a late disk read replaced the editor's text);
 * - `out-of-range-lines`: changes on lines beyond the end of the shape that
 *   corrupts TextDocument's line table (the server clamps them now);
 * - `folder-events`: a folder created or deleted announced by one event for the
 *   folder, not one per file (as VS Code's watcher does);
 * - `isms-named-folder-events`: the same for a folder named `x.isms`;
 * - `link-to-folder`: a link to the workspace folder itself announced as created;
 * - `disk-bursts`: several disk events for one file between checkpoints, some
 *   batched in one notification (never seen to fail).
 * Without the `reopen-race` sequence, a document closed or touched on disk is
 * not opened again, nor touched again, before the next checkpoint.
 */
export type Sequence = 'fifo' | 'reopen-race' | 'out-of-range-lines' | 'folder-events' | 'isms-named-folder-events' | 'link-to-folder' | 'disk-bursts';
export const SEQUENCES: readonly Sequence[] = ['fifo', 'reopen-race', 'out-of-range-lines', 'folder-events', 'isms-named-folder-events', 'link-to-folder', 'disk-bursts'];
/** The sequences of bugs still open (reproducers in test/lsp/storm/known-bugs.test.ts). */
export const OPEN_BUGS: readonly Sequence[] = [];

export interface StormOptions {
  readonly seed: number;
  /** didChange notifications to send. */
  readonly edits: number;
  readonly asOf?: string;
  /** Bound of every request (ms). */
  readonly requestTimeoutMs?: number;
  /** Settle and compare with a fresh analysis every this many edits (and at the end). */
  readonly checkpointEvery?: number;
  /** Sample the server's RSS every this many edits. */
  readonly rssEvery?: number;
  /** Sequences left out (none by default). */
  readonly exclude?: readonly Sequence[];
  /** Example folders (repository-relative), one workspace folder each. */
  readonly examples?: readonly string[];
  /** Stop sending edits after this long (ms); the final checks still run. */
  readonly timeBudgetMs?: number;
  readonly log?: (line: string) => void;
  readonly nodeArgs?: readonly string[];
}

export interface RequestStats {
  sent: number;
  results: number;
  /** Error answers by JSON-RPC code. */
  errors: Record<string, number>;
  timeouts: number;
  maxMs: number;
  totalMs: number;
  /** A few distinct error messages (their start). */
  messages: string[];
}

export interface Mismatch {
  readonly at: string;
  readonly uri: string;
  readonly missing: string[];
  readonly unexpected: string[];
}

export interface StormReport {
  readonly seed: number;
  readonly excluded: readonly Sequence[];
  /** didChange notifications and the content changes in them. */
  notifications: number;
  changes: number;
  multiChangeBatches: number;
  kinds: Record<string, number>;
  requests: Record<string, RequestStats>;
  applied: { codeActions: number; renames: number; formattings: number; overlapping: number };
  disk: Record<string, number>;
  opened: number;
  closed: number;
  checkpoints: number;
  /** Checkpoints whose diagnostics differed from the fresh analysis even after waiting. */
  mismatches: Mismatch[];
  /** Comparisons that differed at first and agreed after waiting longer. */
  lateAgreements: number;
  /** Out-of-range changes that TextDocument.update, unclamped, applies otherwise than the specification (the server clamps them). */
  divergences: number;
  /** Everything that makes the storm fail. */
  failures: string[];
  serverAlive: boolean;
  /** Log lines of the server that report a failure (a guarded handler caught an exception). */
  serverErrors: string[];
  serverWarnings: number;
  rss: { edit: number; mb: number }[];
  peakRssMb: number | undefined;
  finalFiles: number;
  finalBytes: number;
  durationMs: number;
  loadAverage: { before: number[]; after: number[] };
}

type Outcome = { ok: true; result: unknown; ms: number } | { ok: false; code: number | string; message: string; ms: number } | { timeout: true; ms: number };

interface Folder {
  readonly name: string;
  readonly root: string;
  readonly uri: string;
}

const ANALYSIS_CHANGED = 'isms/analysisChanged';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

function statusKb(pid: number | undefined, key: string): number | undefined {
  if (!pid) return undefined;
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The RSS series after warm-up (the first fifth dropped): median of its last third / median of its first third. */
export function rssGrowth(rss: readonly { mb: number }[]): { first: number; last: number; ratio: number } {
  const series = rss.slice(Math.floor(rss.length / 5)).map((s) => s.mb);
  const third = Math.max(1, Math.floor(series.length / 3));
  const first = median(series.slice(0, third));
  const last = median(series.slice(-third));
  return { first, last, ratio: last / first };
}

export async function runStorm(options: StormOptions): Promise<StormReport> {
  const started = now();
  const asOf = options.asOf ?? '2026-11-27';
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const checkpointEvery = options.checkpointEvery ?? 250;
  const rssEvery = options.rssEvery ?? 25;
  const excluded = new Set<Sequence>(options.exclude ?? []);
  // FIFOs need mkfifo (not on Windows).
  if (process.platform === 'win32') excluded.add('fifo');
  const on = (sequence: Sequence) => !excluded.has(sequence);
  const log = options.log ?? (() => {});
  const rng: Random = random(options.seed);

  const report: StormReport = {
    seed: options.seed,
    excluded: [...excluded],
    notifications: 0,
    changes: 0,
    multiChangeBatches: 0,
    kinds: {},
    requests: {},
    applied: { codeActions: 0, renames: 0, formattings: 0, overlapping: 0 },
    disk: {},
    opened: 0,
    closed: 0,
    checkpoints: 0,
    mismatches: [],
    lateAgreements: 0,
    divergences: 0,
    failures: [],
    serverAlive: true,
    serverErrors: [],
    serverWarnings: 0,
    rss: [],
    peakRssMb: undefined,
    finalFiles: 0,
    finalBytes: 0,
    durationMs: 0,
    loadAverage: { before: os.loadavg(), after: [] },
  };
  const fail = (message: string) => {
    if (report.failures.length < 200) report.failures.push(message);
    log(`FAILURE: ${message}`);
  };

  // -------------------------------------------------------------------------
  // The workspace: one copy of each example folder under a temporary root.
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-storm-')));
  const folders: Folder[] = (options.examples ?? ['examples/clinic', 'examples/flawed']).map((example) => {
    const name = path.basename(example);
    const root = path.join(tmp, name);
    fs.cpSync(example, root, { recursive: true });
    return { name, root, uri: fileUri(root) };
  });
  const statements = folders.flatMap((f) => collectIsmsFiles(f.root, []).flatMap((file) => harvestStatements(fs.readFileSync(file, 'utf8'))));
  const editOptions = { statements, outOfRangeLines: on('out-of-range-lines') };
  const folderOf = (absolute: string) => folders.find((f) => absolute.startsWith(f.root + path.sep))!;

  const client = await LspClient.start(
    folders.map((f) => f.root),
    { settings: { asOf }, nodeArgs: options.nodeArgs },
  );
  // The client's record of the latest publishDiagnostics per URI (private in LspClient; read, never written).
  const latest = (client as unknown as { latest: Map<string, PublishDiagnosticsParams> }).latest;
  const pid = client.process.pid;
  let exitedAt: string | undefined;
  let where = 'start-up';
  let stopping = false;
  client.process.on('exit', (code, signal) => {
    if (!stopping) {
      exitedAt = where;
      fail(`the server exited (${signal ?? `code ${code}`}) during ${where}`);
    }
  });

  const docs = new Map<string, StormDocument>(); // by absolute path
  /** Files touched on disk or closed since the last checkpoint: not opened again, not touched again (unless `reopen-race` and `disk-bursts` are on). */
  const blocked = new Set<string>();
  const outstanding: Promise<unknown>[] = [];
  const count = (record: Record<string, number>, key: string, n = 1) => (record[key] = (record[key] ?? 0) + n);

  function stats(method: string): RequestStats {
    return (report.requests[method] ??= { sent: 0, results: 0, errors: {}, timeouts: 0, maxMs: 0, totalMs: 0, messages: [] });
  }

  /** A request bounded by the timeout; never rejects. */
  async function request(method: string, params: unknown, record = true): Promise<Outcome> {
    const s = stats(method);
    if (record) s.sent++;
    const start = now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true, ms: now() - start }), timeoutMs);
    });
    const answer = client.request<unknown>(method, params).then(
      (result): Outcome => ({ ok: true, result, ms: now() - start }),
      (error: { code?: number; message?: string }): Outcome => ({ ok: false, code: error?.code ?? 'none', message: error?.message ?? String(error), ms: now() - start }),
    );
    const outcome = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if (!record) return outcome;
    s.maxMs = Math.max(s.maxMs, outcome.ms);
    s.totalMs += outcome.ms;
    if ('timeout' in outcome) {
      s.timeouts++;
      fail(`no answer to ${method} within ${timeoutMs} ms (${where})`);
    } else if (outcome.ok) s.results++;
    else {
      count(s.errors, String(outcome.code));
      const gist = outcome.message.replace(/'[^']*'/g, "'…'").slice(0, 80);
      if (s.messages.length < 6 && !s.messages.includes(gist)) s.messages.push(gist);
      // -32803 RequestFailed: a refusal (rename); anything else is not an answer the server means to give.
      if (outcome.code !== -32803) fail(`${method} answered error ${outcome.code}: ${outcome.message.slice(0, 300)} (${where})`);
    }
    return outcome;
  }

  function fire(method: string, params: unknown): void {
    outstanding.push(request(method, params));
  }

  async function drain(): Promise<void> {
    const pending = outstanding.splice(0);
    await Promise.all(pending);
  }

  // -------------------------------------------------------------------------
  // Waiting for the server to settle, and comparing with a fresh analysis.

  function analysisCount(folder?: Folder): number {
    return client.notifications.filter((n) => n.method === ANALYSIS_CHANGED && (!folder || (n.params as { folderUri: string }).folderUri === folder.uri)).length;
  }

  async function waitFor(test: () => boolean, ms: number, label: string): Promise<void> {
    const start = now();
    while (!test()) {
      if (now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${label}`);
      await sleep(20);
    }
  }

  /** A round trip per folder (every notification sent before is handled), then no message for `quietMs`. */
  async function settle(quietMs = 400, maxMs = 20_000): Promise<void> {
    await Promise.all(folders.map((f) => request('isms/clauseStatus', { uri: f.uri }, false)));
    const start = now();
    let seen = new Set<unknown>(latest.values());
    let notifications = client.notifications.length;
    let quietSince = now();
    while (now() - quietSince < quietMs && now() - start < maxMs) {
      await sleep(25);
      const values = [...latest.values()];
      if (client.notifications.length !== notifications || values.some((v) => !seen.has(v))) {
        notifications = client.notifications.length;
        seen = new Set(values);
        quietSince = now();
      }
    }
  }

  function openTexts(): Map<string, string> {
    return new Map([...docs].map(([absolute, doc]) => [absolute, doc.text]));
  }

  function compare(at: string): Mismatch[] {
    const out: Mismatch[] = [];
    const texts = openTexts();
    for (const folder of folders) {
      const expected = freshDiagnostics(folder.root, texts, asOf);
      const prefix = `${folder.uri}/`;
      const uris = new Set([...expected.keys(), ...[...latest.keys()].filter((u) => u.startsWith(prefix))]);
      for (const uri of uris) {
        const e: Diagnostic[] = expected.get(uri) ?? [];
        const a: Diagnostic[] = latest.get(uri)?.diagnostics ?? [];
        if (JSON.stringify(normalise(e)) !== JSON.stringify(normalise(a))) out.push({ at, uri, ...difference(e, a) });
      }
    }
    return out;
  }

  async function checkpoint(at: string): Promise<void> {
    where = `checkpoint ${at}`;
    flushEvents();
    await drain();
    let mismatches: Mismatch[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await settle();
      mismatches = compare(at);
      if (mismatches.length === 0) {
        if (attempt > 0) report.lateAgreements++;
        break;
      }
      await sleep(500 * (attempt + 1));
    }
    report.checkpoints++;
    for (const m of mismatches) {
      if (report.mismatches.length < 20) report.mismatches.push({ ...m, missing: m.missing.slice(0, 8), unexpected: m.unexpected.slice(0, 8) });
      fail(`diagnostics of ${path.relative(tmp, new URL(m.uri).pathname)} differ from a fresh analysis at ${at}: missing [${m.missing.slice(0, 3).join('; ')}] unexpected [${m.unexpected.slice(0, 3).join('; ')}]`);
    }
    blocked.clear();
    log(`checkpoint ${at}: ${mismatches.length ? `${mismatches.length} file(s) differ` : 'diagnostics equal a fresh analysis'}; RSS ${report.rss.at(-1)?.mb.toFixed(1) ?? '?'} MB; load ${os.loadavg()[0].toFixed(2)}`);
  }

  // -------------------------------------------------------------------------
  // Documents

  function open(absolute: string, text: string): void {
    const uri = fileUri(absolute);
    const doc = new StormDocument(uri, text, 1);
    docs.set(absolute, doc);
    client.open(uri, text, 1);
    report.opened++;
  }

  function send(doc: StormDocument, changes: RangeChange[], version: number): void {
    client.change(doc.uri, version, changes);
    report.notifications++;
    report.changes += changes.length;
    if (changes.length > 1) report.multiChangeBatches++;
  }

  function randomEdit(): void {
    const doc = rng.pick([...docs.values()]);
    const version = doc.version + 1;
    const n = rng.chance(0.2) ? rng.int(2, 5) : 1;
    const changes: RangeChange[] = [];
    for (let k = 0; k < n; k++) {
      const { change, kind, afterApply } = doc.randomChange(rng, editOptions);
      doc.apply(change, version);
      afterApply();
      changes.push(change);
      count(report.kinds, kind);
    }
    send(doc, changes, version);
  }

  /** Applies a workspace edit the server returned, when it only touches open documents. */
  function applyWorkspaceEdit(edit: WorkspaceEdit | null | undefined): boolean {
    const changes = Object.entries(edit?.changes ?? {});
    if (changes.length === 0) return false;
    const targets = changes.map(([uri, edits]) => ({ doc: [...docs.values()].find((d) => d.uri === uri), edits }));
    if (targets.some((t) => !t.doc)) return false;
    const plans: { doc: StormDocument; changes: RangeChange[] }[] = [];
    for (const { doc, edits } of targets) {
      const ordered = editsAsChanges(doc!.text, edits);
      if (!ordered) {
        report.applied.overlapping++;
        fail(`the server returned overlapping edits for ${doc!.uri} (${where})`);
        return false;
      }
      plans.push({ doc: doc!, changes: ordered });
    }
    for (const { doc, changes: list } of plans) {
      const reference = TextDocument.applyEdits(TextDocument.create(doc.uri, 'isms', 0, doc.text), edit!.changes![doc.uri] as TextEdit[]);
      const version = doc.version + 1;
      for (const change of list) doc.apply(change, version);
      if (doc.text !== reference) fail(`applying the edits of ${where} in reverse order did not give TextDocument.applyEdits's text`);
      send(doc, list, version);
    }
    return true;
  }

  function randomPosition(doc: StormDocument) {
    const text = doc.text;
    const starts = lineStarts(text);
    if (rng.chance(0.08)) return { line: rng.pick([starts.length, starts.length + 5, -1, rng.int(0, starts.length - 1)]), character: rng.pick([0, 500, -2, 3]) };
    // Often on a word: identifiers, references and Annex A ids are where features answer.
    let offset = rng.int(0, text.length);
    if (rng.chance(0.7)) {
      const word = /[A-Za-z][\w.-]*/g;
      word.lastIndex = offset;
      const match = word.exec(text);
      if (match) offset = match.index + rng.int(0, match[0].length);
    }
    return positionOf(text, starts, Math.min(offset, text.length));
  }

  async function awaitedFeatureEdit(): Promise<void> {
    const doc = rng.pick([...docs.values()]);
    const textDocument = { uri: doc.uri };
    const which = rng.weighted([
      ['codeAction', 5],
      ['rename', 2],
      ['formatting', 2],
    ] as const);
    where = `${which} on ${doc.uri}`;
    await drain();
    if (which === 'codeAction') {
      const published = latest.get(doc.uri)?.diagnostics ?? [];
      const diagnostic = published.length > 0 && rng.chance(0.85) ? rng.pick(published) : undefined;
      const range = diagnostic?.range ?? { start: randomPosition(doc), end: randomPosition(doc) };
      const outcome = await request('textDocument/codeAction', { textDocument, range, context: { diagnostics: diagnostic ? [diagnostic] : [] } });
      const actions = 'ok' in outcome && outcome.ok ? ((outcome.result as CodeAction[] | null) ?? []) : [];
      if (actions.length > 0 && rng.chance(0.8) && applyWorkspaceEdit(rng.pick(actions).edit)) report.applied.codeActions++;
    } else if (which === 'rename') {
      // Mostly on an id where it is declared or used (a statement head's id, an owner), else anywhere.
      const text = doc.text;
      const ids = [...text.matchAll(/^(?:[a-z-]+ |[ \t]+owner |[ \t]+accepted-by )([A-Za-z][\w.-]*)/gm)].map((m) => m.index! + m[0].length - m[1].length);
      const position = ids.length > 0 && rng.chance(0.8) ? positionOf(text, lineStarts(text), rng.pick(ids) + 1) : randomPosition(doc);
      const prepared = await request('textDocument/prepareRename', { textDocument, position });
      if (!('ok' in prepared) || !prepared.ok || !prepared.result) return;
      const placeholder = (prepared.result as { placeholder?: string }).placeholder ?? 'x';
      const newName = rng.pick([`${placeholder}-storm`, `storm-${rng.int(1, 99)}`, `R-${rng.int(900, 999)}`, placeholder, '', 'not valid', 'A.5.1']);
      const outcome = await request('textDocument/rename', { textDocument, position, newName });
      if ('ok' in outcome && outcome.ok && applyWorkspaceEdit(outcome.result as WorkspaceEdit | null)) report.applied.renames++;
    } else {
      const outcome = await request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
      const edits = 'ok' in outcome && outcome.ok ? ((outcome.result as TextEdit[] | null) ?? []) : [];
      if (edits.length > 0 && applyWorkspaceEdit({ changes: { [doc.uri]: edits } })) report.applied.formattings++;
    }
  }

  function randomRequest(): void {
    const all = [...docs.values()];
    const doc = rng.pick(all);
    const uri = rng.chance(0.03) ? fileUri(path.join(rng.pick(folders).root, 'never-opened-or-gone.isms')) : doc.uri;
    const textDocument = { uri };
    const folder = rng.pick(folders);
    const method = rng.weighted([
      ['textDocument/completion', 6],
      ['textDocument/hover', 6],
      ['textDocument/definition', 4],
      ['textDocument/references', 3],
      ['textDocument/documentHighlight', 2],
      ['textDocument/codeAction', 4],
      ['textDocument/prepareRename', 2],
      ['textDocument/rename', 1],
      ['textDocument/formatting', 2],
      ['textDocument/rangeFormatting', 1],
      ['textDocument/documentSymbol', 3],
      ['textDocument/semanticTokens/full', 3],
      ['textDocument/foldingRange', 2],
      ['textDocument/selectionRange', 1],
      ['textDocument/inlayHint', 2],
      ['textDocument/codeLens', 2],
      ['textDocument/documentLink', 1],
      ['workspace/symbol', 1],
      ['isms/soaTable', 1],
      ['isms/riskRegister', 1],
      ['isms/clauseStatus', 1],
      ['isms/export', 0.1],
    ] as const);
    const position = randomPosition(doc);
    const range = { start: randomPosition(doc), end: randomPosition(doc) };
    switch (method) {
      case 'textDocument/completion':
        return fire(method, { textDocument, position, context: rng.chance(0.5) ? { triggerKind: 2, triggerCharacter: rng.pick([' ', ',', '.']) } : { triggerKind: 1 } });
      case 'textDocument/references':
        return fire(method, { textDocument, position, context: { includeDeclaration: rng.chance(0.5) } });
      case 'textDocument/codeAction':
        return fire(method, { textDocument, range, context: { diagnostics: (latest.get(uri)?.diagnostics ?? []).slice(0, rng.int(0, 3)) } });
      case 'textDocument/rename':
        return fire(method, { textDocument, position, newName: rng.pick(['storm-x', 'R-999', '', '9bad', 'cto']) });
      case 'textDocument/formatting':
        return fire(method, { textDocument, options: { tabSize: rng.pick([2, 4]), insertSpaces: rng.chance(0.8) } });
      case 'textDocument/rangeFormatting':
        return fire(method, { textDocument, range, options: { tabSize: 2, insertSpaces: true } });
      case 'textDocument/selectionRange':
        return fire(method, { textDocument, positions: [position, randomPosition(doc)] });
      case 'textDocument/inlayHint':
        return fire(method, { textDocument, range });
      case 'textDocument/documentSymbol':
      case 'textDocument/semanticTokens/full':
      case 'textDocument/foldingRange':
      case 'textDocument/codeLens':
      case 'textDocument/documentLink':
        return fire(method, { textDocument });
      case 'workspace/symbol':
        return fire(method, { query: rng.pick(['', 'r', 'R-1', 'ransom', 'cto', 'A.5']) });
      case 'isms/soaTable':
      case 'isms/riskRegister':
      case 'isms/clauseStatus':
        return fire(method, rng.chance(0.3) ? {} : { uri: rng.chance(0.5) ? folder.uri : uri });
      case 'isms/export':
        return fire(method, { uri: folder.uri, format: rng.pick(['md', 'csv', 'json', 'risks-csv']) });
      default:
        return fire(method, { textDocument, position });
    }
  }

  // -------------------------------------------------------------------------
  // Disk

  let serial = 0;
  const events: { uri: string; type: 1 | 2 | 3 }[] = [];
  const event = (absolute: string, type: 1 | 2 | 3) => events.push({ uri: fileUri(absolute), type });
  function flushEvents(): void {
    if (events.length === 0) return;
    client.notify('workspace/didChangeWatchedFiles', { changes: events.splice(0) });
  }
  const exists = (p: string) => {
    try {
      fs.lstatSync(p);
      return true;
    } catch {
      return false;
    }
  };
  const isRegular = (p: string) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const free = (p: string) => on('disk-bursts') || !blocked.has(p);
  /** Closed regular .isms files on disk that may be touched now. */
  const closedFiles = () => folders.flatMap((f) => collectIsmsFiles(f.root, [])).filter((p) => !docs.has(p) && free(p) && isRegular(p));
  const deletedOriginals = new Map<string, string>();
  const originals = new Set(folders.flatMap((f) => collectIsmsFiles(f.root, [])));
  /** A file's text, or undefined when it cannot be read (mode 000 when not root). */
  const read = (file: string): string | undefined => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  /** A text for a new or changed file: pasted statements, sometimes broken by a few random edits. */
  function randomFileText(base?: string): string {
    const doc = new StormDocument('file:///scratch.isms', base ?? Array.from({ length: rng.int(1, 4) }, () => rng.pick(statements)).join('\n\n') + '\n', 1);
    const edits = base !== undefined ? rng.int(1, 6) : rng.chance(0.4) ? rng.int(1, 4) : 0;
    for (let k = 0; k < edits; k++) {
      const { change, afterApply } = doc.randomChange(rng, { ...editOptions, outOfRangeLines: false });
      doc.apply(change, k + 2);
      afterApply();
    }
    return doc.text;
  }

  function diskOp(): void {
    const folder = rng.pick(folders);
    const op = rng.weighted([
      ['create', 6],
      ['change-closed', 6],
      ['delete-closed', 3],
      ['restore', 2],
      ['change-open-on-disk', 2],
      ['delete-open-on-disk', 1],
      ['document-file', 2],
      ['folder-named-isms', 1],
      ['self-link', 1],
      ['loop-folder', 1],
      ['mode-000', 1],
      ['subfolder', 1],
      ['odd-event', 1],
      ['fifo', on('fifo') ? 0.5 : 0],
    ] as const);
    where = `disk ${op}`;
    count(report.disk, op);
    switch (op) {
      case 'create': {
        const file = path.join(folder.root, `storm-${++serial}.isms`);
        fs.writeFileSync(file, randomFileText());
        event(file, 1);
        blocked.add(file);
        break;
      }
      case 'change-closed': {
        const candidates = closedFiles();
        if (candidates.length === 0) break;
        const file = rng.pick(candidates);
        const text = read(file);
        if (text === undefined) break;
        fs.writeFileSync(file, randomFileText(text));
        event(file, 2);
        blocked.add(file);
        break;
      }
      case 'delete-closed': {
        const candidates = closedFiles();
        if (candidates.length === 0) break;
        const file = rng.pick(candidates);
        if (originals.has(file)) deletedOriginals.set(file, read(file) ?? '');
        fs.rmSync(file);
        event(file, 3);
        blocked.add(file);
        break;
      }
      case 'restore': {
        const candidates = [...deletedOriginals.keys()].filter((p) => free(p) && !docs.has(p));
        if (candidates.length === 0) break;
        const file = rng.pick(candidates);
        fs.writeFileSync(file, deletedOriginals.get(file)!);
        deletedOriginals.delete(file);
        event(file, 1);
        blocked.add(file);
        break;
      }
      case 'change-open-on-disk':
      case 'delete-open-on-disk': {
        const candidates = [...docs.keys()].filter((p) => folderOf(p) === folder && isRegular(p));
        if (candidates.length === 0) break;
        const file = rng.pick(candidates);
        if (op === 'change-open-on-disk') {
          fs.writeFileSync(file, randomFileText(read(file) ?? ''));
          event(file, 2);
        } else {
          fs.rmSync(file);
          event(file, 3);
        }
        blocked.add(file);
        break;
      }
      case 'document-file': {
        // A file a `document` field names (clinic's policies), or any other: document-not-found follows it.
        const candidates = ['policies/access-control.md', 'policies/information-security.md', 'procedures/backup-and-restore.md', 'records/legal-register.md'].map((p) => path.join(folder.root, p));
        const file = rng.pick(candidates);
        if (exists(file)) {
          fs.rmSync(file, { force: true });
          event(file, 3);
        } else {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, '# storm\n');
          event(file, 1);
        }
        break;
      }
      case 'folder-named-isms': {
        const dir = path.join(folder.root, `folder-${++serial}.isms`);
        const inner = path.join(dir, 'inner.isms');
        fs.mkdirSync(dir);
        fs.writeFileSync(inner, randomFileText());
        event(dir, 1);
        // Half the time (when on) announced by the folder's event alone.
        if (!on('isms-named-folder-events') || rng.chance(0.5)) event(inner, 1);
        blocked.add(inner);
        break;
      }
      case 'subfolder': {
        // A subfolder with files, created or (later) deleted as a whole.
        const existing = fs.readdirSync(folder.root).filter((n) => /^(sub|folder)-\d+/.test(n)).map((n) => path.join(folder.root, n));
        const removable = existing.filter((d) => fs.statSync(d).isDirectory() && collectIsmsFiles(d, []).every((f) => !docs.has(f) && free(f)));
        if (removable.length > 0 && rng.chance(0.5)) {
          const dir = rng.pick(removable);
          const inside = collectIsmsFiles(dir, []);
          fs.rmSync(dir, { recursive: true, force: true });
          event(dir, 3);
          const alone = dir.endsWith('.isms') ? on('isms-named-folder-events') : on('folder-events');
          if (!alone || rng.chance(0.5)) for (const f of inside) event(f, 3);
          for (const f of inside) blocked.add(f);
        } else {
          const dir = path.join(folder.root, `sub-${++serial}`, 'deeper');
          fs.mkdirSync(dir, { recursive: true });
          const files = [path.join(dir, 'a.isms'), path.join(path.dirname(dir), 'b.isms')];
          for (const f of files) fs.writeFileSync(f, randomFileText());
          event(path.dirname(dir), 1);
          if (!on('folder-events') || rng.chance(0.5)) for (const f of files) event(f, 1);
          for (const f of files) blocked.add(f);
        }
        break;
      }
      case 'self-link': {
        // A link to itself: reading it fails with ELOOP.
        const link = path.join(folder.root, `loop-${++serial}.isms`);
        fs.symlinkSync(path.basename(link), link);
        event(link, 1);
        break;
      }
      case 'loop-folder': {
        // A link to the workspace folder itself (a link loop), and two links to each other.
        const a = path.join(folder.root, `ping-${++serial}`);
        const b = path.join(folder.root, `pong-${serial}`);
        fs.symlinkSync(path.basename(b), a);
        fs.symlinkSync(path.basename(a), b);
        event(a, 1);
        event(b, 1);
        if (on('link-to-folder')) {
          const self = path.join(folder.root, `self-${serial}`);
          fs.symlinkSync('.', self);
          event(self, 1);
        }
        break;
      }
      case 'mode-000': {
        const candidates = closedFiles();
        if (candidates.length === 0) break;
        const file = rng.pick(candidates);
        fs.chmodSync(file, 0o000);
        event(file, 2);
        blocked.add(file);
        break;
      }
      case 'odd-event': {
        // Events the server must shrug off: a file outside every folder, a folder, a file that is not there.
        client.notify('workspace/didChangeWatchedFiles', {
          changes: [
            { uri: fileUri(path.join(tmp, 'outside.isms')), type: 1 },
            { uri: folder.uri, type: 2 },
            { uri: fileUri(path.join(folder.root, 'nothing-here.isms')), type: rng.pick([1, 2, 3]) },
            { uri: 'untitled:Untitled-1', type: 1 },
          ],
        });
        break;
      }
      case 'fifo': {
        const fifo = path.join(folder.root, `pipe-${++serial}.isms`);
        execFileSync('mkfifo', [fifo]);
        event(fifo, 1);
        break;
      }
    }
    if (!on('disk-bursts') || rng.chance(0.5)) flushEvents();
  }

  function openCloseOp(): void {
    if (rng.chance(0.5) && docs.size > 3) {
      const [absolute, doc] = rng.pick([...docs]);
      where = `close ${doc.uri}`;
      client.close(doc.uri);
      report.divergences += doc.divergences;
      docs.delete(absolute);
      blocked.add(absolute);
      report.closed++;
      return;
    }
    const reopenable = folders.flatMap((f) => collectIsmsFiles(f.root, [])).filter((p) => !docs.has(p) && isRegular(p) && (on('reopen-race') || !blocked.has(p)));
    if (reopenable.length > 0 && rng.chance(0.8)) {
      const absolute = rng.pick(reopenable);
      const text = read(absolute);
      if (text === undefined) return;
      where = `open ${absolute}`;
      open(absolute, text);
    } else {
      // A new file, open in the editor and never saved.
      const absolute = path.join(rng.pick(folders).root, `unsaved-${++serial}.isms`);
      where = `open ${absolute}`;
      open(absolute, randomFileText());
    }
  }

  // -------------------------------------------------------------------------
  // The storm

  /** Edits made so far (didChange notifications, and the awaited feature edits in their place). */
  let edit = 0;
  try {
    where = 'indexing';
    await waitFor(() => folders.every((f) => analysisCount(f) > 0), 120_000, 'the first analysis of every folder');
    for (const folder of folders) {
      const files = collectIsmsFiles(folder.root, []);
      // One file per folder stays closed (read from disk by the server), the others are open.
      const closed = rng.pick(files);
      for (const file of files) if (file !== closed) open(file, fs.readFileSync(file, 'utf8'));
    }
    await checkpoint('start');
    sampleRss(0);

    for (let i = 0; i < options.edits; i++, edit++) {
      if (exitedAt || !client.alive) break;
      if (options.timeBudgetMs !== undefined && now() - started > options.timeBudgetMs) {
        log(`time budget spent after ${i} edits`);
        break;
      }
      if (rng.chance(1 / 30)) diskOp();
      if (rng.chance(1 / 100)) openCloseOp();
      if (on('reopen-race') && rng.chance(1 / 200)) {
        // Close and at once reopen a document with other text than the disk's.
        const [absolute, doc] = rng.pick([...docs]);
        client.close(doc.uri);
        report.divergences += doc.divergences;
        docs.delete(absolute);
        open(absolute, `${doc.text}\n// reopened\n`);
      }
      if (rng.chance(1 / 20)) await awaitedFeatureEdit();
      else {
        where = `edit ${i}`;
        randomEdit();
      }
      for (let r = rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const); r > 0; r--) randomRequest();
      if (i % 8 === 7) await drain();
      if ((i + 1) % rssEvery === 0) sampleRss(i + 1);
      if ((i + 1) % checkpointEvery === 0) await checkpoint(`edit ${i + 1}`);
      if (i % 500 === 499) log(`${i + 1} edits, ${report.changes} changes; RSS ${report.rss.at(-1)?.mb.toFixed(1)} MB`);
    }
    flushEvents();
    await checkpoint('end');
    sampleRss(edit);
  } catch (error) {
    fail(`the storm stopped at ${where}: ${(error as Error)?.stack ?? String(error)}`);
  } finally {
    report.serverAlive = client.alive && !exitedAt;
    report.peakRssMb = (statusKb(pid, 'VmHWM') ?? NaN) / 1024;
    for (const doc of docs.values()) report.divergences += doc.divergences;
    report.serverErrors = client.logs.filter((l) => /\bfailed\b/.test(l)).slice(0, 50).map((l) => l.slice(0, 2000));
    report.serverWarnings = client.logs.length;
    for (const error of report.serverErrors) fail(`the server logged a failure: ${error.split('\n')[0]}`);
    const texts = openTexts();
    const files = new Set([...folders.flatMap((f) => collectIsmsFiles(f.root, [])), ...texts.keys()]);
    report.finalFiles = files.size;
    report.finalBytes = [...files].reduce((sum, f) => sum + (texts.get(f)?.length ?? (isRegular(f) ? fs.statSync(f).size : 0)), 0);
    stopping = true;
    await client.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    report.durationMs = now() - started;
    report.loadAverage.after = os.loadavg();
  }
  return report;

  function sampleRss(edit: number): void {
    const kb = statusKb(pid, 'VmRSS');
    if (kb !== undefined) report.rss.push({ edit, mb: kb / 1024 });
  }
}

/** A human-readable summary of a report. */
export function formatReport(report: StormReport): string {
  const lines: string[] = [];
  const growth = report.rss.length >= 6 ? rssGrowth(report.rss) : undefined;
  lines.push(`seed ${report.seed}${report.excluded.length ? `, left out: ${report.excluded.join(', ')}` : ''}; ${(report.durationMs / 1000).toFixed(1)} s; load average ${report.loadAverage.before.map((v) => v.toFixed(2)).join(' ')} → ${report.loadAverage.after.map((v) => v.toFixed(2)).join(' ')}`);
  lines.push(`didChange: ${report.notifications} notifications, ${report.changes} changes (${report.multiChangeBatches} multi-change batches); kinds: ${Object.entries(report.kinds).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`applied from the server: ${report.applied.codeActions} quick fixes, ${report.applied.renames} renames, ${report.applied.formattings} formattings`);
  lines.push(`documents opened ${report.opened}, closed ${report.closed}; disk: ${Object.entries(report.disk).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const requests = Object.entries(report.requests).sort();
  const total = requests.reduce((sum, [, s]) => sum + s.sent, 0);
  lines.push(`requests: ${total}`);
  for (const [method, s] of requests) {
    const errors = Object.entries(s.errors).map(([code, n]) => `${code}×${n}`).join(' ');
    lines.push(`  ${method.padEnd(34)} ${String(s.sent).padStart(5)} sent, ${String(s.results).padStart(5)} results${errors ? `, errors ${errors}` : ''}${s.timeouts ? `, ${s.timeouts} TIMEOUTS` : ''}; mean ${(s.totalMs / Math.max(1, s.sent)).toFixed(1)} ms, max ${s.maxMs.toFixed(0)} ms`);
  }
  lines.push(`checkpoints: ${report.checkpoints} (${report.mismatches.length ? `${report.mismatches.length} MISMATCHES` : 'all equal to a fresh analysis'}; ${report.lateAgreements} agreed only after waiting longer)`);
  lines.push(`final workspace: ${report.finalFiles} files, ${(report.finalBytes / 1024).toFixed(0)} KiB`);
  lines.push(`server: ${report.serverAlive ? 'alive' : 'DEAD'}; ${report.serverErrors.length} logged failures; ${report.serverWarnings} log lines; peak RSS (VmHWM) ${report.peakRssMb?.toFixed(1)} MB`);
  if (growth) lines.push(`RSS: first third median ${growth.first.toFixed(1)} MB, last third ${growth.last.toFixed(1)} MB (×${growth.ratio.toFixed(2)}), after warm-up`);
  const step = Math.max(1, Math.ceil(report.rss.length / 24));
  lines.push(`RSS series (edit:MB): ${report.rss.filter((_, i) => i % step === 0 || i === report.rss.length - 1).map((s) => `${s.edit}:${s.mb.toFixed(0)}`).join(' ')}`);
  if (report.divergences) lines.push(`out-of-range changes that TextDocument.update, unclamped, would have applied otherwise than the specification: ${report.divergences}`);
  for (const failure of report.failures.slice(0, 30)) lines.push(`FAILURE ${failure}`);
  return lines.join('\n');
}
