import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from './calendar.ts';
import { IdSchema, PageQuerySchema, pageOf, TimestampSchema } from './common.ts';

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    actorUserId: IdSchema.nullable(),
    actorName: z.string(),
    action: z.string().openapi({ example: 'member.roles_changed' }),
    targetType: z.string(),
    targetId: z.string(),
    occurredAt: TimestampSchema,
    details: z.record(z.string(), z.unknown()),
    hash: z.string().openapi({ description: 'SHA-256 of the previous hash and this entry, hex' }),
  })
  .openapi('AuditEntry');

export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema).openapi('AuditPage');

export const AuditVerdictSchema = z
  .object({
    ok: z.boolean(),
    length: z.number().int().openapi({ description: '链上已验证的条目数 / entries verified before any break' }),
    head: z.string().nullable().optional(),
    brokenAt: z.number().int().optional().openapi({ description: '第一个断裂的序号 / first broken sequence number' }),
    reason: z.enum(['hash_mismatch', 'link_mismatch', 'gap', 'head_mismatch']).optional(),
  })
  .openapi('AuditVerdict');
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;

/** An action (`notice.published`, `contacts.entry_added`) or all of one area or plugin's actions (`contacts.*`). */
const AUDIT_ACTION_FILTER = /^[a-z][a-z0-9_-]*\.(?:[a-z][a-z0-9_]*|\*)$/;

export const AuditQuerySchema = PageQuerySchema.extend({
  actor: IdSchema.optional().openapi({ description: '操作人的用户编号 / The acting user' }),
  action: z.string().regex(AUDIT_ACTION_FILTER, { error: 'audit_action_invalid' }).optional().openapi({
    description: '操作，或 `<范围>.*` 表示某一类 / An action, or `<area>.*` for all of an area',
    example: 'notice.*',
  }),
  from: IsoDateSchema.optional().openapi({
    description: '自该日（北京时间，含）/ From this day (Beijing time), inclusive',
  }),
  to: IsoDateSchema.optional().openapi({
    description: '至该日（北京时间，含）/ To this day (Beijing time), inclusive',
  }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'date_range_order', path: ['to'] });

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const AuditFacetsSchema = z
  .object({
    actors: z.array(z.object({ id: IdSchema, name: z.string() })),
    actions: z.array(
      z.object({
        action: z.string(),
        /** The plugin that recorded it (`<plugin id>.<name>`) and the words its manifest gives it; null for the core's. */
        plugin: z.string().nullable(),
        label: Localized.nullable(),
        sentence: Localized.nullable(),
      }),
    ),
    /** Every plugin offered, by name: entries about a plugin (installing it, its roles) name it too. */
    plugins: z.array(z.object({ id: z.string(), name: Localized })),
  })
  .openapi('AuditFacets');
export type AuditFacets = z.infer<typeof AuditFacetsSchema>;
