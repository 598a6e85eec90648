import { z } from '@hono/zod-openapi';
import { IdSchema, pageOf, TimestampSchema } from './common.ts';

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
