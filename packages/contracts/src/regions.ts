import { z } from '@hono/zod-openapi';
import { IdSchema, NameSchema, PhoneSchema } from './common.ts';
import { REGION_KINDS } from './values/enums.ts';

export const RegionSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(REGION_KINDS),
    parentId: IdSchema.nullable(),
    name: z.string(),
    code: z.string().nullable(),
  })
  .openapi('Region');
export type Region = z.infer<typeof RegionSchema>;

export const RegionCreateSchema = z
  .object({
    kind: z.enum(REGION_KINDS),
    parentId: IdSchema.nullable().default(null),
    name: NameSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6,12}$/, { error: 'invalid_format' })
      .nullable()
      .default(null),
  })
  .openapi('RegionCreate');

export const RegionUpdateSchema = z
  .object({
    name: NameSchema.optional(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6,12}$/, { error: 'invalid_format' })
      .nullable()
      .optional(),
  })
  .openapi('RegionUpdate');

export const RegionStaffSchema = z
  .object({ userId: IdSchema, displayName: z.string(), phone: z.string() })
  .openapi('RegionStaff');

export const RegionStaffAddSchema = z.object({ phone: PhoneSchema }).openapi('RegionStaffAdd');
