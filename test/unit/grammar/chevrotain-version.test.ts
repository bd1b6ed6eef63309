/**
 * Chevrotain 12 and later need Node 22 (they call Object.groupBy); the CLI
 * declares Node >= 20 and VS Code ^1.91 extension hosts run Node 20, so the
 * grammar is pinned to Chevrotain 11 (see docs/architecture.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseWithRecovery } from '../../../grammar/src';

describe('chevrotain version', () => {
  it('is pinned to 11.x, which runs on the Node versions we declare', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    assert.equal(manifest.dependencies.chevrotain, '11.2.0');
    assert.equal(manifest.engines.node, '>=20');
    const installed = JSON.parse(fs.readFileSync('node_modules/chevrotain/package.json', 'utf8'));
    assert.match(installed.version, /^11\./);
  });

  it('builds its parser (performSelfAnalysis) on this Node', () => {
    assert.equal(parseWithRecovery('a 1\n').errors.length, 0);
  });
});
