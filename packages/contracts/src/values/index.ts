/**
 * `@city/contracts/values`: the contracts' constants, plain functions and types — no zod — for code that runs in
 * browsers (portal pages, plugin pages). The zod schemas that validate requests are in the package's root entry,
 * which also re-exports everything here.
 */
export * from './access.ts';
export * from './day-label.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './feedback.ts';
export * from './icons.ts';
export * from './events.ts';
export * from './mask.ts';
export * from './natural-order.ts';
export * from './notices.ts';
export * from './notifications.ts';
export * from './organisations.ts';
export * from './paging.ts';
export * from './plugins.ts';
export * from './registry-import.ts';
export * from './registry.ts';
export * from './tenants.ts';
export * from './text.ts';
export * from './unit-labels.ts';
export * from './uscc.ts';
export * from './validation-messages.ts';
export * from './verification.ts';
