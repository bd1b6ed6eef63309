/** Server results as the client receives them, computed from fixtures by the real features. */
import { clauseStatus } from '../../../server/src/features/clause-status';
import { riskRegister } from '../../../server/src/features/risk-register';
import { soaTable } from '../../../server/src/features/soa-table';
import type { ClauseStatusResult, PlainLocation, RiskRegisterResult, SoaTableResult } from '../../../server/src/protocol/custom-requests';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const FOLDER = 'file:///ws';

function at(location: { file: string; start: number } | undefined): PlainLocation | undefined {
  // Lines do not matter to the tree logic: the offset stands in for the line.
  return location ? { uri: `${FOLDER}/${location.file}`, range: { start: { line: location.start, character: 0 }, end: { line: location.start, character: 1 } } } : undefined;
}

export function results(fixtureText: string, asOf = '2026-11-27'): { soa: SoaTableResult; risks: RiskRegisterResult; clauses: ClauseStatusResult } {
  const service = fixtureService(parseFixture(fixtureText), asOf);
  const { index, diagnostics } = service.analysis();
  const table = soaTable(index, asOf, diagnostics);
  const register = riskRegister(index);
  return {
    soa: { ...table, rows: table.rows.map((row) => ({ ...row, location: at(row.location) })), folderUri: FOLDER },
    risks: { ...register, risks: register.risks.map((risk) => ({ ...risk, location: at(risk.location) })), folderUri: FOLDER },
    clauses: {
      folderUri: FOLDER,
      clauses: clauseStatus(service.diagnostics(), index).map((status) => ({
        ...status,
        findings: status.findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, clause: d.clause, location: at(d) })),
      })),
    },
  };
}
