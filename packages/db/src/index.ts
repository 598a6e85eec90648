export * from './client.ts';
export * from './scope.ts';
export * as schema from './schema/index.ts';
export * from './errors.ts';
export type { LocalisedText, NotificationAudience } from './schema/notifications.ts';
