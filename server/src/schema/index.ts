export * from './schema-types';
export * from './kinds';
export * from './clause-readiness';
