import { z } from '@hono/zod-openapi';
import {
  IdSchema,
  PageQuerySchema,
  pageOf,
  PhoneSchema,
  ReasonSchema,
  SmsCodeSchema,
  TimestampSchema,
} from './common.ts';
import { displayText } from './text.ts';
import {
  FEEDBACK_CHANNELS,
  FEEDBACK_ESCALATIONS,
  FEEDBACK_PLACE_KINDS,
  FEEDBACK_RATINGS,
  FEEDBACK_STATUSES,
  FEEDBACK_UNIT_KINDS,
} from './values/feedback.ts';

const longText = (max: number) =>
  z.string({ error: 'body_required' }).trim().min(1, { error: 'body_required' }).max(max, { error: 'too_big' });

export const FeedbackPlaceSchema = z
  .object({
    kind: z.enum(FEEDBACK_PLACE_KINDS),
    buildingId: IdSchema.nullable().default(null),
    unitId: IdSchema.nullable().default(null),
    note: z.string().trim().max(200).default(''),
  })
  .openapi('FeedbackPlace');

/** A report as a member makes it; staff logging a call or a visit also give the channel and who called. */
export const FeedbackReportInputSchema = z
  .object({
    category: displayText(20, { required: 'required' }),
    body: longText(2000),
    place: FeedbackPlaceSchema,
    namedOnBoard: z.boolean().default(false),
    channel: z.enum(['portal', 'qr', 'phone', 'in_person']).default('portal'),
    /** Staff logging a call or a visit: who reported (not a member, or not signed in). */
    reporter: z.object({ name: displayText(40, { required: 'name_required' }), phone: PhoneSchema }).optional(),
  })
  .openapi('FeedbackReportInput');
export type FeedbackReportInput = z.infer<typeof FeedbackReportInputSchema>;

export const FeedbackStepSchema = z
  .object({
    kind: z.string(),
    /** null: the reporter, to a reader who may not learn their name (the page says 反映人 / the reporter). */
    actorName: z.string().nullable(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    at: TimestampSchema,
  })
  .openapi('FeedbackStep');

export const FeedbackReportSchema = z
  .object({
    id: IdSchema,
    number: z.int(),
    category: z.string(),
    body: z.string(),
    place: z.object({
      kind: z.enum(FEEDBACK_PLACE_KINDS),
      building: z.string().nullable(),
      unit: z.string().nullable(),
      note: z.string(),
    }),
    channel: z.enum(FEEDBACK_CHANNELS),
    /** The business a vendor complaint is about. */
    about: z.object({ organisationId: IdSchema, name: z.string() }).nullable(),
    status: z.enum(FEEDBACK_STATUSES),
    /** Shown to staff and the handling unit; to others only as the reporter allowed (namedOnBoard). */
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable().openapi({ description: '掩码 / masked' }),
    namedOnBoard: z.boolean(),
    handlingUnit: z.object({ id: IdSchema, name: z.string(), kind: z.enum(FEEDBACK_UNIT_KINDS) }).nullable(),
    assignedAt: TimestampSchema.nullable(),
    dueOn: z.string().nullable(),
    dueProvisional: z.boolean(),
    /** Working days left until the deadline (negative: overdue); null when no clock runs. */
    workingDaysLeft: z.int().nullable(),
    escalation: z.enum(FEEDBACK_ESCALATIONS),
    reopened: z.boolean(),
    answeredAt: TimestampSchema.nullable(),
    closedAt: TimestampSchema.nullable(),
    rating: z.enum(FEEDBACK_RATINGS).nullable(),
    ratingComment: z.string().nullable(),
    rejectReason: z.string().nullable(),
    mergedInto: IdSchema.nullable(),
    createdAt: TimestampSchema,
    /** What the caller may do next. */
    actions: z.array(z.string()),
  })
  .openapi('FeedbackReport');

export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;
export type FeedbackStep = z.infer<typeof FeedbackStepSchema>;

export const FeedbackDetailSchema = FeedbackReportSchema.extend({
  steps: z.array(FeedbackStepSchema),
  /** The reporter's photos of what is wrong, and the handling side's of what was done. */
  photos: z.array(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })),
  /** The side whose photos the viewer may add now (null: none, or six already). */
  photoSide: z.enum(['reporter', 'handler']).nullable(),
}).openapi('FeedbackDetail');

export const FeedbackPageSchema = pageOf(FeedbackReportSchema).openapi('FeedbackPage');

/** Where reports from several neighbourhoods are read together (a business's centre, a supervisor's branch). */
const NeighbourhoodRefSchema = z.object({ slug: z.string(), name: z.string() });
export const FeedbackReportWithNeighbourhoodSchema = FeedbackReportSchema.extend({
  neighbourhood: NeighbourhoodRefSchema,
}).openapi('FeedbackReportWithNeighbourhood');
export const FeedbackDetailWithNeighbourhoodSchema = FeedbackDetailSchema.extend({
  neighbourhood: NeighbourhoodRefSchema,
}).openapi('FeedbackDetailWithNeighbourhood');
/** Staff assigning several sorted reports to one unit at once (all or none). */
export const FeedbackBulkAssignSchema = z
  .object({
    reportIds: z.array(IdSchema).min(1).max(50),
    unitId: IdSchema,
    note: z.string().trim().max(500).default(''),
  })
  .openapi('FeedbackBulkAssign');

export const BusinessFeedbackQuerySchema = z.object({ status: z.enum(['assigned', 'answered', 'closed']).optional() });

export const FeedbackQuerySchema = PageQuerySchema.extend({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  category: z.string().max(20).optional(),
  unit: IdSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional().openapi({ description: '只看我提交或关注的 / Only mine' }),
});

/** 评价: 满意 / 基本满意 / 不满意, with a comment. */
const rating = { rating: z.enum(FEEDBACK_RATINGS), comment: z.string().trim().max(500).default('') };

/** Every step of the loop through one route: the state machine decides whether it may happen now. */
export const FeedbackActionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('recategorise'), category: displayText(20, { required: 'required' }) }),
    z.object({ action: z.literal('reject'), reason: ReasonSchema }),
    z.object({ action: z.literal('merge'), into: IdSchema }),
    z.object({ action: z.literal('assign'), unitId: IdSchema, note: z.string().trim().max(500).default('') }),
    z.object({ action: z.literal('return'), reason: ReasonSchema }),
    z.object({ action: z.literal('progress'), body: longText(2000) }),
    z.object({ action: z.literal('answer'), body: longText(2000) }),
    z.object({ action: z.literal('rate'), ...rating }),
  ])
  .openapi('FeedbackAction');
export type FeedbackAction = z.infer<typeof FeedbackActionSchema>;

export const FeedbackUnitSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(FEEDBACK_UNIT_KINDS),
    name: z.string(),
    organisationId: IdSchema.nullable(),
    /** A street department bound here: the street sets up its name and who acts for it. */
    departmentId: IdSchema.nullable(),
    active: z.boolean(),
    members: z.array(z.object({ userId: IdSchema, displayName: z.string() })),
  })
  .openapi('FeedbackUnit');

const PersonRefSchema = z.object({ userId: IdSchema, displayName: z.string() });

/** A 街道 department that handles reports from every neighbourhood under the street (城管科, 综治办…). */
export const FeedbackDepartmentSchema = z
  .object({ id: IdSchema, name: z.string(), active: z.boolean(), members: z.array(PersonRefSchema) })
  .openapi('FeedbackDepartment');

export const FeedbackDepartmentInputSchema = z
  .object({
    name: displayText(60, { required: 'name_required', tooLong: 'name_too_long' }),
    active: z.boolean().default(true),
    /** Staff of the street who act for the department. */
    memberIds: z.array(IdSchema).max(50).default([]),
  })
  .openapi('FeedbackDepartmentInput');
export type FeedbackDepartmentInput = z.infer<typeof FeedbackDepartmentInputSchema>;

/** A street's departments, with the street's staff who may be named to them. */
export const FeedbackDepartmentsSchema = z
  .object({
    street: z.object({ id: IdSchema, name: z.string() }),
    items: z.array(FeedbackDepartmentSchema),
    staff: z.array(PersonRefSchema),
  })
  .openapi('FeedbackDepartments');

/** The streets a person sets departments up for, and the departments they act for. */
export const MyFeedbackDepartmentsSchema = z
  .object({
    streets: z.array(z.object({ id: IdSchema, name: z.string() })),
    departments: z.array(z.object({ id: IdSchema, name: z.string(), active: z.boolean(), street: z.string() })),
  })
  .openapi('MyFeedbackDepartments');

/** A department of the street above a neighbourhood, as its staff may assign to it; `unitId` once bound here. */
export const StreetDepartmentSchema = z
  .object({ id: IdSchema, name: z.string(), active: z.boolean(), unitId: IdSchema.nullable() })
  .openapi('StreetDepartment');

export const FeedbackUnitInputSchema = z
  .object({
    kind: z.enum(FEEDBACK_UNIT_KINDS),
    name: displayText(60, { required: 'name_required', tooLong: 'name_too_long' }),
    organisationId: IdSchema.nullable().default(null),
    active: z.boolean().default(true),
    /** Members of the neighbourhood who act for the unit (a vendor acts through its own staff). */
    memberIds: z.array(IdSchema).max(50).default([]),
  })
  .openapi('FeedbackUnitInput');
export type FeedbackUnitInput = z.infer<typeof FeedbackUnitInputSchema>;

export const FeedbackSettingsSchema = z
  .object({
    categories: z
      .array(displayText(20, { required: 'required' }))
      .min(1)
      .max(30),
    workingDays: z.int().min(1).max(60),
    remindBefore: z.int().min(0).max(10),
    ratingDays: z.int().min(1).max(30),
    restartClockOnReassign: z.boolean(),
  })
  .openapi('FeedbackSettings');
export type FeedbackSettings = z.infer<typeof FeedbackSettingsSchema>;

/** A closed report as the public board (公示) shows it: no rooms, no names unless the reporter agreed. */
export const FeedbackBoardItemSchema = z
  .object({
    id: IdSchema,
    number: z.int(),
    category: z.string(),
    building: z.string().nullable(),
    summary: z.string(),
    reporterName: z.string().nullable(),
    reportedOn: z.string(),
    closedOn: z.string(),
    workingDaysTaken: z.int(),
    rating: z.enum(FEEDBACK_RATINGS).nullable(),
  })
  .openapi('FeedbackBoardItem');

export const FeedbackBoardSchema = pageOf(FeedbackBoardItemSchema)
  .extend({ neighbourhood: z.object({ slug: z.string(), name: z.string() }) })
  .openapi('FeedbackBoard');

/** An overdue report in a supervisor's branch (督办). */
export const OverdueFeedbackSchema = z
  .object({
    id: IdSchema,
    number: z.int(),
    category: z.string(),
    dueOn: z.string(),
    workingDaysOverdue: z.int(),
    escalation: z.enum(FEEDBACK_ESCALATIONS),
    building: z.string().nullable(),
    handlingUnit: z.string().nullable(),
    neighbourhood: NeighbourhoodRefSchema,
  })
  .openapi('OverdueFeedback');

const DateSchema = z.iso.date();

export const FeedbackMetricsQuerySchema = z.object({
  from: DateSchema.optional().openapi({ description: '默认今年1月1日 / default: 1 January this year' }),
  to: DateSchema.optional().openapi({ description: '默认今天 / default: today' }),
  region: IdSchema.optional().openapi({ description: '默认第一个辖区 / default: the first region supervised' }),
});

const FiguresSchema = z.object({
  received: z.int(),
  respondedOnTime: z.int(),
  responseDue: z.int(),
  resolved: z.int(),
  satisfied: z.int(),
  rated: z.int(),
  overdueNow: z.int(),
  medianWorkingDays: z.number().nullable(),
});
/** A place's 码上提 counts: one row of the metrics' rollup. */
export type FeedbackFigures = z.infer<typeof FiguresSchema>;

export const FeedbackMetricsSchema = z
  .object({
    region: z.object({ id: IdSchema, name: z.string(), kind: z.string() }),
    regions: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.string() })),
    period: z.object({ from: z.string(), to: z.string() }),
    rollup: z.array(
      FiguresSchema.extend({
        level: z.enum(['district', 'street', 'community', 'neighbourhood']),
        district: z.string(),
        street: z.string().nullable(),
        community: z.string().nullable(),
        neighbourhood: NeighbourhoodRefSchema.nullable(),
      }),
    ),
    byCategory: z.array(FiguresSchema.extend({ category: z.string() })),
    byUnitKind: z.array(FiguresSchema.extend({ kind: z.enum(FEEDBACK_UNIT_KINDS).nullable() })),
    trend: z.array(z.object({ month: z.string(), received: z.int(), resolved: z.int() })),
  })
  .openapi('FeedbackMetrics');

/** Someone not signed in asks for a code to report with their number (码上提 from a building's QR code). */
export const FeedbackCodeRequestSchema = z.object({ phone: PhoneSchema }).openapi('FeedbackCodeRequest');

/**
 * A report from someone not signed in, their number confirmed by the code just texted: a building or a public area,
 * never a room (the rooms of a neighbourhood are not public; the note says where).
 */
export const PhoneFeedbackInputSchema = z
  .object({
    phone: PhoneSchema,
    code: SmsCodeSchema,
    category: displayText(20, { required: 'required' }),
    body: longText(2000),
    place: z.object({
      kind: z.enum(['building', 'public']),
      buildingId: IdSchema.nullable().default(null),
      note: z.string().trim().max(200).default(''),
    }),
    channel: z.enum(['qr', 'portal']).default('qr'),
  })
  .openapi('PhoneFeedbackInput');
export type PhoneFeedbackInput = z.infer<typeof PhoneFeedbackInputSchema>;

/** The tracking token of a report: 24 base32 characters, given to the reporter once and texted with each answer. */
export const TrackingTokenSchema = z
  .string()
  .regex(/^[a-z2-7]{24}$/, { error: 'invalid_value' })
  .openapi({ example: 'h4kq2m7x3pzt6wnb5rcy2dfa' });

export const PhoneFeedbackOpenedSchema = z
  .object({
    number: z.int(),
    token: TrackingTokenSchema.openapi({ description: '跟踪凭据，只在此时给出 / given only now: keep the link' }),
  })
  .openapi('PhoneFeedbackOpened');

/** What the form for reporting without an account offers: the neighbourhood's categories and buildings. */
export const PhoneFeedbackFormSchema = z
  .object({
    neighbourhood: NeighbourhoodRefSchema,
    categories: z.array(z.string()),
    buildings: z.array(z.object({ id: IdSchema, name: z.string() })),
  })
  .openapi('PhoneFeedbackForm');

/**
 * A report as the holder of its tracking link follows it: the steps, the due date, the answer — no staff names,
 * no notes between staff and the handling unit, no phone number.
 */
export const TrackedFeedbackSchema = z
  .object({
    neighbourhood: NeighbourhoodRefSchema,
    number: z.int(),
    category: z.string(),
    body: z.string(),
    place: z.object({ kind: z.enum(FEEDBACK_PLACE_KINDS), building: z.string().nullable(), note: z.string() }),
    status: z.enum(FEEDBACK_STATUSES),
    handlingUnit: z.string().nullable(),
    dueOn: z.string().nullable(),
    dueProvisional: z.boolean(),
    workingDaysLeft: z.int().nullable(),
    reopened: z.boolean(),
    answeredAt: TimestampSchema.nullable(),
    closedAt: TimestampSchema.nullable(),
    rating: z.enum(FEEDBACK_RATINGS).nullable(),
    ratingComment: z.string().nullable(),
    rejectReason: z.string().nullable(),
    createdAt: TimestampSchema,
    steps: z.array(z.object({ kind: z.string(), body: z.string(), at: TimestampSchema })),
    photos: z.array(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })),
    canRate: z.boolean(),
    canAddPhoto: z.boolean(),
  })
  .openapi('TrackedFeedback');
export type TrackedFeedback = z.infer<typeof TrackedFeedbackSchema>;

export const FeedbackRatingSchema = z.object(rating).openapi('FeedbackRating');
