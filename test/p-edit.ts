import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/language-service';
const root = 'bench/.work';
const s = createLanguageService({ asOf: '2026-11-27' });
let t = performance.now();
for (const f of fs.readdirSync(root)) if (f.endsWith('.isms')) s.setFile(f, fs.readFileSync(path.join(root, f), 'utf8'));
console.log('load+parse', (performance.now() - t).toFixed(0));
t = performance.now(); const n = s.diagnostics().length; console.log('first analysis', (performance.now() - t).toFixed(0), 'diags', n);
const text = s.text('risks-03.isms')!;
for (let i = 0; i < 10; i++) {
  const edited = text.replace('likelihood 3', i % 2 ? 'likelihood 4' : 'likelihood 2');
  let a = performance.now(); s.setFile('risks-03.isms', edited); const b = performance.now(); s.diagnostics(); const c = performance.now();
  console.log(`edit: setFile ${(b - a).toFixed(1)}ms analysis ${(c - b).toFixed(1)}ms`);
}
