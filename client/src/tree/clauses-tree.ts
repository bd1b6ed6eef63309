/**
 * The Clauses view: clauses 4–10 and their sub-clauses with fail / warn /
 * pass / unverified, the findings under each, and for an unverified clause
 * what the ISMS records and what an auditor will ask.
 */
import * as vscode from 'vscode';
import type { ClauseStatusResult, IsmsRequests } from '../server-requests';
import {
  clauseDescription,
  clauseIcon,
  clauseLabel,
  clausesSummary,
  clauseTooltip,
  findingIcon,
  findingTooltip,
  sortFindings,
  subClauses,
  unverifiedRows,
  type ClauseRow,
} from './clause-items';
import { IdScope, IsmsTreeProvider, markdown, revealCommand, themeIcon, type TreeNode } from './node-tree';

export class ClausesTreeProvider extends IsmsTreeProvider<ClauseStatusResult> {
  constructor(private readonly requests: IsmsRequests) {
    super();
  }

  protected fetch(uri: string | undefined): Promise<ClauseStatusResult | null> {
    return this.requests.clauseStatus(uri);
  }

  protected summary(data: ClauseStatusResult): string {
    return clausesSummary(data.clauses);
  }

  protected nodes(data: ClauseStatusResult, ids: IdScope): TreeNode[] {
    const all = data.clauses;
    const node = (clause: ClauseRow): TreeNode => {
      const children: TreeNode[] = [
        ...subClauses(clause, all).map(node),
        ...sortFindings(clause.findings).map((finding): TreeNode => {
          const child = new vscode.TreeItem(finding.message.split(/\r?\n|\r/)[0], vscode.TreeItemCollapsibleState.None);
          child.id = ids.id('clause', clause.clause, 'finding', finding.code);
          child.description = finding.suppressed !== undefined ? `${finding.code} · suppressed` : finding.code;
          child.iconPath = themeIcon(findingIcon(finding.severity));
          child.tooltip = markdown(findingTooltip(finding));
          child.contextValue = 'isms.finding';
          if (finding.location) child.command = revealCommand(finding.location);
          return { item: child };
        }),
        ...unverifiedRows(clause, all).map((row): TreeNode => {
          const child = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
          child.id = ids.id('clause', clause.clause, row.kind);
          child.tooltip = row.label;
          child.iconPath = new vscode.ThemeIcon(row.kind === 'records' ? 'database' : 'comment-discussion');
          child.contextValue = `isms.clause.${row.kind}`;
          return { item: child };
        }),
      ];
      const item = new vscode.TreeItem(clauseLabel(clause), children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = ids.id('clause', clause.clause);
      item.description = clauseDescription(clause, all);
      item.iconPath = themeIcon(clauseIcon(clause.status));
      item.tooltip = markdown(clauseTooltip(clause, all));
      item.contextValue = `isms.clause.${clause.status}`;
      return { item, children };
    };
    return all.filter((clause) => clause.parent === undefined).map(node);
  }
}
