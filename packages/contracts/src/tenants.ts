import { z } from '@hono/zod-openapi';
import { IdSchema, NameSchema, PhoneSchema, ReasonSchema, SlugSchema, TimestampSchema } from './common.ts';
import { APPLICATION_STATUSES, TENANT_ROLES, TENANT_STATUSES } from './values/enums.ts';
import { INVITATION_STATES } from './values/tenants.ts';

export const TenantSchema = z
  .object({
    id: IdSchema,
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    communityId: IdSchema,
    status: z.enum(TENANT_STATUSES),
    createdAt: TimestampSchema,
  })
  .openapi('Tenant');
export type Tenant = z.infer<typeof TenantSchema>;

export const ApplicationCreateSchema = z
  .object({
    name: NameSchema,
    address: z.string({ error: 'address_required' }).trim().min(2, { error: 'address_required' }).max(200),
    communityId: IdSchema,
    applicantName: NameSchema,
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('ApplicationCreate');

export const ApplicationSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    address: z.string(),
    communityId: IdSchema,
    communityName: z.string(),
    streetName: z.string(),
    applicantName: z.string(),
    applicantPhone: z.string(),
    note: z.string().nullable(),
    status: z.enum(APPLICATION_STATUSES),
    reason: z.string().nullable(),
    decidedAt: TimestampSchema.nullable(),
    tenantSlug: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .openapi('Application');
export type Application = z.infer<typeof ApplicationSchema>;

export const ApplicationApproveSchema = z
  .object({ slug: SlugSchema.optional().openapi({ description: '留空则根据小区名自动生成' }) })
  .openapi('ApplicationApprove');

export const ApplicationRejectSchema = z.object({ reason: ReasonSchema }).openapi('ApplicationReject');

export const ApplicationListQuerySchema = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
});

export const RolesSchema = z
  .array(z.enum(TENANT_ROLES), { error: 'roles_required' })
  .min(1, { error: 'roles_required' })
  .transform((roles) => [...new Set(roles)]);

export const MemberSchema = z
  .object({
    id: IdSchema,
    userId: IdSchema,
    displayName: z.string(),
    /** Masked in lists (PIPL minimum necessary): 138****8000. */
    phone: z.string(),
    roles: z.array(z.enum(TENANT_ROLES)),
    joinedAt: TimestampSchema,
  })
  .openapi('Member');
export type Member = z.infer<typeof MemberSchema>;

export const MemberUpdateSchema = z.object({ roles: RolesSchema }).openapi('MemberUpdate');

export const InvitationCreateSchema = z
  .object({ phone: PhoneSchema, displayName: NameSchema, roles: RolesSchema })
  .openapi('InvitationCreate');

export const InvitationSchema = z
  .object({
    id: IdSchema,
    phone: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(TENANT_ROLES)),
    state: z.enum(INVITATION_STATES),
    expiresAt: TimestampSchema,
    createdAt: TimestampSchema,
  })
  .openapi('Invitation');
export type Invitation = z.infer<typeof InvitationSchema>;

/** An invitation as its addressee sees it: which neighbourhood, which roles. */
export const ReceivedInvitationSchema = z
  .object({
    id: IdSchema,
    tenant: z.object({ slug: z.string(), name: z.string() }),
    roles: z.array(z.enum(TENANT_ROLES)),
    expiresAt: TimestampSchema,
  })
  .openapi('ReceivedInvitation');

export const MembershipSchema = z
  .object({
    tenant: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
    roles: z.array(z.enum(TENANT_ROLES)),
  })
  .openapi('Membership');

export const SupervisedNeighbourhoodSchema = z
  .object({
    id: IdSchema,
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    communityName: z.string(),
    streetName: z.string(),
    status: z.enum(TENANT_STATUSES),
    memberCount: z.number().int(),
    adminCount: z.number().int(),
    createdAt: TimestampSchema,
  })
  .openapi('SupervisedNeighbourhood');

export { PhoneSchema };
