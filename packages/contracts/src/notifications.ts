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

export const WechatBindingSchema = z
  .object({
    code: z.string().min(1).max(128).openapi({
      description: '小程序 wx.login() 得到的一次性登录凭证 / The one-time code from wx.login() in the mini-program',
    }),
  })
  .openapi('WechatBinding');

export const NotificationSettingsInputSchema = z
  .object({
    /** On or off, by kind; a kind not listed keeps its default. */
    kinds: z.record(z.string().max(80), z.boolean()),
    retentionDays: z.int().min(7).max(3650),
  })
  .openapi('NotificationSettingsInput');

export const NeighbourhoodNotificationSettingsSchema = z
  .object({
    kinds: z.array(
      z.object({ kind: z.string(), name: z.string(), urgent: z.boolean(), defaultOn: z.boolean(), on: z.boolean() }),
    ),
    retentionDays: z.int(),
    /** The latest notifications sent here, with how far each has reached its people. */
    fanOuts: z.array(
      z.object({
        id: IdSchema,
        kind: z.string(),
        title: z.string(),
        status: z.enum(['pending', 'expanding', 'done']),
        total: z.int().nullable(),
        expanded: z.int(),
        createdAt: TimestampSchema,
        notBefore: TimestampSchema.nullable(),
        finishedAt: TimestampSchema.nullable(),
      }),
    ),
    /** Texts and WeChat messages that could not be delivered after every retry. */
    failures: z.array(
      z.object({
        id: IdSchema,
        kind: z.string(),
        title: z.string(),
        channel: z.enum(NOTIFICATION_CHANNELS),
        attempts: z.int(),
        error: z.string().nullable(),
        at: TimestampSchema,
      }),
    ),
  })
  .openapi('NeighbourhoodNotificationSettings');

export const DeliveryFailuresQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7).openapi({ description: '最近几天 / The last so many days' }),
});

/** For platform operators: failed deliveries by neighbourhood and channel, without whom they were for. */
export const DeliveryFailuresSchema = z
  .object({
    since: TimestampSchema,
    items: z.array(
      z.object({
        neighbourhood: z.object({ slug: z.string(), name: z.string() }),
        channel: z.enum(NOTIFICATION_CHANNELS),
        failed: z.int(),
        lastAt: TimestampSchema,
        lastError: z.string().nullable(),
      }),
    ),
  })
  .openapi('DeliveryFailures');
