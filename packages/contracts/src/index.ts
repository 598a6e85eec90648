/**
 * `@city/contracts`: the zod schemas the API validates with and documents (OpenAPI), and everything of
 * `./values` (constants, plain functions, types). Browser code imports `@city/contracts/values` instead.
 */
export * from './values/index.ts';
export * from './common.ts';
export * from './text.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './regions.ts';
export * from './tenants.ts';
export * from './me.ts';
export * from './audit.ts';
export * from './notices.ts';
export * from './notifications.ts';
export * from './calendar.ts';
export * from './feedback.ts';
export * from './open311.ts';
export * from './todo.ts';
export * from './registry.ts';
export * from './verification.ts';
export * from './registry-import.ts';
export * from './plugins.ts';
export * from './uscc.ts';
export * from './organisations.ts';
export * from './personal-data.ts';
export * from './profiles.ts';
export * from './ledger.ts';
export * from './committee.ts';
