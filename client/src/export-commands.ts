/**
 * `isms.export`: the SoA and the risk register, exported by the server
 * (`isms/export`) and written where the user says.
 *
 * Arguments, all optional:
 * - a format (`md`, `html`, `csv`, `risks-csv`, `xlsx`, `json`): no format
 *   QuickPick;
 * - a `vscode.Uri` (from a menu): the folder of that resource;
 * - `{ format?, folderUri?, target?, ifErrors? }`: `target` skips the save
 *   dialog and the offer to open (tests use it); `folderUri` names the folder
 *   (the preview passes its own); `ifErrors` answers the draft warning
 *   without asking. Errors are rethrown to such callers.
 *
 * Issue 13 (false green 4): when the folder's `.isms` files have errors, a
 * modal warning says how many before anything is written, with a choice to
 * export anyway as a draft or to cancel.
 *
 * Returns the URI written, or `undefined` when cancelled.
 */
import * as vscode from 'vscode';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './preview/messages';
import { previewTarget, type PreviewTarget } from './preview/soa-preview';
import type { ExportResult, IsmsRequests } from './server-requests';

export interface ExportCommandOptions {
  readonly format?: ExportFormat;
  /** A folder (or a file in it) to export; default: the active editor's folder. */
  readonly folderUri?: string | vscode.Uri;
  /** Where to write, without asking; no offer to open either. */
  readonly target?: vscode.Uri;
  /** When the folder has errors: `ask` (default, a modal warning), `draft` (export without asking), `cancel`. */
  readonly ifErrors?: 'ask' | 'draft' | 'cancel';
}

/** The button of the draft warning that exports anyway (the modal's own Cancel cancels). */
export const EXPORT_AS_DRAFT = 'Export as Draft';

function isIn(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base);
}

/** The error diagnostics of the `.isms` files in a folder, as VS Code holds them (what the Problems panel shows). */
export function errorCount(folder: vscode.Uri): number {
  let count = 0;
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!/\.isms$/i.test(uri.path) || !isIn(uri, folder)) continue;
    count += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return count;
}

/**
 * The draft warning's text: the error count and what exporting now means.
 * `hidden`: how many of the errors the Problems panel does not show (`isms.severity`, `isms-ignore` comments).
 */
export function draftWarning(name: string, errors: number, hidden = 0): { message: string; detail: string } {
  const where =
    hidden === 0
      ? 'see the Problems panel'
      : `${hidden === errors ? (errors === 1 ? 'it is' : 'all are') : `${hidden} of them ${hidden === 1 ? 'is' : 'are'}`} hidden from the Problems panel (by isms.severity or an isms-ignore comment), but not from an auditor`;
  return {
    message: `${name} has ${errors} ${errors === 1 ? 'error' : 'errors'}: export it anyway as a draft?`,
    detail:
      'An export of an ISMS with errors is not a final Statement of Applicability: an auditor would find the same problems. ' +
      `Fix them first (${where}), or export a draft to share work in progress.`,
  };
}

/**
 * `true` to go on with the export. The errors are those that make the SoA a
 * draft (the server's count, at the standard severities, which the export's
 * banner prints); without an answer from the server, those of the Problems panel.
 */
async function confirmDraft(requests: IsmsRequests, target: PreviewTarget, ifErrors: ExportCommandOptions['ifErrors']): Promise<boolean> {
  const shown = errorCount(defaultDirectory(target));
  const errors = (await requests.soaTable(target.uri).catch(() => null))?.errors ?? shown;
  if (errors === 0 || ifErrors === 'draft') return true;
  if (ifErrors === 'cancel') return false;
  const { message, detail } = draftWarning(target.name, errors, Math.max(0, errors - shown));
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, EXPORT_AS_DRAFT);
  return choice === EXPORT_AS_DRAFT;
}

interface FormatItem extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  /** Save dialog filter. */
  readonly filter: readonly [string, string];
}

/** The choices of the format QuickPick, in this order. */
export const EXPORT_FORMAT_ITEMS: readonly FormatItem[] = Object.freeze(
  EXPORT_FORMATS.map((format): FormatItem => ({
    format: format.id,
    label: format.label,
    description: `.${format.extension}`,
    detail: format.detail,
    filter: [format.filterName, format.extension],
  })),
);

/** The command's argument, whatever called it, as options; `undefined` for an argument it does not understand. */
export function exportOptions(arg: unknown): ExportCommandOptions | undefined {
  if (arg === undefined || arg === null) return {};
  if (typeof arg === 'string') return isExportFormat(arg) ? { format: arg } : undefined;
  if (arg instanceof vscode.Uri) return { folderUri: arg };
  if (typeof arg !== 'object') return undefined;
  const { format, folderUri, target, ifErrors } = arg as Record<string, unknown>;
  if (format !== undefined && !isExportFormat(format)) return undefined;
  if (folderUri !== undefined && typeof folderUri !== 'string' && !(folderUri instanceof vscode.Uri)) return undefined;
  if (target !== undefined && !(target instanceof vscode.Uri)) return undefined;
  if (ifErrors !== undefined && ifErrors !== 'ask' && ifErrors !== 'draft' && ifErrors !== 'cancel') return undefined;
  return { format, folderUri, target, ifErrors };
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const item = await vscode.window.showQuickPick(EXPORT_FORMAT_ITEMS, {
    title: 'Export the Statement of Applicability and the risk register',
    placeHolder: 'Format',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return item?.format;
}

async function exportTarget(folderUri: string | vscode.Uri | undefined): Promise<PreviewTarget | undefined> {
  if (folderUri === undefined) return previewTarget();
  const uri = typeof folderUri === 'string' ? vscode.Uri.parse(folderUri) : folderUri;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? { uri: folder.uri.toString(), name: folder.name } : { uri: uri.toString(), name: uri.path };
}

/** Where the save dialog starts: the workspace folder, or the folder of a file outside every folder. */
function defaultDirectory(target: PreviewTarget): vscode.Uri {
  const uri = vscode.Uri.parse(target.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return folder.uri;
  return /\.isms$/i.test(uri.path) ? vscode.Uri.joinPath(uri, '..') : uri;
}

/** The server's suggested file name, as a plain name (no directories). */
function safeFileName(result: ExportResult, format: ExportFormat): string {
  const name = result.fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return name !== '' && name !== '.' && name !== '..' ? name : `isms-export.${format === 'risks-csv' ? 'csv' : format}`;
}

export function contentBytes(result: ExportResult): Uint8Array {
  return result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : new TextEncoder().encode(result.content);
}

async function offerToOpen(uri: vscode.Uri, format: ExportFormat): Promise<void> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  const choices = format === 'xlsx' ? ['Open'] : format === 'html' ? ['Open', 'Open in Browser'] : ['Open'];
  const choice = await vscode.window.showInformationMessage(`Exported ${name}.`, ...choices);
  if (choice === 'Open in Browser' || (choice === 'Open' && format === 'xlsx')) await vscode.env.openExternal(uri);
  else if (choice === 'Open') await vscode.window.showTextDocument(uri, { preview: false });
}

/** Runs the export; returns the URI written, or `undefined` when the user cancelled. */
export async function exportIsms(requests: IsmsRequests, options: ExportCommandOptions): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Exports write files: trust this workspace to export its Statement of Applicability.');
    return undefined;
  }
  const target = await exportTarget(options.folderUri);
  if (!target) {
    void vscode.window.showWarningMessage('Open a workspace folder with .isms files to export its Statement of Applicability.');
    return undefined;
  }
  const format = options.format ?? (await pickFormat());
  if (!format) return undefined;
  // Before anything is fetched or written: an ISMS with errors exports as a draft only if the user says so.
  if (!(await confirmDraft(requests, target, options.ifErrors))) return undefined;

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `ISMS: exporting ${format.toUpperCase()}…` },
    () => requests.export(format, target.uri),
  );
  if (!result) throw new Error(`the language server could not export ${target.name} (see the ISMS output channel)`);

  let destination = options.target;
  if (!destination) {
    const item = EXPORT_FORMAT_ITEMS.find((i) => i.format === format)!;
    destination = await vscode.window.showSaveDialog({
      title: `Export ${item.label}`,
      saveLabel: 'Export',
      defaultUri: vscode.Uri.joinPath(defaultDirectory(target), safeFileName(result, format)),
      filters: { [item.filter[0]]: [item.filter[1]] },
    });
    if (!destination) return undefined;
  }
  await vscode.workspace.fs.writeFile(destination, contentBytes(result));
  if (!options.target) void offerToOpen(destination, format);
  return destination;
}

export function registerExportCommands(context: vscode.ExtensionContext, requests: IsmsRequests): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.export', async (arg?: unknown) => {
      const options = exportOptions(arg);
      if (!options) {
        void vscode.window.showErrorMessage(`ISMS export: unknown argument (${typeof arg}); expected a format such as "md" or { format, target }.`);
        return undefined;
      }
      const programmatic = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri);
      try {
        return await exportIsms(requests, options);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`ISMS export failed: ${message}`);
        if (programmatic) throw error;
        return undefined;
      }
    }),
  );
}
