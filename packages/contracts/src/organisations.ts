import { z } from '@hono/zod-openapi';
import { IdSchema, NameSchema, PhoneSchema, TimestampSchema } from './common.ts';
import { UsccSchema } from './uscc.ts';
import { ORGANISATION_ROLES } from './values/organisations.ts';

export const OrganisationRoleSchema = z.enum(ORGANISATION_ROLES, { error: 'role_invalid' });

export const OrganisationCreateSchema = z
  .object({
    name: NameSchema.openapi({ example: '安心家政服务有限公司' }),
    uscc: UsccSchema,
    contactName: NameSchema.openapi({ example: '陈师傅' }),
    contactPhone: PhoneSchema,
  })
  .openapi('OrganisationCreate');

export const OrganisationUpdateSchema = OrganisationCreateSchema.omit({ uscc: true })
  .partial()
  .openapi('OrganisationUpdate');

export const OrganisationSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    uscc: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    /** The caller's role in it. */
    role: OrganisationRoleSchema,
    createdAt: TimestampSchema,
  })
  .openapi('Organisation');

export const OrganisationStaffSchema = z
  .object({
    userId: IdSchema,
    displayName: z.string(),
    /** Masked, as in every list (PIPL minimum necessary). */
    phone: z.string(),
    role: OrganisationRoleSchema,
    addedAt: TimestampSchema,
  })
  .openapi('OrganisationStaff');

export const OrganisationStaffAddSchema = z
  .object({ phone: PhoneSchema, role: OrganisationRoleSchema })
  .openapi('OrganisationStaffAdd');
export const OrganisationStaffRoleSchema = z.object({ role: OrganisationRoleSchema }).openapi('OrganisationStaffRole');
