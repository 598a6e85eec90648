import { z } from '@hono/zod-openapi';
import { IdSchema, SmsCodeSchema, TimestampSchema } from './common.ts';
import { NotificationPreferencesSchema } from './notifications.ts';
import { FEEDBACK_RATINGS, FEEDBACK_STATUSES } from './values/feedback.ts';
import { APPLICATION_STATUSES, LOCALES, REGION_KINDS, TENANT_ROLES } from './values/enums.ts';
import { ORGANISATION_ROLES } from './values/organisations.ts';
import { RELATIONS, VERIFICATION_STATUSES } from './values/verification.ts';

/** An applicant's full number, for the staff deciding the application; every such read is recorded. */
export const ApplicantContactSchema = z.object({ phone: z.string() }).openapi('ApplicantContact');

/** The format of a personal-data export, so a reader knows what it holds; a new field keeps the version. */
export const PERSONAL_DATA_FORMAT = 'city-life/personal-data@1' as const;

const ExportedVerificationSchema = z.object({
  id: IdSchema,
  unit: z.string().openapi({ description: '楼栋-单元-房号' }),
  relation: z.enum(RELATIONS),
  displayName: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  method: z.enum(['code', 'approval']),
  note: z.string(),
  requestedAt: TimestampSchema,
  decidedAt: TimestampSchema.nullable(),
  decisionReason: z.string().nullable(),
  revokedAt: TimestampSchema.nullable(),
  revokeReason: z.string().nullable(),
});

const ExportedOwnershipSchema = z.object({
  unitId: IdSchema,
  unit: z.string(),
  /** Counting area in 0.01 m² (docs/domain.md §2.1); null when the registry knows none. */
  area: z.number().int().nullable(),
  designatedVoter: z.boolean(),
  since: TimestampSchema,
  until: TimestampSchema.nullable(),
});

const ExportedOwnerSchema = z.object({
  ownerId: IdSchema,
  name: z.string(),
  /** As the registry keeps it: the number is the person's own. */
  phone: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  units: z.array(ExportedOwnershipSchema),
});

const ExportedNeighbourhoodSchema = z.object({
  tenant: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  membership: z
    .object({ displayName: z.string(), roles: z.array(z.enum(TENANT_ROLES)), joinedAt: TimestampSchema })
    .nullable(),
  verifications: z.array(ExportedVerificationSchema),
  /** The registry's owner records the person is verified as, with the units each owns or owned. */
  owners: z.array(ExportedOwnerSchema),
  invitations: z.array(
    z.object({
      displayName: z.string(),
      roles: z.array(z.enum(TENANT_ROLES)),
      createdAt: TimestampSchema,
      acceptedAt: TimestampSchema.nullable(),
      revokedAt: TimestampSchema.nullable(),
    }),
  ),
  /** The person's inbox here (消息), in both languages. */
  notifications: z.array(
    z.object({
      kind: z.string(),
      title: z.object({ 'zh-CN': z.string(), en: z.string() }),
      body: z.object({ 'zh-CN': z.string(), en: z.string() }),
      link: z.string(),
      createdAt: TimestampSchema,
      readAt: TimestampSchema.nullable(),
    }),
  ),
  /** The 码上提 reports the person made here. */
  feedback: z.array(
    z.object({
      number: z.int(),
      category: z.string(),
      body: z.string(),
      status: z.enum(FEEDBACK_STATUSES),
      reporterName: z.string().nullable(),
      namedOnBoard: z.boolean(),
      rating: z.enum(FEEDBACK_RATINGS).nullable(),
      ratingComment: z.string().nullable(),
      createdAt: TimestampSchema,
    }),
  ),
  /** What each installed plugin keeps about the person here (its personal-data hook), by plugin id. */
  plugins: z.record(z.string(), z.unknown()),
});

export const PersonalDataExportSchema = z
  .object({
    format: z.literal(PERSONAL_DATA_FORMAT),
    exportedAt: TimestampSchema,
    account: z.object({
      id: IdSchema,
      phone: z.string(),
      displayName: z.string(),
      locale: z.enum(LOCALES),
      isPlatformOperator: z.boolean(),
      createdAt: TimestampSchema,
    }),
    sessions: z.array(
      z.object({ createdAt: TimestampSchema, lastVerifiedAt: TimestampSchema, userAgent: z.string().nullable() }),
    ),
    /** The person's notification choices and the WeChat account bound to them; null when never set. */
    notificationPreferences: NotificationPreferencesSchema.extend({ wechatOpenid: z.string().nullable() }).nullable(),
    applications: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        address: z.string(),
        communityName: z.string(),
        applicantName: z.string(),
        applicantPhone: z.string(),
        note: z.string().nullable(),
        status: z.enum(APPLICATION_STATUSES),
        reason: z.string().nullable(),
        createdAt: TimestampSchema,
        decidedAt: TimestampSchema.nullable(),
      }),
    ),
    /** Who read the person's unmasked number outside a neighbourhood (a neighbourhood's reads are in its audit trail). */
    reads: z.array(
      z.object({
        reader: z.string(),
        targetType: z.string(),
        targetId: IdSchema,
        field: z.string(),
        readAt: TimestampSchema,
      }),
    ),
    regions: z.array(z.object({ id: IdSchema, kind: z.enum(REGION_KINDS), name: z.string() })),
    organisations: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        /** Null once the person left the staff (then `leftAt` says when). */
        role: z.enum(ORGANISATION_ROLES).nullable(),
        leftAt: TimestampSchema.nullable(),
        /** What each plugin keeps about the person as the business's staff (their staff hook), by plugin id. */
        plugins: z.record(z.string(), z.unknown()),
      }),
    ),
    neighbourhoods: z.array(ExportedNeighbourhoodSchema),
  })
  .openapi('PersonalDataExport');
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

/**
 * Deleting one's account is confirmed again, whatever the session: the password, or a code texted to the number
 * (for people who signed in with a code and never set a password they remember).
 */
export const AccountDeletionSchema = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('password'),
      password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(128),
    }),
    z.object({ method: z.literal('code'), code: SmsCodeSchema }),
  ])
  .openapi('AccountDeletion');

export const AccountDeletedSchema = z
  .object({ pseudonym: z.string(), erasedAt: TimestampSchema })
  .openapi('AccountDeleted');

/**
 * The person a plugin's personal-data hooks export or erase, as the core describes them in one neighbourhood
 * (PIPL arts. 45, 47; docs/domain.md §5.5).
 */
export interface DataSubject {
  userId: string;
  /**
   * The names the person went by here — account, membership, verification and invitation names, and the registry
   * owner records they were verified as — for finding copies a plugin kept as text (author names, rolls).
   */
  names: string[];
  /** The registry owner records the person was verified as here (and records merged into them). */
  ownerIds: string[];
  /** What replaces the person's name wherever a record that names them must stay: `已注销用户-<short id>`. */
  pseudonym: string;
}
