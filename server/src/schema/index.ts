export * from './schema-types';
export * from './kinds';
