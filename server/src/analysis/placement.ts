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

/** On the whole field statement (`owner cto`). */
export function reportAtField(report: Report, entity: Entity, field: Field, code: DiagnosticCode, message: string, options: ReportOptions = {}): void {
  reportAtValue(report, entity, field, field, code, message, options);
}

/** On one value of a field (or any span of it); the clause is the field's. */
export function reportAtValue(
  report: Report,
  entity: Entity,
  field: Field,
  value: Pick<Argument, 'start' | 'end'>,
  code: DiagnosticCode,
  message: string,
  options: ReportOptions = {},
): void {
  report(code, entity.file, value.start, value.end, message, { clause: clauseOf(entity.spec, specOf(entity, field)), ...options });
}
