/**
 * The extension's lines in the ISMS output channel (shared with the language
 * server's), as the TypeScript and rust-analyzer extensions log: start-up,
 * folders, file counts and analysis times at `info`; with `isms.logLevel`
 * `debug`, every analysis notification and custom request with its time.
 */
import * as vscode from 'vscode';
import type { AnalysisChangedParams } from './server-requests';

export interface IsmsLog {
  info(message: string): void;
  debug(message: string): void;
}

export function createLog(output: vscode.LogOutputChannel): IsmsLog {
  const debugOn = () => vscode.workspace.getConfiguration('isms').get<string>('logLevel') === 'debug';
  return {
    info: (message) => output.info(message),
    debug: (message) => {
      if (debugOn()) output.info(`[debug] ${message}`);
    },
  };
}

/** `clinic: 7 files analysed in 42 ms: 0 errors, 2 warnings, SoA 93/93`. */
export function analysisLine(params: AnalysisChangedParams): string {
  const name = decodeURIComponent(params.folderUri.replace(/\/+$/, '').split('/').pop() ?? params.folderUri);
  const files = params.files === undefined ? '' : `${params.files} ${params.files === 1 ? 'file' : 'files'} `;
  const time = params.analysisMs === undefined ? '' : ` in ${params.analysisMs} ms`;
  return `${name}: ${files}analysed${time}: ${params.errors} errors, ${params.warnings} warnings, SoA ${params.soaDeclared}/93`;
}
