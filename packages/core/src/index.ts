export * from './errors.ts';
export * from './names.ts';
export * from './pagination.ts';
export * from './services.ts';
export type { Principal } from './applications.ts';
export type { RequestMeta } from './accounts.ts';
export * from './maintenance.ts';
export * from './audit.ts';
export { canRead, noticeState } from './notices.ts';
