/**
 * Where findings stand: on the offending value or field when a value is
 * wrong, on the entity head (`kind ID "Title"`) when something is missing.
 * These helpers also give context-dependent codes their clause.
 */
import type { Argument } from '../../../grammar/src';
import { clauseOf } from '../schema';
import type { DiagnosticCode } from './diagnostic-codes';
import { specOf, type Entity, type Field } from './model';
import type { Report, ReportOptions } from './rule';

export function reportAtHead(report: Report, entity: Entity, code: DiagnosticCode, message: string, options: ReportOptions = {}): void {
  report(code, entity.file, entity.statement.start, entity.headEnd, message, { clause: clauseOf(entity.spec), ...options });
}

export function reportAtField(
  report: Report,
  entity: Entity,
  field: Field,
  code: DiagnosticCode,
  message: string,
  options: ReportOptions = {},
): void {
  report(code, entity.file, field.start, field.end, message, { clause: clauseOf(entity.spec, specOf(entity, field)), ...options });
}

export function reportAtValue(
  report: Report,
  entity: Entity,
  field: Field,
  value: Argument,
  code: DiagnosticCode,
  message: string,
  options: ReportOptions = {},
): void {
  report(code, entity.file, value.start, value.end, message, { clause: clauseOf(entity.spec, specOf(entity, field)), ...options });
}
