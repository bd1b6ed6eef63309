/**
 * The ISMS views of the activity bar: Clauses, Risks, Statement of
 * Applicability and Frameworks. They render the server's custom requests and refresh after
 * each analysis (debounced), on `isms.refreshViews` and when workspace
 * folders change. They never parse `.isms` text.
 */
import * as vscode from 'vscode';
import type { IsmsRequests } from '../server-requests';
import { ClausesTreeProvider } from './clauses-tree';
import { FrameworksTreeProvider, registerFrameworksCommands } from './frameworks-tree';
import type { IsmsTreeProvider, TreeNode } from './node-tree';
import { RisksTreeProvider } from './risks-tree';
import { registerSoaCommands, SoaTreeProvider } from './soa-tree';

/** Analyses come in bursts (typing, a save of several files): refresh once they settle. */
const REFRESH_DELAY_MS = 100;

export interface IsmsViews {
  readonly clauses: ClausesTreeProvider;
  readonly risks: RisksTreeProvider;
  readonly soa: SoaTreeProvider;
  readonly frameworks: FrameworksTreeProvider;
  refresh(): void;
}

export function registerIsmsViews(context: vscode.ExtensionContext, requests: IsmsRequests): IsmsViews {
  const clauses = new ClausesTreeProvider(requests);
  const risks = new RisksTreeProvider(requests);
  const soa = new SoaTreeProvider(requests);
  const frameworks = new FrameworksTreeProvider(requests);
  const providers: IsmsTreeProvider<unknown>[] = [clauses, risks, soa, frameworks];
  const create = (id: string, provider: vscode.TreeDataProvider<TreeNode>) =>
    vscode.window.createTreeView<TreeNode>(id, { treeDataProvider: provider, showCollapseAll: true });
  const soaView = create('isms.soa', soa);
  const frameworksView = create('isms.frameworks', frameworks);
  context.subscriptions.push(...providers, create('isms.clauses', clauses), create('isms.risks', risks), soaView, frameworksView);

  const refresh = () => {
    for (const provider of providers) provider.refresh();
  };
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      refresh();
    }, REFRESH_DELAY_MS);
  };
  context.subscriptions.push(
    requests.onAnalysisChanged(refreshSoon),
    // Also on new diagnostics of `.isms` files: another analysis happened (debounced with the above).
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.path.endsWith('.isms'))) refreshSoon();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(refreshSoon),
    vscode.commands.registerCommand('isms.refreshViews', refresh),
    { dispose: () => timer && clearTimeout(timer) },
  );
  registerSoaCommands(context, soaView, soa, requests);
  registerFrameworksCommands(context, frameworksView, frameworks);
  return { clauses, risks, soa, frameworks, refresh };
}
