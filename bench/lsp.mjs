#!/usr/bin/env node
// Benchmark of the ISMS language server (dist/server.js --stdio) as an editor
// sees it, against yaml-language-server with a JSON Schema on the same risk
// register as YAML. A scripted LSP client (bench/lsp-client.mjs) drives each
// server over stdio.
//
//   npm run bench:lsp                  # builds dist/, then runs this script
//   node bench/lsp.mjs [--runs N] [--edits N] [--requests N] [--cycles N] [--only isms|yaml]
//                      [--file risks-03.isms] [--yaml-file whole|part]
//                      [--timeout S] [--risks N] [--regenerate] [--json]
//
// Per server it measures (see bench/README.md):
//   - time to first diagnostics of one opened file, in N fresh servers (from
//     didOpen and from spawning the process), after one untimed warm-up server;
//   - in one more server: one-character edits (incremental didChange) →
//     updated diagnostics; completion, hover, definition and document symbols
//     (one untimed first request, then N timed ones each); then N edits each
//     followed by outline, folding and semantic tokens, as an editor asks;
//   - the peak RSS (VmHWM) of every server, read from /proc before it stops.
// Every wait is bounded (--timeout, default 300 s for a server's start-up and
// first diagnostics; an edit, a request or a shutdown: a quarter of it). A request the server has no handler for is reported as
// "not implemented" and the benchmark goes on.
//
// Exit code: 1 when a server failed (did not start, died, timed out, wrong
// first diagnostics), else 0: the targets are reported, not enforced.
// With --json the table goes to stderr and the figures, as one JSON object, to stdout.

import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, DEFAULT_RISKS } from './generate-workspace.mjs';
import { LspSession, TimeoutError, notImplemented, now } from './lsp-client.mjs';
import { readOptions } from './options.mjs';
import { ensureWorkspace, WORK } from './workspace.mjs';
import { PART_OF, generateYaml } from './yaml/generate-yaml.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const SERVER = join(REPO, 'dist/server.js');
const YAML_DIR = join(WORK, 'yaml');

const TARGETS = {
  firstDiagnosticsMs: 1000,
  editMs: 30,
  completionMs: 20,
  hoverMs: 5,
  definitionMs: 5,
  coverageMs: 50,
  peakRssMb: 250,
};

// ---------------------------------------------------------------------------
// Arguments

const options = readOptions(
  'bench/lsp',
  'usage: node bench/lsp.mjs [--runs N] [--edits N] [--requests N] [--cycles N] [--only isms|yaml] [--file risks-03.isms]\n' +
    '                          [--yaml-file whole|part] [--timeout S] [--risks N] [--regenerate] [--json]',
  {
    runs: { type: 'int' },
    edits: { type: 'int' },
    requests: { type: 'int' },
    cycles: { type: 'int' },
    timeout: { type: 'int', key: 'timeoutS' },
    risks: { type: 'int' },
    only: { type: 'string', choices: ['isms', 'yaml'] },
    'yaml-file': { type: 'string', choices: ['whole', 'part'] },
    file: { type: 'string' },
    regenerate: { type: 'flag' },
    json: { type: 'flag' },
  },
  { runs: 5, edits: 36, requests: 20, cycles: 30, only: undefined, file: 'risks-03.isms', yamlFile: 'whole', timeoutS: 300, risks: DEFAULT_RISKS, regenerate: false, json: false },
);
if (!options.file.endsWith('.isms')) {
  console.error('bench/lsp: --file takes the name of a generated .isms file');
  process.exit(2);
}
const say = options.json ? (...a) => console.error(...a) : (...a) => console.log(...a);
const TIMEOUT_MS = options.timeoutS * 1000;
const STEP_TIMEOUT_MS = Math.max(5000, TIMEOUT_MS / 4);

const median = (values) => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The nearest-rank percentile. */
const percentile = (values, p) => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const load = () => loadavg().map((v) => Number(v.toFixed(2)));

// ---------------------------------------------------------------------------
// Positions in the opened file

/**
 * The lines of one risk block: the first risk at or after the middle of the
 * file whose likelihood is 2 (so that the edit 2→3 stays within the scale).
 */
function findIsmsRisk(lines) {
  for (let start = Math.floor(lines.length / 2); start < lines.length; start++) {
    const head = /^risk (R-\d+) /.exec(lines[start]);
    if (!head) continue;
    const block = {};
    for (let i = start + 1; i < lines.length && lines[i] !== '}'; i++) {
      const field = /^ {2}([a-z-]+) /.exec(lines[i]);
      if (field && !(field[1] in block)) block[field[1]] = i;
    }
    if (/^ {2}likelihood 2$/.test(lines[block.likelihood] ?? '') && block.owner && block.controls && block.threat) return { id: head[1], start, lines: block };
  }
  throw new Error('no risk with likelihood 2 in the second half of the opened file');
}

function findYamlRisk(lines, id) {
  const start = lines.findIndex((line) => line === `  - id: ${id}`);
  if (start < 0) throw new Error(`risk ${id} is not in the YAML register`);
  const block = {};
  for (let i = start + 1; i < lines.length && !lines[i].startsWith('  - ') && !lines[i].startsWith('  #'); i++) {
    const field = /^ {4}([a-z-]+): /.exec(lines[i]);
    if (field) block[field[1]] = i;
  }
  return { id, start, lines: block };
}

/** Position of the character `offset` after the first occurrence of `needle` on the line. */
function after(lines, line, needle, offset = 0) {
  const at = lines[line].indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found on line ${line + 1}: ${lines[line]}`);
  return { line, character: at + needle.length + offset };
}

/** The middle of the word that starts at `position`. */
function middleOfWord(lines, position) {
  const rest = lines[position.line].slice(position.character);
  const word = /^[A-Za-z0-9._-]+/.exec(rest)?.[0] ?? '';
  return { line: position.line, character: position.character + Math.floor(word.length / 2) };
}

/** A one-character replacement, and its inverse. */
function oneCharEdit(lines, position, replacement) {
  const old = lines[position.line][position.character];
  const to = typeof replacement === 'function' ? replacement(old) : replacement;
  if (old === undefined || old === to) throw new Error(`bad edit at ${position.line + 1}:${position.character + 1}`);
  const range = { start: position, end: { line: position.line, character: position.character + 1 } };
  return { range, from: old, to };
}
const otherLetter = (c) => (c === 'x' ? 'y' : c === 'X' ? 'Y' : /[A-Z]/.test(c) ? 'X' : 'x');

/**
 * The scenario on one server: where to complete, hover, go to definition,
 * and the three one-character edits (each done, then undone).
 */
function scenario(lines, risk, syntax) {
  const sep = syntax === 'isms' ? ' ' : ': ';
  const ownerStart = after(lines, risk.lines.owner, `owner${sep}`);
  const controlsStart = syntax === 'isms' ? after(lines, risk.lines.controls, 'controls ') : after(lines, risk.lines.controls, 'controls: [');
  const ownerWord = /^[a-z0-9-]+/.exec(lines[ownerStart.line].slice(ownerStart.character))[0];
  const threatQuote = after(lines, risk.lines.threat, `threat${sep}"`);
  return {
    risk: risk.id,
    requests: [
      { key: 'completionOwner', label: `completion after "owner${sep}"`, method: 'textDocument/completion', position: ownerStart, target: TARGETS.completionMs },
      { key: 'completionControls', label: `completion after "${syntax === 'isms' ? 'controls ' : 'controls: ['}"`, method: 'textDocument/completion', position: controlsStart, target: TARGETS.completionMs },
      { key: 'hoverOwner', label: 'hover on an owner reference', method: 'textDocument/hover', position: middleOfWord(lines, ownerStart), target: TARGETS.hoverMs },
      { key: 'hoverControl', label: 'hover on an Annex A id', method: 'textDocument/hover', position: middleOfWord(lines, controlsStart), target: TARGETS.hoverMs },
      { key: 'definitionOwner', label: 'definition of an owner reference', method: 'textDocument/definition', position: middleOfWord(lines, ownerStart), target: TARGETS.definitionMs },
      { key: 'documentSymbols', label: 'document symbols (whole file)', method: 'textDocument/documentSymbol' },
    ],
    edits: [
      { key: 'likelihood', label: 'likelihood 2→3', ...oneCharEdit(lines, after(lines, risk.lines.likelihood, `likelihood${sep}`), '3') },
      { key: 'threat', label: 'a letter in the threat', ...oneCharEdit(lines, { ...threatQuote, character: threatQuote.character + 1 }, otherLetter) },
      { key: 'owner', label: `owner ${ownerWord} → a typo (unknown role)`, ...oneCharEdit(lines, { ...ownerStart, character: ownerStart.character + ownerWord.length - 1 }, otherLetter) },
    ],
  };
}

// ---------------------------------------------------------------------------
// The two servers

function ismsServer() {
  const path = join(WORK, options.file);
  if (!existsSync(path)) throw new Error(`${relative(REPO, path)} does not exist (a generated risk file, e.g. risks-03.isms)`);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const risk = findIsmsRisk(lines);
  const folder = pathToFileURL(WORK).href;
  return {
    key: 'isms',
    name: 'ISMS',
    command: process.execPath,
    args: [SERVER, '--stdio'],
    folder,
    uri: pathToFileURL(path).href,
    languageId: 'isms',
    text,
    lines: lines.length,
    opened: `${relative(REPO, path)} (${lines.length.toLocaleString('en')} lines), workspace folder ${relative(REPO, WORK)} indexed by the server`,
    settings: { isms: { asOf: AS_OF } },
    // After every analysis the server sends this notification, also when no diagnostics changed (and so none are published).
    analysisNotification: 'isms/analysisChanged',
    scenario: scenario(lines, risk, 'isms'),
    risk,
  };
}

function yamlServer(ismsRiskId) {
  const bin = join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (!existsSync(bin)) throw new Error('yaml-language-server is not installed (npm install)');
  const version = JSON.parse(readFileSync(join(REPO, 'node_modules/yaml-language-server/package.json'), 'utf8')).version;
  const generated = generateYaml(WORK, YAML_DIR);
  const path = options.yamlFile === 'part' ? generated.part : generated.yaml;
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const risk = findYamlRisk(lines, ismsRiskId);
  const schemaUri = pathToFileURL(generated.schema).href;
  const yamlSettings = {
    // Patterns are matched against the whole URI, with `**/` put before them;
    // picomatch's `**` does not enter dot directories, so `.work` is spelled out.
    schemas: { [schemaUri]: ['.work/yaml/risk-register.yaml', '.work/yaml/risks-part.yaml'] },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    key: 'yaml',
    name: `YAML (yaml-language-server ${version})`,
    version,
    command: process.execPath,
    args: [bin, '--stdio'],
    folder: pathToFileURL(YAML_DIR).href,
    uri: pathToFileURL(path).href,
    languageId: 'yaml',
    text,
    lines: lines.length,
    opened: `${relative(REPO, path)} (${lines.length.toLocaleString('en')} lines, ${options.yamlFile === 'part' ? `the risks of ${PART_OF}` : `all ${generated.risks} risks`}), schema ${relative(REPO, generated.schema)}`,
    settings: { yaml: yamlSettings, http: {}, '[yaml]': {}, editor: {} },
    scenario: scenario(lines, risk, 'yaml'),
    risk,
  };
}

function startSession(server) {
  return new LspSession({
    name: server.name,
    command: server.command,
    args: server.args,
    cwd: REPO,
    settings: server.settings,
    folders: [{ uri: server.folder, name: 'bench' }],
    timeoutMs: TIMEOUT_MS,
  });
}

// ---------------------------------------------------------------------------
// Measurements

/** One fresh server: spawn → initialize → didOpen → first diagnostics of the file. */
async function firstDiagnostics(server) {
  const session = startSession(server);
  try {
    await session.initialize(server.folder);
    const initializeMs = session.initializedAt - session.spawnedAt;
    const first = session.expect((e) => e.kind === 'diagnostics' && e.uri === server.uri, `first diagnostics for ${server.uri}`);
    const openedAt = session.open(server.uri, server.languageId, 1, server.text);
    const event = await first;
    const atDiagnostics = session.figures();
    await session.settle(300, STEP_TIMEOUT_MS);
    const end = session.figures();
    return {
      fromOpenMs: event.at - openedAt,
      fromSpawnMs: event.at - session.spawnedAt,
      initializeMs,
      diagnostics: event.count,
      version: event.version,
      serverCpuMs: atDiagnostics.cpuMs,
      peakRssMb: end.peakRssMb,
    };
  } finally {
    await session.stop();
  }
}

/** Waits for the diagnostics of `version` after a change; returns the time they arrived (and how they were signalled). */
async function afterChange(session, server, version, sentAt) {
  if (server.analysisNotification) {
    // The ISMS server publishes only diagnostics that changed, and then its
    // analysis notification; when nothing changed, only the notification. The
    // updated diagnostics are there at the first of the two.
    const published = session.expect((e) => e.kind === 'diagnostics' && e.uri === server.uri && e.version === version, `diagnostics of version ${version}`, STEP_TIMEOUT_MS);
    published.catch(() => {});
    const analysed = session.expect((e) => e.kind === 'notification' && e.method === server.analysisNotification, `${server.analysisNotification} after version ${version}`, STEP_TIMEOUT_MS);
    const first = await Promise.race([published.then((e) => ({ e, via: 'publishDiagnostics' })), analysed.then((e) => ({ e, via: 'analysis notification (diagnostics unchanged)' }))]);
    // Always consume the analysis notification of this change, so that it cannot answer the next one.
    await analysed;
    return { ms: first.e.at - sentAt, via: first.via, diagnostics: first.via === 'publishDiagnostics' ? first.e.count : undefined };
  }
  // yaml-language-server publishes after every validation, without a version.
  return undefined;
}

function describeResult(method, result) {
  if (result === null || result === undefined) return { empty: true, summary: 'null' };
  if (method === 'textDocument/completion') {
    const items = Array.isArray(result) ? result : result.items ?? [];
    return { empty: items.length === 0, summary: `${items.length} items${items.length ? `: ${items.slice(0, 4).map((i) => i.label).join(', ')}${items.length > 4 ? ', …' : ''}` : ''}` };
  }
  if (method === 'textDocument/hover') {
    const c = result.contents;
    const text = typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join(' ') : c?.value ?? '';
    return { empty: !text.trim(), summary: JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 70)) };
  }
  if (method === 'textDocument/definition') {
    const list = Array.isArray(result) ? result : [result];
    const where = list[0] ? `${(list[0].targetUri ?? list[0].uri ?? '').split('/').pop()}:${(list[0].targetRange ?? list[0].range)?.start.line + 1}` : '';
    return { empty: list.length === 0, summary: `${list.length} location${list.length === 1 ? '' : 's'}${where ? ` (${where})` : ''}` };
  }
  if (method === 'textDocument/documentSymbol') {
    let count = 0;
    const walk = (symbols) => {
      for (const s of symbols ?? []) {
        count++;
        walk(s.children);
      }
    };
    walk(result);
    return { empty: count === 0, summary: `${result.length} top-level, ${count} in all` };
  }
  return { empty: false, summary: 'answered' };
}

/** One server session: open, then edits, then requests; its peak RSS at the end. */
async function interactive(server, log) {
  const session = startSession(server);
  const out = { edits: [], requests: {} };
  try {
    await session.initialize(server.folder);
    out.capabilities = session.capabilities;
    const first = session.expect((e) => e.kind === 'diagnostics' && e.uri === server.uri, `first diagnostics for ${server.uri}`);
    const openedAt = session.open(server.uri, server.languageId, 1, server.text);
    const firstEvent = await first;
    out.firstDiagnosticsMs = firstEvent.at - openedAt;
    // Let the start-up settle (indexing, configuration, other files' diagnostics).
    await session.settle(500, STEP_TIMEOUT_MS);
    out.peakRssMbAfter = { open: session.figures().peakRssMb };

    // --- edits: rounds of (kind A done, undone, kind B done, undone, …)
    let version = 1;
    const kinds = server.scenario.edits;
    const rounds = Math.max(1, Math.ceil(options.edits / (kinds.length * 2)));
    log(`  ${server.key}: ${rounds * kinds.length * 2} edits on ${server.scenario.risk} …`);
    for (let round = 0; round < rounds; round++) {
      for (const kind of kinds) {
        for (const [text, phase] of [[kind.to, 'do'], [kind.from, 'undo']]) {
          version++;
          let waiter;
          if (!server.analysisNotification) {
            waiter = session.expect((e) => e.kind === 'diagnostics' && e.uri === server.uri, `diagnostics after the change to version ${version}`, STEP_TIMEOUT_MS);
          }
          const sentAt = session.change(server.uri, version, kind.range, text);
          let result;
          if (waiter) {
            const e = await waiter;
            result = { ms: e.at - sentAt, via: 'publishDiagnostics', diagnostics: e.count };
          } else {
            result = await afterChange(session, server, version, sentAt);
          }
          out.edits.push({ kind: kind.key, phase, version, ...result });
        }
      }
    }
    await session.settle(300, STEP_TIMEOUT_MS);
    out.peakRssMbAfter.edits = session.figures().peakRssMb;

    // --- requests
    const textDocument = { uri: server.uri };
    for (const request of server.scenario.requests) {
      log(`  ${server.key}: ${request.label} …`);
      const params = request.position ? { textDocument, position: request.position } : { textDocument };
      const record = { label: request.label, method: request.method, position: request.position, runsMs: [] };
      out.requests[request.key] = record;
      const firstAnswer = await session.request(request.method, params, STEP_TIMEOUT_MS);
      record.firstMs = firstAnswer.ms;
      if (firstAnswer.error) {
        record.status = notImplemented(firstAnswer.error) ? 'not implemented' : 'error';
        record.error = firstAnswer.error;
        continue;
      }
      let last = firstAnswer;
      for (let i = 0; i < options.requests; i++) {
        last = await session.request(request.method, params, STEP_TIMEOUT_MS);
        if (last.error) {
          record.status = 'error';
          record.error = last.error;
          break;
        }
        record.runsMs.push(last.ms);
      }
      if (!last.error) {
        const described = describeResult(request.method, last.result);
        record.status = described.empty ? 'empty' : 'ok';
        record.result = described.summary;
      }
      record.medianMs = median(record.runsMs);
      out.peakRssMbAfter[request.key] = session.figures().peakRssMb;
    }

    // --- coverage (ISMS only): after each edit, NIS2 and NIST CSF 2.0 coverage of the fresh analysis (isms/frameworks computes it
    // once per analysis, so each timed request computes it anew).
    if (server.analysisNotification) {
      log(`  ${server.key}: ${options.requests} edits, each followed by NIS2 + NIST CSF 2.0 coverage …`);
      const kind = kinds[0];
      const runsMs = [];
      let summary;
      for (let i = 0; i < options.requests; i++) {
        version++;
        const analysed = session.expect((e) => e.kind === 'notification' && e.method === server.analysisNotification, `analysis after version ${version}`, STEP_TIMEOUT_MS);
        session.change(server.uri, version, kind.range, i % 2 === 0 ? kind.to : kind.from);
        await analysed;
        const answer = await session.request('isms/frameworks', { frameworks: ['nis2', 'nist-csf-2.0'] }, STEP_TIMEOUT_MS);
        if (answer.error) {
          out.coverage = { status: notImplemented(answer.error) ? 'not implemented' : 'error', error: answer.error };
          break;
        }
        runsMs.push(answer.ms);
        summary = (answer.result?.frameworks ?? []).map((f) => `${f.framework.label} ${f.totals.covered}/${f.totals.total}`).join(', ');
      }
      if (runsMs.length % 2 === 1) {
        // Leave the file as it was for the next step.
        version++;
        const analysed = session.expect((e) => e.kind === 'notification' && e.method === server.analysisNotification, `analysis after version ${version}`, STEP_TIMEOUT_MS);
        session.change(server.uri, version, kind.range, kind.from);
        await analysed;
      }
      if (!out.coverage) out.coverage = { status: 'ok', runsMs, medianMs: median(runsMs), result: summary };
    }

    // --- an editor's rhythm: after each edit it asks again for the outline, the folding ranges and the
    // semantic tokens of the whole file (megabytes of answers each time): the peak RSS over a long session.
    const cycles = server.analysisNotification ? options.cycles : Math.min(3, options.cycles);
    const kind = kinds[0];
    log(`  ${server.key}: ${cycles} edits, each followed by outline, folding and semantic tokens …`);
    for (let cycle = 0; cycle < cycles; cycle++) {
      version++;
      const text = cycle % 2 === 0 ? kind.to : kind.from;
      const waiter = server.analysisNotification
        ? session.expect((e) => e.kind === 'notification' && e.method === server.analysisNotification, `analysis after version ${version}`, STEP_TIMEOUT_MS)
        : session.expect((e) => e.kind === 'diagnostics' && e.uri === server.uri, `diagnostics after the change to version ${version}`, STEP_TIMEOUT_MS);
      session.change(server.uri, version, kind.range, text);
      await waiter;
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
        await session.request(method, { textDocument }, STEP_TIMEOUT_MS);
      }
    }
    out.cycles = cycles;
    out.peakRssMbAfter.cycles = session.figures().peakRssMb;

    out.figures = session.figures();
    out.capabilityNames = Object.keys(session.capabilities ?? {}).filter((k) => session.capabilities[k]);
  } finally {
    out.figures ??= session.figures();
    await session.stop();
  }
  return out;
}

async function measure(server) {
  const result = { name: server.name, opened: server.opened, risk: server.scenario.risk, loadBefore: load() };
  try {
    say(`${server.name}: ${server.opened}`);
    say(`  ${server.key}: first diagnostics, 1 warm-up + ${options.runs} fresh servers …`);
    const warmUp = await firstDiagnostics(server);
    const runs = [];
    for (let i = 0; i < options.runs; i++) runs.push(await firstDiagnostics(server));
    result.firstDiagnostics = {
      warmUp,
      runs,
      fromOpenMedianMs: median(runs.map((r) => r.fromOpenMs)),
      fromSpawnMedianMs: median(runs.map((r) => r.fromSpawnMs)),
      serverCpuMedianMs: median(runs.map((r) => r.serverCpuMs).filter((v) => v !== undefined)),
      diagnostics: [...new Set(runs.map((r) => r.diagnostics))],
    };
    // The workspace is valid (and the YAML valid against its schema): the file's first diagnostics must be empty.
    const wrong = [warmUp, ...runs].find((r) => r.diagnostics !== 0);
    if (wrong) throw new Error(`the first diagnostics of ${server.uri} hold ${wrong.diagnostics} diagnostics; the generated workspace is valid, so none were expected`);
    say(`  ${server.key}: first diagnostics ${fmtMs(result.firstDiagnostics.fromOpenMedianMs)} from didOpen (median)`);
    const session = await interactive(server, say);
    const edits = session.edits.map((e) => e.ms);
    const byKind = {};
    for (const kind of server.scenario.edits) {
      const ms = session.edits.filter((e) => e.kind === kind.key).map((e) => e.ms);
      const via = [...new Set(session.edits.filter((e) => e.kind === kind.key).map((e) => e.via))];
      const diagnostics = [...new Set(session.edits.filter((e) => e.kind === kind.key).map((e) => `${e.phase}: ${e.diagnostics ?? '–'}`))];
      byKind[kind.key] = { label: kind.label, count: ms.length, medianMs: median(ms), p90Ms: percentile(ms, 90), via, diagnostics };
    }
    result.edits = { count: edits.length, medianMs: median(edits), p90Ms: percentile(edits, 90), maxMs: Math.max(...edits), byKind, runs: session.edits };
    result.requests = session.requests;
    result.coverage = session.coverage;
    result.capabilities = session.capabilityNames;
    result.interactiveFirstDiagnosticsMs = session.firstDiagnosticsMs;
    const rss = [...runs, warmUp].map((r) => r.peakRssMb).concat(session.figures.peakRssMb).filter((v) => v !== undefined);
    result.peakRssMb = rss.length ? Math.max(...rss) : undefined;
    result.peakRssInteractiveMb = session.figures.peakRssMb;
    result.peakRssInteractiveStepsMb = session.peakRssMbAfter;
  } catch (error) {
    result.failed = error instanceof TimeoutError ? `TIMEOUT: ${error.message}` : error.message;
    say(`  ${server.key}: FAILED: ${result.failed}`);
  }
  result.loadAfter = load();
  return result;
}

// ---------------------------------------------------------------------------
// Report

const fmtMs = (v) => (v === undefined ? '–' : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en')} ms`);
const fmtMb = (v) => (v === undefined ? '–' : `${Math.round(v)} MB`);

function requestCell(result, key, yaml) {
  if (!result || result.failed) return result ? 'FAILED' : 'skipped';
  const r = result.requests?.[key];
  if (!r) return '–';
  if (r.status === 'not implemented') return 'not implemented';
  if (r.status === 'error') return `error (${r.error?.message?.slice(0, 40)})`;
  if (r.status === 'empty') return yaml && key.startsWith('definition') ? `n/a (empty answer, ${fmtMs(r.medianMs)})` : `${fmtMs(r.medianMs)} (empty answer)`;
  return fmtMs(r.medianMs);
}

function verdict(value, target) {
  if (value === undefined || target === undefined) return '';
  return value <= target ? 'PASS' : 'FAIL';
}

function table(results) {
  const isms = results.isms;
  const yaml = results.yaml;
  const cell = (r, f) => (!r ? 'skipped' : r.failed ? 'FAILED' : f(r));
  const rows = [];
  const add = (metric, a, b, target, pass) => rows.push([metric, a, b, target, pass]);
  add('first diagnostics, from didOpen (median)', cell(isms, (r) => fmtMs(r.firstDiagnostics.fromOpenMedianMs)), cell(yaml, (r) => fmtMs(r.firstDiagnostics.fromOpenMedianMs)), `≤ ${fmtMs(TARGETS.firstDiagnosticsMs)}`, isms && !isms.failed ? verdict(isms.firstDiagnostics.fromOpenMedianMs, TARGETS.firstDiagnosticsMs) : '');
  add('first diagnostics, from spawn (median)', cell(isms, (r) => fmtMs(r.firstDiagnostics.fromSpawnMedianMs)), cell(yaml, (r) => fmtMs(r.firstDiagnostics.fromSpawnMedianMs)), '', '');
  add('  server CPU time until then (median)', cell(isms, (r) => fmtMs(r.firstDiagnostics.serverCpuMedianMs)), cell(yaml, (r) => fmtMs(r.firstDiagnostics.serverCpuMedianMs)), '', '');
  add('edit → diagnostics, median (all edits)', cell(isms, (r) => `${fmtMs(r.edits.medianMs)} (n=${r.edits.count})`), cell(yaml, (r) => `${fmtMs(r.edits.medianMs)} (n=${r.edits.count})`), `≤ ${fmtMs(TARGETS.editMs)}`, isms && !isms.failed ? verdict(isms.edits.medianMs, TARGETS.editMs) : '');
  add('edit → diagnostics, p90 (all edits)', cell(isms, (r) => fmtMs(r.edits.p90Ms)), cell(yaml, (r) => fmtMs(r.edits.p90Ms)), '', '');
  const kinds = (isms && !isms.failed ? isms : yaml)?.edits?.byKind ?? {};
  for (const key of Object.keys(kinds)) {
    const k = (r) => `${fmtMs(r.edits.byKind[key].medianMs)} / ${fmtMs(r.edits.byKind[key].p90Ms)}`;
    add(`  ${kinds[key].label.replace(/owner \S+ → /, 'owner → ')}: median / p90`, cell(isms, k), cell(yaml, k), '', '');
  }
  const requestRow = (key, label, target) => {
    const r = isms?.requests?.[key];
    const pass = r && r.status === 'ok' && target !== undefined ? verdict(r.medianMs, target) : r?.status === 'not implemented' ? 'n/a' : r?.status === 'empty' ? 'n/a (empty)' : '';
    add(label, requestCell(isms, key, false), requestCell(yaml, key, true), target !== undefined ? `≤ ${fmtMs(target)}` : '', pass);
  };
  requestRow('completionOwner', 'completion after "owner " (median)', TARGETS.completionMs);
  requestRow('completionControls', 'completion after "controls " (median)', TARGETS.completionMs);
  requestRow('hoverOwner', 'hover on an owner reference (median)', TARGETS.hoverMs);
  requestRow('hoverControl', 'hover on an Annex A id (median)', TARGETS.hoverMs);
  requestRow('definitionOwner', 'definition of an owner reference (median)', TARGETS.definitionMs);
  requestRow('documentSymbols', 'document symbols, whole file (median)', undefined);
  const coverage = isms?.coverage;
  add(
    'coverage NIS2 + NIST CSF 2.0 after an edit (median)',
    cell(isms, () => (!coverage ? '–' : coverage.status === 'ok' ? `${fmtMs(coverage.medianMs)} (${coverage.result})` : coverage.status)),
    'n/a',
    `≤ ${fmtMs(TARGETS.coverageMs)}`,
    coverage?.status === 'ok' ? verdict(coverage.medianMs, TARGETS.coverageMs) : '',
  );
  add('peak RSS (VmHWM, max over the servers)', cell(isms, (r) => fmtMb(r.peakRssMb)), cell(yaml, (r) => fmtMb(r.peakRssMb)), `≤ ${fmtMb(TARGETS.peakRssMb)}`, isms && !isms.failed ? verdict(isms.peakRssMb, TARGETS.peakRssMb) : '');
  add('load average (1 min) before / after', cell(isms, (r) => `${r.loadBefore[0]} / ${r.loadAfter[0]}`), cell(yaml, (r) => `${r.loadBefore[0]} / ${r.loadAfter[0]}`), '', '');

  const header = ['metric', 'ISMS', yaml ? 'YAML' : 'YAML', 'target', 'ISMS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `  ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')}`.trimEnd();
  return [line(header), `  ${widths.map((w) => '-'.repeat(w)).join('-|-')}`, ...rows.map(line)].join('\n');
}

function details(result) {
  const out = [];
  if (!result) return out;
  if (result.failed) {
    out.push(`  ${result.name}: FAILED: ${result.failed}`);
    return out;
  }
  out.push(`  ${result.name}: ${result.opened}; scenario on risk ${result.risk}`);
  const fd = result.firstDiagnostics;
  out.push(`    first diagnostics: runs from didOpen ${fd.runs.map((r) => Math.round(r.fromOpenMs)).join(', ')} ms; initialize answered after ${fmtMs(median(fd.runs.map((r) => r.initializeMs)))}; diagnostics in the file: ${fd.diagnostics.join(', ')}`);
  for (const kind of Object.values(result.edits.byKind)) {
    out.push(`    edit "${kind.label}": ${kind.count} edits, signalled by ${kind.via.join(' / ')}; diagnostics ${kind.diagnostics.join(', ')}`);
  }
  for (const r of Object.values(result.requests ?? {})) {
    const at = r.position ? ` at ${r.position.line + 1}:${r.position.character + 1}` : '';
    const what = r.status === 'ok' || r.status === 'empty' ? `${r.result}; first ${fmtMs(r.firstMs)}, median ${fmtMs(r.medianMs)}, max ${fmtMs(Math.max(...r.runsMs))}` : `${r.status}${r.error ? ` (${r.error.code}: ${r.error.message})` : ''}`;
    out.push(`    ${r.label}${at}: ${what}`);
  }
  const fdRss = [fd.warmUp, ...fd.runs].map((r) => r.peakRssMb).filter((v) => v !== undefined);
  out.push(`    peak RSS: ${fdRss.length ? fmtMb(Math.max(...fdRss)) : '–'} in the first-diagnostics servers (open + first analysis), ${fmtMb(result.peakRssInteractiveMb)} in the server that then took the edits and requests (VmHWM after ${Object.entries(result.peakRssInteractiveStepsMb ?? {})
      .map(([step, mb]) => `${step} ${fmtMb(mb)}`)
      .join(', ')})`);
  out.push(`    server capabilities: ${(result.capabilities ?? []).join(', ')}`);
  return out;
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  if (!options.only || options.only === 'isms') {
    if (!existsSync(SERVER)) {
      console.error(`bench/lsp: ${relative(REPO, SERVER)} does not exist: run \`npm run build\` (or \`npm run bench:lsp\`)`);
      process.exit(1);
    }
  }
  const manifest = ensureWorkspace({ risks: options.risks, regenerate: options.regenerate, say });
  const started = now();
  const figures = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    asOf: AS_OF,
    options: { runs: options.runs, edits: options.edits, requests: options.requests, file: options.file, yamlFile: options.yamlFile, timeoutS: options.timeoutS },
    workspace: { files: manifest.files.length, lines: manifest.lines, bytes: manifest.bytes, risks: manifest.risks, assets: manifest.assets },
    targets: TARGETS,
    loadAverage: { start: load() },
    results: {},
  };
  let ismsRiskId;
  if (!options.only || options.only === 'isms') {
    const server = ismsServer();
    ismsRiskId = server.scenario.risk;
    figures.results.isms = await measure(server);
  }
  if (!options.only || options.only === 'yaml') {
    ismsRiskId ??= findIsmsRisk(readFileSync(join(WORK, options.file), 'utf8').split('\n')).id;
    let server;
    try {
      server = yamlServer(ismsRiskId);
    } catch (error) {
      figures.results.yaml = { name: 'YAML', failed: error.message };
    }
    if (server) figures.results.yaml = await measure(server);
  }
  figures.loadAverage.end = load();
  figures.elapsedS = (now() - started) / 1000;

  say(
    `\nLSP benchmark — Node ${process.version}, ${figures.cpus} × ${figures.cpu}; workspace ${manifest.files.length} files, ${manifest.lines.toLocaleString('en')} lines ` +
      `(${manifest.risks} risks); --as-of ${AS_OF}; medians of ${options.runs} fresh servers (first diagnostics), ${options.edits}+ edits, ${options.requests} requests each`,
  );
  say(`load average (1, 5, 15 min): ${figures.loadAverage.start.join(', ')} at the start, ${figures.loadAverage.end.join(', ')} at the end (${figures.cpus} cores)\n`);
  say(table(figures.results));
  say('');
  for (const line of [...details(figures.results.isms), ...details(figures.results.yaml)]) say(line);
  say('');
  if (options.json) console.log(JSON.stringify(figures, null, 2));
  const failed = Object.values(figures.results).some((r) => r.failed);
  process.exitCode = failed ? 1 : 0;
}

await main();
