import { z } from '@hono/zod-openapi';
import { IdSchema, NameSchema, PhoneSchema, ReasonSchema, TimestampSchema } from './common.ts';
import { AREA_SOURCES, isValidIdNumber, LOOKALIKE_DECISIONS, SALE_STATUSES } from './values/registry.ts';

/**
 * An exclusive area as people write it (square metres, at most two decimals) → integer 0.01 m². Parsed from the
 * text, never through a float: "89.5" → 8950.
 */
export const AreaSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, { error: 'area_format' }))
  .transform((s) => {
    const [whole, fraction = ''] = s.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .pipe(z.number().int().positive({ error: 'area_format' }))
  .openapi({ type: 'string', example: '89.50', description: '平方米，最多两位小数 / m², two decimals at most' });

export const IdNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, { error: 'id_number_invalid' })
  .openapi({ description: '居民身份证号，仅保存带密钥的哈希与掩码 / stored only as a keyed hash and a mask' });

export const BuildingCreateSchema = z.object({ name: NameSchema }).openapi('BuildingCreate');

export const BuildingSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    unitCount: z.number().int(),
    vacantCount: z.number().int().openapi({ description: '没有现业主的房屋 / Units without a current owner' }),
    verifiedCount: z.number().int().openapi({ description: '有业主已认证的房屋 / Units where an owner has verified' }),
    createdAt: TimestampSchema,
  })
  .openapi('Building');

const unitFields = {
  entrance: z.string().trim().max(20).openapi({ description: '单元，如“1单元”；无则留空' }),
  floor: z.coerce.number().int().min(-5).max(200),
  room: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(20),
  registeredArea: AreaSchema.nullable(),
  measuredArea: AreaSchema.nullable(),
  contractArea: AreaSchema.nullable(),
  saleStatus: z.enum(SALE_STATUSES),
};

export const UnitInputSchema = z
  .object({
    ...unitFields,
    buildingId: IdSchema,
    entrance: unitFields.entrance.default(''),
    registeredArea: unitFields.registeredArea.default(null),
    measuredArea: unitFields.measuredArea.default(null),
    contractArea: unitFields.contractArea.default(null),
  })
  .openapi('UnitInput');

/** Only the fields sent change (no defaults here: a missing field must not reset a stored one). */
export const UnitUpdateSchema = z.object(unitFields).partial().openapi('UnitUpdate');

const OwnerViewSchema = z.object({
  ownerId: IdSchema,
  name: z.string(),
  phone: z.string().nullable().openapi({ description: '脱敏 / masked' }),
  idNumber: z.string().nullable().openapi({ description: '脱敏 / masked' }),
  designatedVoter: z.boolean(),
  verified: z.boolean().openapi({ description: '已有人认证为此业主 / Someone has verified as this owner' }),
  since: TimestampSchema,
  until: TimestampSchema.nullable(),
});

export const UnitSchema = z
  .object({
    id: IdSchema,
    buildingId: IdSchema,
    buildingName: z.string(),
    entrance: z.string(),
    floor: z.number().int(),
    room: z.string(),
    registeredArea: z.string().nullable(),
    measuredArea: z.string().nullable(),
    contractArea: z.string().nullable(),
    countingArea: z.string().nullable(),
    areaSource: z.enum(AREA_SOURCES).nullable(),
    saleStatus: z.enum(SALE_STATUSES),
    owners: z.array(OwnerViewSchema),
  })
  .openapi('Unit');

export const UnitDetailSchema = UnitSchema.extend({
  ownerHistory: z.array(OwnerViewSchema),
  residents: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      relation: z.enum(['renter', 'family', 'other']),
      phone: z.string().nullable(),
    }),
  ),
  verified: z
    .array(
      z.object({
        id: IdSchema,
        displayName: z.string(),
        relation: z.enum(['owner', 'family', 'renter', 'other']),
        method: z.enum(['code', 'approval']),
      }),
    )
    .openapi({ description: '已认证与此房屋关联的人 / People verified for this unit' }),
}).openapi('UnitDetail');

export const OwnersChangeSchema = z
  .object({
    owners: z
      .array(
        z.object({
          name: NameSchema,
          phone: PhoneSchema.nullable().default(null),
          idNumber: IdNumberSchema.nullable().default(null),
          designatedVoter: z.boolean().default(false),
        }),
      )
      .max(10),
    reason: ReasonSchema,
  })
  .superRefine((value, ctx) => {
    const voters = value.owners.filter((o) => o.designatedVoter).length;
    if (value.owners.length > 0 && voters !== 1) {
      ctx.addIssue({ code: 'custom', path: ['owners'], message: 'one_designated_voter' });
    }
  })
  .openapi('OwnersChange');

export const OwnerContactSchema = z
  .object({ ownerId: IdSchema, name: z.string(), phone: z.string().nullable() })
  .openapi('OwnerContact');

/**
 * Owner records of one neighbourhood without an ID number that share a name and a phone: perhaps one person entered
 * twice (then one counting owner, not two — docs/domain.md §2.2). The admin confirms each group one way or the other.
 */
export const LookalikeGroupSchema = z
  .object({
    /** Sorted: the group's identity (a decision names exactly these records). */
    ownerIds: z.array(IdSchema),
    name: z.string(),
    phone: z.string().openapi({ description: '脱敏 / masked' }),
    owners: z.array(
      z.object({
        ownerId: IdSchema,
        createdAt: TimestampSchema,
        units: z.array(z.object({ unitId: IdSchema, address: z.string(), designatedVoter: z.boolean() })),
        /** People verified as this owner record (their link moves with a merge). */
        verifiedPeople: z.number().int(),
      }),
    ),
  })
  .openapi('OwnerLookalikeGroup');

export const LookalikeListSchema = z.object({ items: z.array(LookalikeGroupSchema) }).openapi('OwnerLookalikes');

export const LookalikeDecisionInputSchema = z
  .object({
    decision: z.enum(LOOKALIKE_DECISIONS, { error: 'required' }),
    /**
     * The records decided on, as the admin saw them. Different people: exactly the group. One person: two or more of
     * the group, merged into the record named in the path.
     */
    ownerIds: z.array(IdSchema).min(2, { error: 'too_small' }).max(50, { error: 'too_big' }),
  })
  .openapi('OwnerLookalikeDecisionInput');

export const LookalikeDecisionSchema = z
  .object({
    decision: z.enum(LOOKALIKE_DECISIONS),
    ownerIds: z.array(IdSchema),
    /** The record the others were merged into (one person); null for different people. */
    keptOwnerId: IdSchema.nullable(),
    /** Units whose ownership moved to the kept record. */
    unitsMoved: z.number().int(),
  })
  .openapi('OwnerLookalikeDecision');
