/** Writes docs/language.md from the schema (`npm run docs`). */
import * as fs from 'node:fs';
import { languageReference } from '../server/src/schema/language-reference';

fs.writeFileSync('docs/language.md', languageReference());
console.log('wrote docs/language.md');
