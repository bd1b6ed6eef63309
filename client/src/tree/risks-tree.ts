/** The Risks view: the risk register grouped by where each risk stands against acceptance (see risk-bands.ts). */
import * as vscode from 'vscode';
import type { IsmsRequests, RiskRegisterResult } from '../server-requests';
import { IdScope, IsmsTreeProvider, markdown, noteNode, revealCommand, themeIcon, type TreeNode } from './node-tree';
import { riskBands, riskDescription, riskIcon, riskLabel, risksSummary, riskTooltip } from './risk-bands';

export class RisksTreeProvider extends IsmsTreeProvider<RiskRegisterResult> {
  constructor(private readonly requests: IsmsRequests) {
    super();
  }

  protected fetch(uri: string | undefined): Promise<RiskRegisterResult | null> {
    return this.requests.riskRegister(uri);
  }

  protected summary(data: RiskRegisterResult): string {
    return risksSummary(data.risks);
  }

  protected nodes(data: RiskRegisterResult, ids: IdScope): TreeNode[] {
    if (data.risks.length === 0) return [noteNode(ids.id('none'), 'No risks yet: add a risk to the ISMS')];
    return riskBands(data.risks).map((band) => {
      const item = new vscode.TreeItem(band.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = ids.id('band', band.id);
      item.description = band.description;
      item.contextValue = `isms.riskBand.${band.id}`;
      const children = band.risks.map((risk): TreeNode => {
        const child = new vscode.TreeItem(riskLabel(risk), vscode.TreeItemCollapsibleState.None);
        child.id = ids.id('risk', risk.id);
        child.description = riskDescription(risk);
        child.iconPath = themeIcon(riskIcon(risk));
        child.tooltip = markdown(riskTooltip(risk, data.scales));
        child.contextValue = 'isms.risk';
        if (risk.location) child.command = revealCommand(risk.location);
        return { item: child };
      });
      return { item, children };
    });
  }
}
