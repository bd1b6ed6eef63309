/** The Clauses view: clauses 4–10 with pass / warn / fail and the findings under each. */
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
    return data.clauses.map((clause) => {
      const item = new vscode.TreeItem(
        clauseLabel(clause),
        clause.findings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = ids.id('clause', clause.clause);
      item.description = clauseDescription(clause);
      item.iconPath = themeIcon(clauseIcon(clause.status));
      item.tooltip = markdown(clauseTooltip(clause));
      item.contextValue = `isms.clause.${clause.status}`;
      const children = sortFindings(clause.findings).map((finding): TreeNode => {
        const child = new vscode.TreeItem(finding.message.split(/\r?\n|\r/)[0], vscode.TreeItemCollapsibleState.None);
        child.id = ids.id('clause', clause.clause, 'finding', finding.code);
        child.description = finding.code;
        child.iconPath = themeIcon(findingIcon(finding.severity));
        child.tooltip = markdown(findingTooltip(finding));
        child.contextValue = 'isms.finding';
        if (finding.location) child.command = revealCommand(finding.location);
        return { item: child };
      });
      return { item, children };
    });
  }
}
