/** The SoA preview's coverage section data: a bar per group and the total, the gaps, read defensively. */
import { strict as assert } from 'node:assert';

import { coverageSections } from '../../../client/src/preview/webview/coverage';
import type { FrameworksResult } from '../../../server/src/protocol/custom-requests';

const location = { uri: 'file:///w/soa.isms', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 14 } } };

const DATA = {
  folderUri: 'file:///w',
  meaning: 'helps meet',
  available: ['nis2'],
  packErrors: [],
  frameworks: [
    {
      framework: { id: 'nis2', label: 'NIS2', name: 'NIS2 Annex', groupKind: 'section', credit: '© ENISA, CC BY 4.0; changes made' },
      totals: { covered: 1, partial: 1, gap: 1, unmapped: 1, total: 4 },
      targets: { 'A.8.21': { id: 'A.8.21', kind: 'control', title: 'Security of network services', state: 'not-implemented', meets: false, location } },
      groups: [
        {
          id: '1',
          name: 'Policy',
          totals: { covered: 1, partial: 0, gap: 1, unmapped: 0, total: 2 },
          requirements: [
            { id: '1.1', title: 'Met', group: '1', status: 'covered', targets: [] },
            { id: '1.2', title: 'Not met', group: '1', status: 'gap', targets: ['A.8.21'] },
          ],
        },
        { id: '2', name: 'Risk', totals: { covered: 0, partial: 1, gap: 0, unmapped: 1, total: 2 }, requirements: [] },
      ],
    },
  ],
} as unknown as FrameworksResult;

describe('preview coverage section', () => {
  it('has a bar per group and one for all requirements, with captions and shares', () => {
    const [section] = coverageSections(DATA);
    assert.equal(section.credit, '© ENISA, CC BY 4.0; changes made');
    assert.deepEqual(section.bars.map((b) => [b.title, b.caption]), [
      ['1 Policy', '1 covered · 0 partial · 1 gap · 0 unmapped of 2'],
      ['2 Risk', '0 covered · 1 partial · 0 gaps · 1 unmapped of 2'],
      ['All requirements', '1 covered · 1 partial · 1 gap · 1 unmapped of 4'],
    ]);
    assert.deepEqual(section.bars[0].segments.map((s) => s.percent), [50, 0, 50, 0]);
  });

  it('lists the gaps with their mapped controls and where their SoA entry is', () => {
    const [section] = coverageSections(DATA);
    assert.deepEqual(section.gaps, [{ id: '1.2', title: 'Not met', targets: [{ id: 'A.8.21', state: 'not-implemented', location }] }]);
  });

  it('shows nothing without data, and survives odd shapes', () => {
    assert.deepEqual(coverageSections(null), []);
    assert.deepEqual(coverageSections(undefined), []);
    const odd = { frameworks: [{ framework: {}, totals: { covered: -3, gap: 'x' }, groups: 'nope' }] } as unknown as FrameworksResult;
    assert.deepEqual(coverageSections(odd)[0].bars.map((b) => b.caption), ['0 covered · 0 partial · 0 gaps · 0 unmapped of 0']);
  });
});
