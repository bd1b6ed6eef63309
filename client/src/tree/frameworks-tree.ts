/**
 * The Frameworks view: each framework the organization declares →
 * function/section → requirement with its status → the mapped controls
 * (revealing their SoA entry) and clauses; a filter by status. Renders the
 * server's `isms/frameworks`; never parses.
 */
import * as vscode from 'vscode';
import type { FrameworksResult, IsmsRequests } from '../server-requests';
import {
  filterLabel,
  frameworksSummary,
  frameworkTooltip,
  requirementTargets,
  requirementTooltip,
  requirementTrees,
  STATUS_FILTERS,
  statusIcon,
  targetDescription,
  targetIcon,
  targetLabel,
  totalsText,
  type CoverageStatus,
  type RequirementTree,
} from './framework-items';
import { IdScope, IsmsTreeProvider, markdown, noteNode, revealCommand, themeIcon, type TreeNode } from './node-tree';

export class FrameworksTreeProvider extends IsmsTreeProvider<FrameworksResult> {
  filter: CoverageStatus | undefined;

  constructor(private readonly requests: IsmsRequests) {
    super();
  }

  protected fetch(uri: string | undefined): Promise<FrameworksResult | null> {
    return this.requests.frameworks(uri);
  }

  protected summary(data: FrameworksResult): string {
    return frameworksSummary(data);
  }

  protected nodes(data: FrameworksResult, ids: IdScope): TreeNode[] {
    const nodes: TreeNode[] = [];
    for (const error of data.packErrors) {
      const item = new vscode.TreeItem(`${error.file}:${error.line}:${error.column}`, vscode.TreeItemCollapsibleState.None);
      item.id = ids.id('pack-error', error.file);
      item.description = `malformed mapping pack: ${error.message}`;
      item.tooltip = error.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      nodes.push({ item });
    }
    if (data.frameworks.length === 0) {
      nodes.push(noteNode(ids.id('none'), `No frameworks declared: add "frameworks ${data.available.join(', ')}" to the organization`));
      return nodes;
    }
    for (const framework of data.frameworks) {
      const item = new vscode.TreeItem(framework.framework.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = ids.id('framework', framework.framework.id);
      item.description = totalsText(framework.totals);
      item.tooltip = markdown(frameworkTooltip(framework, data.meaning));
      item.iconPath = new vscode.ThemeIcon('checklist');
      item.contextValue = 'isms.framework';
      const groups = framework.groups.flatMap((group): TreeNode[] => {
        const trees = requirementTrees(group.requirements, this.filter);
        if (trees.length === 0) return [];
        const groupItem = new vscode.TreeItem(`${group.id} ${group.name}`, vscode.TreeItemCollapsibleState.Collapsed);
        groupItem.id = ids.id('framework', framework.framework.id, 'group', group.id);
        groupItem.description = this.filter ? `${trees.length} ${this.filter === 'gap' && trees.length !== 1 ? 'gaps' : this.filter}` : totalsText(group.totals);
        groupItem.contextValue = 'isms.frameworkGroup';
        return [{ item: groupItem, children: trees.map((tree) => this.requirementNode(tree, framework, ids, data.meaning)) }];
      });
      nodes.push({ item, children: groups });
    }
    return nodes;
  }

  private requirementNode(tree: RequirementTree, framework: FrameworksResult['frameworks'][number], ids: IdScope, meaning: string): TreeNode {
    const { requirement } = tree;
    const frameworkId = framework.framework.id;
    const item = new vscode.TreeItem(requirement.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = ids.id('framework', frameworkId, 'requirement', requirement.id);
    item.description = requirement.title;
    item.tooltip = markdown(requirementTooltip(requirement, framework.targets, meaning));
    item.iconPath = themeIcon(statusIcon(requirement.status));
    item.contextValue = `isms.requirement.${requirement.status}`;
    const targets = requirementTargets(requirement, framework.targets).map((target): TreeNode => {
      const child = new vscode.TreeItem(targetLabel(target), vscode.TreeItemCollapsibleState.None);
      child.id = ids.id('framework', frameworkId, 'requirement', requirement.id, 'target', target.id);
      child.description = targetDescription(target);
      child.iconPath = themeIcon(targetIcon(target));
      child.contextValue = `isms.mapped.${target.kind}`;
      if (target.location) child.command = revealCommand(target.location);
      return { item: child };
    });
    const children = [...tree.children.map((sub) => this.requirementNode(sub, framework, ids, meaning)), ...targets];
    if (children.length === 0) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
    return { item, children };
  }
}

export function registerFrameworksCommands(context: vscode.ExtensionContext, view: vscode.TreeView<TreeNode>, provider: FrameworksTreeProvider): void {
  const apply = async (filter: CoverageStatus | undefined) => {
    provider.filter = filter;
    view.description = filter ? filterLabel(filter) : undefined;
    provider.rerender();
    await vscode.commands.executeCommand('setContext', 'isms.frameworksFiltered', filter !== undefined);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.filterFrameworksByStatus', async (status?: CoverageStatus) => {
      const chosen =
        status ??
        (await vscode.window.showQuickPick(STATUS_FILTERS.map((s) => ({ label: s })), { title: 'Show the requirements of one status', placeHolder: 'covered, partial, gap or unmapped' }))
          ?.label;
      if (chosen) await apply(chosen as CoverageStatus);
    }),
    vscode.commands.registerCommand('isms.clearFrameworksFilter', () => apply(undefined)),
    vscode.commands.registerCommand('isms.showFramework', async () => {
      await vscode.commands.executeCommand('isms.frameworks.focus');
    }),
  );
  void vscode.commands.executeCommand('setContext', 'isms.frameworksFiltered', false);
}
