/**
 * The Statement of Applicability view: Annex A controls by theme (then the
 * custom ones), with the decision and status of each, and a filter by
 * ISO/IEC 27002:2022 attribute.
 */
import * as vscode from 'vscode';
import type { IsmsRequests, SoaTableResult } from '../server-requests';
import { reveal } from '../reveal';
import { IdScope, IsmsTreeProvider, markdown, noteNode, revealCommand, themeIcon, type FolderTarget, type TreeNode } from './node-tree';
import { attributeChoices, filterLabel, type AttributeFilter } from './soa-filter';
import { controlDescription, controlIcon, controlLabel, controlTooltip, soaSummary, themeGroups } from './soa-items';

/** Internal (not in the command palette): the click on a control that has no SoA entry. */
export const MISSING_ENTRY_COMMAND = 'isms.soaEntryMissing';

export class SoaTreeProvider extends IsmsTreeProvider<SoaTableResult> {
  private currentFilter: AttributeFilter | undefined;

  constructor(private readonly requests: IsmsRequests) {
    super();
  }

  get filter(): AttributeFilter | undefined {
    return this.currentFilter;
  }

  set filter(filter: AttributeFilter | undefined) {
    this.currentFilter = filter;
    this.rerender();
  }

  protected fetch(uri: string | undefined): Promise<SoaTableResult | null> {
    return this.requests.soaTable(uri);
  }

  protected summary(data: SoaTableResult): string {
    return soaSummary(data.rows);
  }

  protected nodes(data: SoaTableResult, ids: IdScope, folder: FolderTarget): TreeNode[] {
    const filter = this.currentFilter;
    const groups = themeGroups(data, filter);
    if (groups.length === 0) {
      return [noteNode(ids.id('none'), filter ? `No control has ${filterLabel(filter)}` : 'No controls')];
    }
    return groups.map((group) => {
      // Filtered groups open expanded; their own ids keep the unfiltered expansion state apart.
      const item = new vscode.TreeItem(group.title, filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = filter ? ids.id('theme', group.theme, `filter:${filter.key}=${filter.value}`) : ids.id('theme', group.theme);
      item.description = group.description;
      item.contextValue = 'isms.soaTheme';
      const children = group.rows.map((row): TreeNode => {
        const child = new vscode.TreeItem(controlLabel(row), vscode.TreeItemCollapsibleState.None);
        child.id = ids.id('control', row.id);
        child.description = controlDescription(row);
        child.iconPath = themeIcon(controlIcon(row));
        child.tooltip = markdown(controlTooltip(row));
        child.contextValue = row.declared ? 'isms.control' : 'isms.control.missing';
        child.command = row.location
          ? revealCommand(row.location)
          : { command: MISSING_ENTRY_COMMAND, title: 'Explain', arguments: [{ id: row.id, title: row.title, folderUri: folder.uri ?? data.folderUri }] };
        return { item: child };
      });
      return { item, children };
    });
  }
}

/** The attribute filter commands, the context key `isms.soaFiltered` and the view's description. */
export function registerSoaCommands(context: vscode.ExtensionContext, view: vscode.TreeView<TreeNode>, provider: SoaTreeProvider, requests: IsmsRequests): void {
  const apply = async (filter: AttributeFilter | undefined) => {
    provider.filter = filter;
    view.description = filter ? filterLabel(filter) : undefined;
    await vscode.commands.executeCommand('setContext', 'isms.soaFiltered', filter !== undefined);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.filterSoaByAttribute', async () => {
      const rows = (await provider.data()).flatMap(({ data }) => data.rows);
      const kinds = attributeChoices(rows);
      if (kinds.length === 0) {
        await vscode.window.showInformationMessage('No ISO/IEC 27002 attributes to filter by: the Statement of Applicability is not loaded yet.');
        return;
      }
      const kind = await vscode.window.showQuickPick(
        kinds.map((choice) => ({ label: choice.label, description: `${choice.values.length} values`, choice })),
        { title: 'Filter the SoA by ISO/IEC 27002 attribute (1/2)', placeHolder: 'Choose an attribute' },
      );
      if (!kind) return;
      const current = provider.filter;
      const value = await vscode.window.showQuickPick(
        kind.choice.values.map((choice) => ({
          label: choice.label,
          description:
            `${choice.count} ${choice.count === 1 ? 'control' : 'controls'}` +
            (current?.key === kind.choice.key && current.value === choice.value ? ' · current filter' : ''),
          value: choice.value,
        })),
        { title: `Filter the SoA by ${kind.choice.label} (2/2)`, placeHolder: `Show the controls whose ${kind.choice.label.toLowerCase()} include…` },
      );
      if (!value) return;
      await apply({ key: kind.choice.key, value: value.value });
    }),
    vscode.commands.registerCommand('isms.clearSoaFilter', () => apply(undefined)),
    vscode.commands.registerCommand(MISSING_ENTRY_COMMAND, (control: { id: string; title: string; folderUri?: string }) => explainMissingEntry(control, requests)),
  );
  void vscode.commands.executeCommand('setContext', 'isms.soaFiltered', false);
}

/** A control without SoA entry has nothing to reveal: say so, and offer the finding whose quick fix adds it. */
async function explainMissingEntry(control: { id: string; title: string; folderUri?: string }, requests: IsmsRequests): Promise<void> {
  const goTo = 'Go to the Finding';
  const choice = await vscode.window.showInformationMessage(
    `${controlLabel(control)} has no entry in the Statement of Applicability (6.1.3 d). ` +
      'The quick fixes "Add … missing Annex A controls to the SoA" of the soa-incomplete finding add it with every other missing control, as applicable (to decide) or excluded (to justify).',
    goTo,
  );
  if (choice !== goTo) return;
  const status = await requests.clauseStatus(control.folderUri).catch(() => null);
  const finding = status?.clauses.flatMap((clause) => clause.findings).find((f) => f.code === 'soa-incomplete' && f.location);
  if (finding?.location) await reveal(finding.location);
  else await vscode.commands.executeCommand('workbench.actions.view.problems');
}
