import { z } from '@hono/zod-openapi';
import { IdSchema, PageQuerySchema, pageOf, TimestampSchema } from './common.ts';
import { NOTIFICATION_CHANNELS } from './values/notifications.ts';

export const NotificationSchema = z
  .object({
    id: IdSchema,
    kind: z.string().openapi({ example: 'verification.approved' }),
    /** In the reader's language. */
    title: z.string(),
    body: z.string(),
    /** A portal path to the page it concerns. */
    link: z.string().openapi({ example: '/n/jinse/verification' }),
    neighbourhood: z.object({ slug: z.string(), name: z.string() }),
    createdAt: TimestampSchema,
    readAt: TimestampSchema.nullable(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = pageOf(NotificationSchema).openapi('NotificationPage');

export const NotificationQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().openapi({ description: '只看未读 / Unread only' }),
});

export const UnreadCountSchema = z.object({ unread: z.int().min(0) }).openapi('UnreadCount');

const minutes = z.int().min(0).max(1439);

export const NotificationPreferencesSchema = z
  .object({
    /** The channels each kind reaches besides the inbox; a kind not listed follows its default. */
    channels: z.record(z.string().max(80), z.array(z.enum(NOTIFICATION_CHANNELS)).max(2)),
    quietHours: z.object({ start: minutes, end: minutes }).openapi({
      description: '免打扰时段，北京时间，自午夜起的分钟数 / Quiet hours, minutes after midnight Beijing time',
    }),
    /** One text a day (when quiet hours end) instead of a text for each notification. */
    digest: z.boolean(),
  })
  .openapi('NotificationPreferences');
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationKindInfoSchema = z
  .object({
    kind: z.string(),
    name: z.string(),
    urgent: z.boolean(),
    /** The channels it reaches when the person has not chosen. */
    defaults: z.array(z.enum(NOTIFICATION_CHANNELS)),
  })
  .openapi('NotificationKindInfo');

export const MyNotificationSettingsSchema = z
  .object({
    preferences: NotificationPreferencesSchema,
    kinds: z.array(NotificationKindInfoSchema),
    wechatBound: z.boolean(),
  })
  .openapi('MyNotificationSettings');
