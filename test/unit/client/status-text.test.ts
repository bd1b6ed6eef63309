/**
 * Issue 13: the status shows the ISMS of the active editor (not every folder
 * added together, not flawed's counts with clinic's preview focused), and
 * never "SoA 0/93" in a folder without a `.isms` file.
 */
import { strict as assert } from 'node:assert';

import { folderName, shownFolder, statusText } from '../../../client/src/status-text';
import type { AnalysisChangedParams } from '../../../server/src/protocol/custom-requests';

const CLINIC = 'file:///ws/clinic';
const FLAWED = 'file:///ws/flawed';
const EMPTY = 'file:///ws/My%20Empty';

const latest = new Map<string, AnalysisChangedParams>([
  [CLINIC, { folderUri: CLINIC, errors: 0, warnings: 2, soaDeclared: 93, files: 7 }],
  [FLAWED, { folderUri: FLAWED, errors: 14, warnings: 1, soaDeclared: 6, files: 3 }],
  [EMPTY, { folderUri: EMPTY, errors: 0, warnings: 0, soaDeclared: 0, files: 0 }],
]);

describe('client: the ISMS language status (issue 13)', () => {
  it('names the folder with its coverage, counts as detail', () => {
    assert.deepEqual(statusText(CLINIC, latest), { text: '$(shield) clinic: SoA 93/93', detail: '0 errors, 2 warnings', severity: 'warning', folderUri: CLINIC });
    assert.deepEqual(statusText(FLAWED, latest), { text: '$(shield) flawed: SoA 6/93', detail: '14 errors, 1 warning', severity: 'error', folderUri: FLAWED });
  });

  it('is never green while isms.severity hides errors, and says how many', () => {
    const hiding = new Map<string, AnalysisChangedParams>([[CLINIC, { folderUri: CLINIC, errors: 0, warnings: 1, hiddenErrors: 2, soaDeclared: 93, files: 7 }]]);
    assert.deepEqual(statusText(CLINIC, hiding), { text: '$(shield) clinic: SoA 93/93', detail: '0 errors, 1 warning; 2 errors hidden from the Problems panel (isms.severity, isms-ignore)', severity: 'error', folderUri: CLINIC });
    const one = new Map<string, AnalysisChangedParams>([[CLINIC, { folderUri: CLINIC, errors: 0, warnings: 0, hiddenErrors: 1, soaDeclared: 93, files: 7 }]]);
    assert.equal(statusText(CLINIC, one)!.detail, '0 errors, 0 warnings; 1 error hidden from the Problems panel (isms.severity, isms-ignore)');
    assert.equal(statusText(CLINIC, one)!.severity, 'error');
  });

  it('says "no .isms file" instead of SoA 0/93', () => {
    assert.equal(statusText(EMPTY, latest)!.text, '$(shield) My Empty: no .isms file');
  });

  it('is busy (undefined) before the first analysis of the folder', () => {
    assert.equal(statusText('file:///ws/other', latest), undefined);
    assert.equal(statusText(undefined, latest), undefined);
  });

  it('shows the active editor\'s folder, else the preview\'s, else the last one', () => {
    assert.equal(shownFolder({ editor: FLAWED, preview: CLINIC, last: FLAWED }), FLAWED);
    assert.equal(shownFolder({ preview: CLINIC, last: FLAWED }), CLINIC);
    assert.equal(shownFolder({ last: FLAWED }), FLAWED);
    assert.equal(folderName('file:///ws/clinic/'), 'clinic');
  });
});
