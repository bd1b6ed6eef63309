// Generates the catalogue modules from the repository's reference data (data/).
//
//   node scripts/generate-catalogue.mjs [OUT_DIR]     (npm run catalogue)
//
// Reads data/annex-a-2022.tsv, data/annex-a-2013-to-2022.tsv, data/frameworks.tsv
// and the mapping files it names (data/mappings/), checks them, and writes
// annex-a-data.ts, legacy-2013-data.ts and frameworks-data.ts into OUT_DIR
// (default: server/src/catalogue). Nothing outside the repository is read. The
// output depends only on the data, so regenerating gives byte-identical files;
// a test (test/unit/catalogue/) checks that the committed modules are up to date.
// The generated modules import only types, from catalogue-types.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { annexModule, legacyModule, readAnnexA, readLegacy2013 } from './catalogue/annex-a.mjs';
import { frameworksModule, readFrameworks } from './catalogue/frameworks.mjs';
import { CatalogueError, REPO_ROOT } from './catalogue/tsv.mjs';

const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'server', 'src', 'catalogue'));

try {
  const controls = readAnnexA();
  const mappings = readLegacy2013(controls);
  const frameworks = readFrameworks(controls);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'annex-a-data.ts'), annexModule(controls));
  writeFileSync(join(outDir, 'legacy-2013-data.ts'), legacyModule(mappings));
  writeFileSync(join(outDir, 'frameworks-data.ts'), frameworksModule(frameworks));
  const summary = frameworks
    .map((f) => `${f.meta.id} ${f.requirements.length} requirements (${f.requirements.filter((r) => r.assessable).length} assessable), ${f.pairCount} pairs`)
    .join('; ');
  console.log(`generate-catalogue: ${controls.length} controls, ${mappings.length} legacy mappings; ${summary} -> ${outDir}`);
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(`generate-catalogue: data/${error.message}`);
  process.exitCode = 1;
}
