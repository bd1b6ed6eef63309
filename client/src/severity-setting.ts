/**
 * The "Configure the severity of …" quick fix of every ISMS finding (as
 * ESLint and Pylance offer theirs) and the command `isms.configureSeverity`,
 * which writes `isms.severity` (pure parts in {@link severityUpdate}).
 */
import * as vscode from 'vscode';
import { severityUpdate, SEVERITY_CHOICES, type SeverityChoice } from './severity-update';

export const CONFIGURE_SEVERITY_COMMAND = 'isms.configureSeverity';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  const value = typeof code === 'object' ? code.value : code;
  return value === undefined ? undefined : String(value);
}

export function registerSeveritySetting(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: 'isms' },
      {
        provideCodeActions(_document, _range, codeActionContext) {
          const seen = new Set<string>();
          const actions: vscode.CodeAction[] = [];
          for (const diagnostic of codeActionContext.diagnostics) {
            const code = codeOf(diagnostic);
            if (diagnostic.source !== 'isms' || !code || seen.has(code)) continue;
            seen.add(code);
            const action = new vscode.CodeAction(`Configure the severity of '${code}'…`, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
            action.command = { command: CONFIGURE_SEVERITY_COMMAND, title: action.title, arguments: [code] };
            actions.push(action);
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(CONFIGURE_SEVERITY_COMMAND, async (code?: string, choice?: SeverityChoice) => {
      const config = vscode.workspace.getConfiguration('isms');
      const current = config.get<Record<string, string>>('severity') ?? {};
      if (!code) {
        const contributed = vscode.extensions.getExtension('isms-studio.isms-studio')?.packageJSON?.contributes?.configuration?.properties?.['isms.severity']?.properties ?? {};
        code = (
          await vscode.window.showQuickPick(
            Object.entries(contributed as Record<string, { markdownDescription?: string }>).map(([label, spec]) => ({ label, detail: spec.markdownDescription })),
            { title: 'Configure the severity of an ISMS diagnostic', placeHolder: 'The diagnostic code', matchOnDetail: true },
          )
        )?.label;
        if (!code) return undefined;
      }
      if (!choice) {
        const picked = await vscode.window.showQuickPick(
          SEVERITY_CHOICES.map((value) => ({ label: value, description: current[code!] === value ? 'current' : undefined })),
          { title: `Severity of '${code}'`, placeHolder: 'error, warning, info, off, or the default' },
        );
        if (!picked) return undefined;
        choice = picked.label as SeverityChoice;
      }
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const next = severityUpdate(current, code, choice);
      await config.update('severity', Object.keys(next).length > 0 ? next : undefined, target);
      return next;
    }),
  );
}
