/**
 * Helpers of the editor tests: run a headless editor on a copy of
 * examples/flawed and read the JSON it writes; take the configuration
 * snippets out of docs/editors.md so that the tests run them as documented.
 */
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (this file runs from out/test/editors/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The server bundle; ISMS_SERVER may point at another build. */
export const SERVER = path.resolve(process.env.ISMS_SERVER || path.join(ROOT, 'dist', 'server.js'));
/** The placeholder of the server's path in docs/editors.md. */
export const DOCS_SERVER_PATH = '/path/to/isms-studio/dist/server.js';

export interface EditorRun<R> {
  /** The exit code; null when the editor was killed. */
  readonly status: number | null;
  readonly stderr: string;
  readonly result: R;
  /** The copy of examples/flawed the editor worked on. */
  readonly fixture: string;
  /** The temporary folder of the run (fixture, result, the editor's home). */
  readonly temp: string;
}

/** Fails (never skips) when `command` does not run. */
export function requireEditor(command: string, packages: string): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${command} is not installed or does not run (${probe.error?.message ?? `exit ${probe.status}`}): ` +
        `install it with .ci/install-editors.sh (apt-get install ${packages}). This test does not skip.`,
    );
  }
}

export function requireServer(): void {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
}

/** A temporary folder with a copy of examples/flawed in `flawed/` and an empty `home/`. */
export function prepare(): { temp: string; fixture: string; home: string; resultFile: string } {
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-editor-')));
  const fixture = path.join(temp, 'flawed');
  fs.cpSync(path.join(ROOT, 'examples', 'flawed'), fixture, { recursive: true });
  const home = path.join(temp, 'home');
  fs.mkdirSync(home);
  return { temp, fixture, home, resultFile: path.join(temp, 'result.json') };
}

/** Runs `command args` (bounded) and reads the JSON result it must write. */
export function runEditor<R>(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  prepared: ReturnType<typeof prepare>,
): Promise<EditorRun<R>> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, env, timeout: 50_000, encoding: 'utf8' }, (error, _stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (!fs.existsSync(prepared.resultFile)) {
        reject(new Error(`${command} wrote no result (exit ${status}, ${error?.signal ?? 'no signal'}; files kept in ${prepared.temp}):\n${stderr}`));
        return;
      }
      const result = JSON.parse(fs.readFileSync(prepared.resultFile, 'utf8')) as R;
      resolve({ status, stderr, result, fixture: prepared.fixture, temp: prepared.temp });
    });
  });
}

/**
 * The first fenced block of docs/editors.md in `language` that contains
 * `marker`, with the placeholder path of the server replaced by SERVER.
 */
export function docsSnippet(language: string, marker: string): string {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'editors.md'), 'utf8');
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  for (const match of docs.matchAll(fence)) {
    if (match[1].includes(marker)) return match[1].split(DOCS_SERVER_PATH).join(SERVER);
  }
  throw new Error(`docs/editors.md has no \`\`\`${language} block with ${marker}`);
}
