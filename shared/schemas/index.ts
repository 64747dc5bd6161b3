/**
 * Domain types shared by main and renderer, split by domain. Every type is inferred from a schema;
 * import from `shared/schemas` (this index), not from the files behind it.
 */
export * from './common';
export * from './messages';
export * from './connections';
export * from './preferences';
export * from './app';
export * from './search';
export * from './diagnostics';
export * from './updates';
export * from './attachments';
export * from './assistants';
export * from './data';
export * from './sync';
export * from './storage';
