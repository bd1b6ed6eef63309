import * as fs from 'node:fs';
import { parseFast, parseWithRecovery } from '../grammar/src';
for (const f of fs.readdirSync('bench/.work')) {
  if (!f.endsWith('.isms')) continue;
  const text = fs.readFileSync('bench/.work/' + f, 'utf8');
  const fast = parseFast(text);
  if (!fast) { const r = parseWithRecovery(text); console.log(f, 'SLOW PATH; errors:', r.errors.slice(0, 2)); }
  else console.log(f, 'fast ok');
}
