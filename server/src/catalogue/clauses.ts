// The clauses of ISO/IEC 27001:2022 that the language refers to.

/** A clause or sub-clause of ISO/IEC 27001:2022. */
export interface Clause {
  /** e.g. `'6.1.2'`. */
  readonly id: string;
  readonly title: string;
  /** The enclosing clause, e.g. `'6.1'` for `6.1.2`; absent for the main clauses 4–10. */
  readonly parent?: string;
}

function c(id: string, title: string): Clause {
  const cut = id.lastIndexOf('.');
  return Object.freeze(cut < 0 ? { id, title } : { id, title, parent: id.slice(0, cut) });
}

/** The main clauses 4–10 and all their sub-clauses (4.1–10.2), in document order. */
export const CLAUSES: readonly Clause[] = Object.freeze([
  c('4', 'Context of the organization'),
  c('4.1', 'Understanding the organization and its context'),
  c('4.2', 'Understanding the needs and expectations of interested parties'),
  c('4.3', 'Determining the scope of the information security management system'),
  c('4.4', 'Information security management system'),
  c('5', 'Leadership'),
  c('5.1', 'Leadership and commitment'),
  c('5.2', 'Policy'),
  c('5.3', 'Organizational roles, responsibilities and authorities'),
  c('6', 'Planning'),
  c('6.1', 'Actions to address risks and opportunities'),
  c('6.1.1', 'General'),
  c('6.1.2', 'Information security risk assessment'),
  c('6.1.3', 'Information security risk treatment'),
  c('6.2', 'Information security objectives and planning to achieve them'),
  c('6.3', 'Planning of changes'),
  c('7', 'Support'),
  c('7.1', 'Resources'),
  c('7.2', 'Competence'),
  c('7.3', 'Awareness'),
  c('7.4', 'Communication'),
  c('7.5', 'Documented information'),
  c('7.5.1', 'General'),
  c('7.5.2', 'Creating and updating'),
  c('7.5.3', 'Control of documented information'),
  c('8', 'Operation'),
  c('8.1', 'Operational planning and control'),
  c('8.2', 'Information security risk assessment'),
  c('8.3', 'Information security risk treatment'),
  c('9', 'Performance evaluation'),
  c('9.1', 'Monitoring, measurement, analysis and evaluation'),
  c('9.2', 'Internal audit'),
  c('9.2.1', 'General'),
  c('9.2.2', 'Internal audit programme'),
  c('9.3', 'Management review'),
  c('9.3.1', 'General'),
  c('9.3.2', 'Management review inputs'),
  c('9.3.3', 'Management review results'),
  c('10', 'Improvement'),
  c('10.1', 'Continual improvement'),
  c('10.2', 'Nonconformity and corrective action'),
]);

const byId: ReadonlyMap<string, Clause> = new Map(CLAUSES.map((entry) => [entry.id, entry]));

/** The clause with exactly this id (e.g. `'6.1.3'`), or `undefined`. */
export function clause(id: string): Clause | undefined {
  return byId.get(id);
}

/**
 * The main clause a clause reference belongs to: `'6.1.3 d'` → `'6'`,
 * `'4.1 (Amd 1:2024)'` → `'4'`. An Annex A control (`'A.5.9'`) belongs to `'6'`,
 * as Annex A is the reference list of 6.1.3. Any other text is returned unchanged.
 */
export function topLevelClause(id: string): string {
  if (/^A\.\d/.test(id)) return '6';
  const match = /^\d+/.exec(id);
  return match ? match[0] : id;
}
