import { z } from '@hono/zod-openapi';
import { IdSchema, NameSchema, PageQuerySchema, ReasonSchema, TimestampSchema } from './common.ts';
import {
  CLAIM_CODE_ALPHABET,
  CLAIM_CODE_LENGTH,
  normalizeClaimCode,
  RELATIONS,
  VERIFICATION_STATUSES,
} from './values/verification.ts';

export const ClaimCodeSchema = z
  .string({ error: 'claim_code_format' })
  .transform(normalizeClaimCode)
  .pipe(
    z.string().regex(new RegExp(`^[${CLAIM_CODE_ALPHABET}]{${CLAIM_CODE_LENGTH}}$`), { error: 'claim_code_format' }),
  )
  .openapi({ type: 'string', example: 'ABCD-EFGH-JK' });

export const ClaimSchema = z
  .object({ code: ClaimCodeSchema, relation: z.enum(RELATIONS), displayName: NameSchema })
  .openapi('Claim');

export const VerificationRequestSchema = z
  .object({
    building: NameSchema,
    entrance: z.string().trim().max(20).default(''),
    room: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(20),
    relation: z.enum(RELATIONS),
    displayName: NameSchema,
    note: z.string().trim().max(500).default(''),
  })
  .openapi('VerificationRequest');

/** The admin decides who the person is in the registry: an owner record of that unit, or not an owner. */
export const VerificationApproveSchema = z
  .object({ relation: z.enum(RELATIONS), ownerId: IdSchema.nullable().default(null), reason: ReasonSchema })
  .superRefine((value, ctx) => {
    if ((value.relation === 'owner') !== (value.ownerId !== null)) {
      ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'owner_record_required' });
    }
  })
  .openapi('VerificationApprove');

export const VerificationDecisionSchema = z.object({ reason: ReasonSchema }).openapi('VerificationDecision');

export const VerificationSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    buildingId: IdSchema,
    address: z.string().openapi({ example: '1栋 1单元 101' }),
    displayName: z.string(),
    phone: z.string().openapi({ description: '脱敏 / masked' }),
    relation: z.enum(RELATIONS),
    ownerName: z.string().nullable(),
    /** Whether the linked owner record still owns the unit in the registry (owner status comes only from it). */
    isOwner: z.boolean(),
    status: z.enum(VERIFICATION_STATUSES),
    method: z.enum(['code', 'approval']),
    note: z.string(),
    requestedAt: TimestampSchema,
    decidedAt: TimestampSchema.nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    revokedAt: TimestampSchema.nullable(),
    revokeReason: z.string().nullable(),
  })
  .openapi('Verification');

/** Pending requests oldest first, the rest newest first; paged, because a neighbourhood verifies over a thousand homes. */
export const VerificationListQuerySchema = PageQuerySchema.extend({
  status: z.enum(VERIFICATION_STATUSES).optional(),
  q: z.string().trim().max(40).optional().openapi({ description: '姓名或房号包含 / Name or room contains' }),
});

export const LettersRequestSchema = z
  .object({
    buildingId: IdSchema.nullable().default(null).openapi({ description: '不填则为全部房屋 / all units when empty' }),
    validDays: z.coerce.number().int().min(1).max(90).default(30),
  })
  .openapi('LettersRequest');
