import * as assert from 'node:assert/strict';
import { editDistance, nearestName } from '../../../server/src/util/nearest-name';

describe('nearestName (did-you-mean)', () => {
  it('suggests the nearest candidate, not a far one that ties alphabetically', () => {
    assert.equal(nearestName('custmer-portal', ['customer-data', 'customer-portal']), 'customer-portal');
    assert.equal(nearestName('custmer-portal', ['customer-data']), undefined);
    assert.equal(nearestName('likelihod', ['accepted-by', 'likelihood', 'impact']), 'likelihood');
  });

  it('is case-insensitive and never suggests the name itself', () => {
    assert.equal(nearestName('OWNR', ['owner']), 'owner');
    assert.equal(nearestName('owner', ['owner']), undefined);
  });

  it('computes the edit distance, capped', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('abc', 'xyz', 2), 2);
  });
});
