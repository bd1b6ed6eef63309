/** A large, valid workspace built in memory, for features that must work at scale. */
import { ANNEX_A_IDS } from '../../server/src/catalogue/annex-a';
import { createLanguageService, type LanguageService } from '../../server/src/language-service';

/** `count` risks in files of 1,000, with roles, 200 assets, criteria and a full SoA. */
export function largeWorkspace(count: number, asOf = '2026-11-27'): LanguageService {
  const service = createLanguageService({ asOf });
  service.setFile(
    'organization.isms',
    [
      'role cto "Chief Technology Officer" {\n  holder "Sam"\n}',
      'role ceo "Chief Executive Officer" {\n  top-management yes\n}',
      'risk-criteria {\n  likelihood-scale "1", "2", "3", "4", "5"\n  impact-scale "1", "2", "3", "4", "5"\n  acceptance 6\n}',
      ...Array.from({ length: 200 }, (_, i) => `asset asset-${i} "Asset ${i}" {\n  owner cto\n}`),
    ].join('\n\n'),
  );
  service.setFile('soa.isms', ANNEX_A_IDS.map((id) => `control ${id} {\n  applicable yes\n  status implemented\n}`).join('\n\n'));
  for (let file = 0; file * 1000 < count; file++) {
    const risks: string[] = [];
    for (let n = file * 1000 + 1; n <= Math.min(count, (file + 1) * 1000); n++) {
      risks.push(
        `risk R-${String(n).padStart(4, '0')} "Risk ${n}" {\n  owner cto\n  asset asset-${n % 200}\n  likelihood ${1 + (n % 5)}\n  impact ${1 + (n % 3)}\n` +
          `  treatment mitigate\n  controls ${ANNEX_A_IDS[n % 93]}, ${ANNEX_A_IDS[(n * 7) % 93]}\n  accepted-by cto\n}`,
      );
    }
    service.setFile(`risks-${String(file + 1).padStart(2, '0')}.isms`, risks.join('\n\n'));
  }
  return service;
}
