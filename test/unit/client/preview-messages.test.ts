import { strict as assert } from 'node:assert';

import { locationKey, parseHostMessage, parseWebviewMessage, type UpdateMessage } from '../../../client/src/preview/messages';
import { EMPTY_STATE, folderUriOfState, readState } from '../../../client/src/preview/webview/state';

const LOCATION = { uri: 'file:///ws/risks.isms', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 12 } } };

const UPDATE: UpdateMessage = {
  type: 'update',
  version: 7,
  folderUri: 'file:///ws',
  folderName: 'ws',
  soa: { organization: 'Acme', asOf: '2026-11-27', rows: [], themes: [], statement: undefined, errors: 0, folderUri: 'file:///ws' },
  risks: { scales: undefined, risks: [], inherentMatrix: undefined, residualMatrix: undefined, folderUri: 'file:///ws' },
};

describe('preview messages', () => {
  it('accepts the webview messages it knows, field by field', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready', restoredVersion: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', restoredVersion: 4 }), { type: 'ready', restoredVersion: 4 });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', version: 3 }), { type: 'rendered', version: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', location: LOCATION, extra: 1 }), { type: 'reveal', location: LOCATION });
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'xlsx', requestId: 2 }), { type: 'export', format: 'xlsx', requestId: 2 });
    assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
  });

  it('drops anything else', () => {
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'eval', code: 'x' },
      { type: 'rendered', version: -1 },
      { type: 'rendered', version: 1.5 },
      { type: 'reveal', location: { uri: 'file:///x' } },
      { type: 'reveal', location: { ...LOCATION, uri: 42 } },
      { type: 'export', format: 'pdf', requestId: 1 },
      { type: 'export', format: 'md' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('checks the envelope of host messages', () => {
    assert.equal(parseHostMessage(UPDATE), UPDATE);
    assert.equal(parseHostMessage({ ...UPDATE, soa: null, risks: null })?.type, 'update');
    assert.equal(parseHostMessage({ ...UPDATE, version: '7' }), undefined);
    assert.equal(parseHostMessage({ ...UPDATE, soa: { rows: 'x' } }), undefined);
    assert.deepEqual(parseHostMessage({ type: 'error', version: 2, message: 'down' }), { type: 'error', version: 2, message: 'down' });
    assert.deepEqual(parseHostMessage({ type: 'exportResult', requestId: 1, outcome: 'written', message: 'ok' }), {
      type: 'exportResult',
      requestId: 1,
      outcome: 'written',
      message: 'ok',
    });
    assert.equal(parseHostMessage({ type: 'exportResult', requestId: 1, outcome: 'maybe', message: 'ok' }), undefined);
  });

  it('keys locations by URI and range', () => {
    assert.equal(locationKey(LOCATION), 'file:///ws/risks.isms#3:0-3:12');
  });
});

describe('preview state', () => {
  it('reads back what the webview saved', () => {
    const saved = { stateVersion: 1, folderUri: 'file:///ws', data: UPDATE, selection: { inherent: { likelihood: 4, impact: 3 } }, query: 'cis', filter: 'open' };
    const roundTripped = JSON.parse(JSON.stringify(saved)) as unknown;
    assert.deepEqual(readState(roundTripped), roundTripped);
    assert.equal(folderUriOfState(saved), 'file:///ws');
  });

  it('falls back to an empty state on anything odd', () => {
    assert.equal(readState(undefined), EMPTY_STATE);
    assert.equal(readState({ stateVersion: 2, folderUri: 'file:///ws' }), EMPTY_STATE);
    const odd = readState({ stateVersion: 1, folderUri: 3, data: { type: 'update' }, selection: { inherent: { likelihood: 0, impact: 1 }, residual: 'x' }, query: 5, filter: 'weird' });
    assert.deepEqual(odd, EMPTY_STATE);
  });
});
