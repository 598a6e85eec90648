export * from './client.ts';
export * from './scope.ts';
export * as schema from './schema/index.ts';
export * from './errors.ts';
export * from './with-next.ts';
export type { LocalisedText, NotificationAudience } from './schema/notifications.ts';
