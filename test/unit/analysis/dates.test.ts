import * as assert from 'node:assert/strict';

import { addDuration } from '../../../server/src/util/dates';

describe('calendar arithmetic (util/dates)', () => {
  it('adds days, weeks, months and years, keeping the day of the month where it exists', () => {
    assert.equal(addDuration('2026-01-31', { amount: 1, unit: 'day' }), '2026-02-01');
    assert.equal(addDuration('2026-01-31', { amount: 2, unit: 'week' }), '2026-02-14');
    assert.equal(addDuration('2026-01-31', { amount: 1, unit: 'month' }), '2026-02-28');
    assert.equal(addDuration('2024-02-29', { amount: 1, unit: 'year' }), '2025-02-28');
    assert.equal(addDuration('2026-03-15', { amount: 1.5, unit: 'month' }), '2026-04-30');
  });

  it('reads the years 0000–0099 as written (not as 1900–1999)', () => {
    assert.equal(addDuration('0001-01-01', { amount: 1, unit: 'year' }), '0002-01-01');
    assert.equal(addDuration('0000-02-28', { amount: 1, unit: 'day' }), '0000-02-29');
  });

  it('caps a due date past 9999 (or past what a Date holds) at 9999-12-31 instead of throwing', () => {
    assert.equal(addDuration('2026-10-01', { amount: 9999999, unit: 'month' }), '9999-12-31');
    assert.equal(addDuration('2026-10-01', { amount: 300000, unit: 'year' }), '9999-12-31');
    assert.equal(addDuration('2026-10-01', { amount: 1e400, unit: 'day' }), '9999-12-31');
    assert.equal(addDuration('9999-12-31', { amount: 1, unit: 'day' }), '9999-12-31');
  });
});
