/**
 * The interval of the things ISO/IEC 27001 wants done "at planned intervals"
 * when the ISMS plans none: internal audits (9.2.2), management reviews
 * (9.3.1), policy reviews (5.2, A.5.1), supplier reviews (A.5.22), risk
 * reassessments (8.2); awareness (7.3) is asked for within the same span.
 * Twelve months is what certification auditors expect
 * at the least, and what the skeleton and the quick fixes write.
 */
import type { DurationValue } from '../../../grammar/src';

export const DEFAULT_INTERVAL: DurationValue = Object.freeze({ amount: 12, unit: 'month' });
