/**
 * Writes what follows from the schema and the code table (`npm run docs`):
 * docs/language.md, and the `isms.severity` setting of package.json, whose
 * properties list every diagnostic code with its default (the settings UI).
 */
import * as fs from 'node:fs';
import { DIAGNOSTIC_CODES } from '../server/src/analysis/diagnostic-codes';
import { languageReference } from '../server/src/schema/language-reference';

fs.writeFileSync('docs/language.md', languageReference());
console.log('wrote docs/language.md');

function clauseNote(clause: string | null): string {
  return clause === null || clause === 'context' ? '' : ` (ISO/IEC 27001:2022 ${clause})`;
}

const SEVERITIES = ['error', 'warning', 'info', 'off'];
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const severity = manifest.contributes.configuration.properties['isms.severity'];
severity.properties = Object.fromEntries(
  Object.entries(DIAGNOSTIC_CODES).map(([code, info]) => [
    code,
    { type: 'string', enum: SEVERITIES, markdownDescription: `${info.summary} Default: \`${info.severity}\`${clauseNote(info.clause)}.` },
  ]),
);
fs.writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
console.log('wrote the isms.severity setting of package.json');
