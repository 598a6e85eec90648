export * from './columns.ts';
export * from './platform.ts';
export * from './tenancy.ts';
export * from './tenant.ts';
export * from './audit.ts';
export * from './notices.ts';
export * from './registry.ts';
export * from './verification.ts';
