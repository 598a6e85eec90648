import {
  buildingLabel,
  dayLabel,
  FEEDBACK_ESCALATIONS,
  maskPhone,
  type FeedbackAction,
  type FeedbackChannel,
  type FeedbackReportInput,
  type PhoneFeedbackInput,
  type TenantRole,
} from '@city/contracts';
import { schema, type NotificationAudience, type Tx } from '@city/db';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit, type AuditContext } from '../audit.ts';
import { beijingDate, type WorkingCalendar, type WorkingCalendars } from '../calendar/index.ts';
import { AppError, fieldError } from '../errors.ts';
import { neighbourhoodPath } from '../notifications/neighbourhood-path.ts';
import type { NotificationOutbox } from '../notifications/outbox.ts';
import { decodeCursor, page } from '../pagination.ts';
import { step, type LoopEvent, type LoopState } from './loop.ts';
import type { PhoneReporterTexts } from './phone.ts';
import { feedbackSettings } from './settings.ts';
import { handlingUnit, unitsOf } from './units.ts';

const r = schema.feedbackReports;
const handling = alias(schema.feedbackUnits, 'handling');

/** Who is looking: the member and their roles here (the units they act for are read from the database). */
export interface FeedbackViewer {
  userId: string;
  roles: readonly TenantRole[];
  /** A business's staff member in its business centre: acts for the business's vendor units, nothing more. */
  organisationId?: string;
  /** A street department's member in its queue: acts for the department's bound units, nothing more. */
  departmentId?: string;
  /** 社区/街道 staff over the neighbourhood (督办): read every report, take no step, learn no names. */
  supervisor?: boolean;
  /** The holder of a report's tracking link (reported without an account): that report, as its reporter. */
  tracking?: string;
}

type Row = Awaited<ReturnType<typeof selectReports>>[number];
type Action = FeedbackAction['action'];

/** What a plugin gives to open a report (`feedback:create`); the reporter is the member using the plugin. */
export interface PluginFeedbackInput {
  pluginId: string;
  /** The plugin's own id for what it reports (a complaint's id): the same key never opens a second report. */
  key: string;
  category?: string | null;
  body: string;
  place?: FeedbackReportInput['place'] | null;
  /** The business the report is about (a vendor complaint): staff may assign it to that business's unit. */
  about?: { organisationId: string; name: string } | null;
}

type Intake = Omit<typeof r.$inferInsert, 'tenantId' | 'status' | 'createdAt' | 'updatedAt'> & {
  category: string;
  body: string;
  channel: FeedbackChannel;
};

type FollowerText = { kind: string; text: Record<'zh-CN' | 'en', [string, string]> };

/** What the people following a report hear of each step: its number, the step's text, the due date. */
const FOLLOWERS_TOLD: Record<string, ((n: number, step: { text: string; due: string }) => FollowerText) | undefined> = {
  assigned: (n, { due }) => ({
    kind: 'feedback.progress',
    text: {
      'zh-CN': [`您反映的问题 #${n} 已交办`, `${due} 前答复`],
      en: [`Your report #${n} was assigned`, `Answer due by ${dayLabel(due, 'en')}`],
    },
  }),
  progress: (n, { text }) => ({
    kind: 'feedback.progress',
    text: { 'zh-CN': [`您反映的问题 #${n} 有新进展`, text], en: [`Progress on your report #${n}`, text] },
  }),
  answered: (n, { text }) => ({
    kind: 'feedback.answered',
    text: {
      'zh-CN': [`您反映的问题 #${n} 已答复，请评价`, text],
      en: [`Your report #${n} was answered: please rate it`, text],
    },
  }),
  rejected: (n, { text }) => ({
    kind: 'feedback.rejected',
    text: { 'zh-CN': [`您反映的问题 #${n} 未受理`, text], en: [`Your report #${n} was not taken up`, text] },
  }),
};

/** The step each action records (and its audit action, `feedback.<step>`). */
const PAST: Record<Action, string> = {
  recategorise: 'recategorised',
  reject: 'rejected',
  merge: 'merged',
  assign: 'assigned',
  return: 'returned',
  progress: 'progress',
  answer: 'answered',
  rate: 'rated',
};

/** The clock's own steps are taken by 系统. */
const SYSTEM = { id: null, displayName: '系统' };
const DAY_MS = 86_400_000;
/** Working days past the deadline after which an overdue report goes up from the 社区 to the 街道. */
export const STREET_AFTER = 5;

/** Photos per side of a report (the reporter's, the handling side's): the same as an offering's. */
const MAX_PHOTOS = 6;

/** How much of a report's text the public board shows. */
const SUMMARY = 80;

/** A report's text as the public board shows it: its beginning. */
export const summarise = (body: string) => (body.length > SUMMARY ? `${body.slice(0, SUMMARY - 1)}…` : body);

const isStaff = (roles: readonly TenantRole[]) => roles.includes('admin') || roles.includes('staff');
/** Acting for a unit from outside the neighbourhood (a business, a street department): its reports, no names. */
const outsider = (viewer: FeedbackViewer) => !!(viewer.organisationId || viewer.departmentId);

const STAFF_ACTIONS: Action[] = ['recategorise', 'reject', 'merge', 'assign', 'return', 'progress', 'answer'];
const UNIT_ACTIONS: Action[] = ['progress', 'answer', 'return'];

/** A representative event of each action, to ask the loop whether it may happen now. */
const probe = (action: Action): LoopEvent =>
  action === 'rate'
    ? { type: 'rate', rating: 'satisfied' }
    : action === 'assign'
      ? { type: 'assign', restartClock: false }
      : { type: action };

function selectReports(tx: Tx, where: SQL | undefined, limit?: number) {
  const query = tx
    .select({
      report: r,
      buildingName: schema.buildings.name,
      entrance: schema.units.entrance,
      room: schema.units.room,
      unit: { id: handling.id, name: handling.name, kind: handling.kind },
    })
    .from(r)
    .leftJoin(schema.buildings, eq(schema.buildings.id, r.buildingId))
    .leftJoin(schema.units, eq(schema.units.id, r.unitId))
    .leftJoin(handling, eq(handling.id, r.handlingUnitId))
    .where(where)
    .orderBy(desc(r.id));
  return limit ? query.limit(limit) : query;
}

const stateOf = (report: Row['report']): LoopState => ({
  status: report.status,
  reopened: report.reopened,
  escalation: report.escalation,
});

/**
 * 码上提 reports of one neighbourhood, always inside its transaction: intake, the loop's steps through the state
 * machine in loop.ts (each one recorded as a step, audited and notified), and the views each person may have.
 */
export class FeedbackReports {
  private readonly notifications: NotificationOutbox;
  private readonly calendars: WorkingCalendars;
  private readonly texts: PhoneReporterTexts | undefined;

  constructor(deps: { notifications: NotificationOutbox; calendars: WorkingCalendars; texts?: PhoneReporterTexts }) {
    this.notifications = deps.notifications;
    this.calendars = deps.calendars;
    this.texts = deps.texts;
  }

  /**
   * A report from a member (in the portal or from a building's QR code), or one staff log for a caller or visitor
   * (channel phone / in person, with who reported).
   */
  async open(tx: Tx, context: AuditContext, viewer: FeedbackViewer, input: FeedbackReportInput) {
    const settings = await feedbackSettings(tx);
    const logged = input.channel === 'phone' || input.channel === 'in_person';
    if ((logged || input.reporter) && !isStaff(viewer.roles)) throw new AppError('forbidden');
    if (logged && !input.reporter) throw fieldError('reporter', 'required');
    if (!settings.categories.includes(input.category)) throw fieldError('category', 'invalid_value');
    const id = await this.intake(tx, context, {
      category: input.category,
      body: input.body,
      ...(await this.place(tx, input.place)),
      channel: input.channel,
      reporterUserId: input.reporter ? null : viewer.userId,
      reporterName: input.reporter?.name ?? context.actor.displayName,
      reporterPhone: input.reporter?.phone ?? null,
      namedOnBoard: input.namedOnBoard,
    });
    return this.get(tx, viewer, id, context.at);
  }

  /**
   * A report from someone without an account, their number confirmed by a code (phone.ts): named by the number's
   * last four digits, never on the board, the number kept for staff (who see it masked).
   */
  async openByPhone(tx: Tx, context: AuditContext, input: Omit<PhoneFeedbackInput, 'code'>) {
    if (!(await feedbackSettings(tx)).categories.includes(input.category)) {
      throw fieldError('category', 'invalid_value');
    }
    const id = await this.intake(tx, context, {
      category: input.category,
      body: input.body,
      ...(await this.place(tx, { ...input.place, unitId: null })),
      channel: input.channel,
      reporterUserId: null,
      reporterName: context.actor.displayName,
      reporterPhone: input.phone,
      namedOnBoard: false,
    });
    const [row] = await tx.select({ id: r.id, number: r.number }).from(r).where(eq(r.id, id));
    return row!;
  }

  /**
   * A report a plugin opens for the member using it (a complaint about a business, say) — always in that member's
   * name, never anyone else's. Channel `vendor` when it is about a business, `plugin` otherwise. A category the
   * neighbourhood does not use becomes its last one (其他 by default), since the plugin cannot know the list. The same
   * key again opens nothing and returns the report it opened before.
   */
  async openFromPlugin(tx: Tx, context: AuditContext, viewer: FeedbackViewer, input: PluginFeedbackInput) {
    const sourceKey = `${input.pluginId}:${input.key}`;
    const [known] = await tx.select({ id: r.id }).from(r).where(eq(r.sourceKey, sourceKey));
    if (!known) {
      const { categories } = await feedbackSettings(tx);
      const category = input.category && categories.includes(input.category) ? input.category : categories.at(-1)!;
      await this.intake(tx, context, {
        category,
        body: input.body,
        ...(await this.place(tx, input.place ?? { kind: 'public', buildingId: null, unitId: null, note: '' })),
        channel: input.about ? 'vendor' : 'plugin',
        sourceKey,
        aboutOrganisationId: input.about?.organisationId ?? null,
        aboutName: input.about?.name ?? null,
        reporterUserId: viewer.userId,
        reporterName: context.actor.displayName,
        reporterPhone: null,
        namedOnBoard: false,
      });
    }
    const [row] = await tx.select({ id: r.id, number: r.number }).from(r).where(eq(r.sourceKey, sourceKey));
    return { ...row!, link: await neighbourhoodPath(tx, context.tenantId, `/feedback/${row!.id}`) };
  }

  /**
   * A report an Open311 client sends (a city hotline's system, another app), in the name it gives, under a token the
   * client may look the request up by.
   */
  async openFromOpen311(
    tx: Tx,
    context: AuditContext,
    input: {
      clientId: string;
      token: string;
      category: string;
      body: string;
      place: FeedbackReportInput['place'];
      reporterName: string;
      reporterPhone: string | null;
    },
  ) {
    const id = await this.intake(tx, context, {
      category: input.category,
      body: input.body,
      ...(await this.place(tx, input.place)),
      channel: 'open311',
      sourceKey: `open311:${input.token}`,
      open311ClientId: input.clientId,
      reporterUserId: null,
      reporterName: input.reporterName,
      reporterPhone: input.reporterPhone,
      namedOnBoard: false,
    });
    const [row] = await tx.select({ id: r.id, number: r.number }).from(r).where(eq(r.id, id));
    return row!;
  }

  /** Stores a new report with its first step, its reporter following it (if a member), audited, staff told. */
  private async intake(tx: Tx, context: AuditContext, values: Intake) {
    const [row] = await tx
      .insert(r)
      .values({
        ...values,
        tenantId: context.tenantId,
        status: 'received',
        createdAt: context.at,
        updatedAt: context.at,
      })
      .returning({ id: r.id, number: r.number });
    const { id, number } = row!;
    if (values.reporterUserId) {
      await tx
        .insert(schema.feedbackFollowers)
        .values({ tenantId: context.tenantId, reportId: id, userId: values.reporterUserId });
    }
    const stepId = await this.record(tx, context, id, 'received', {
      data: { channel: values.channel, category: values.category },
    });
    await audit(tx, context, {
      action: 'feedback.received',
      targetType: 'feedback_report',
      targetId: id,
      details: { number, category: values.category, channel: values.channel },
    });
    await this.notify(
      tx,
      context,
      { reportId: id, stepId },
      'feedback.received',
      { roles: ['admin', 'staff'] },
      {
        'zh-CN': [`新反映 #${number}：${values.category}`, await this.about(tx, values, 'zh-CN')],
        en: [`New report #${number}: ${values.category}`, await this.about(tx, values, 'en')],
      },
    );
    return id;
  }

  /** One report with its steps, for its reporter and followers, its handling unit, and staff; otherwise not found. */
  async get(tx: Tx, viewer: FeedbackViewer, id: string, now: Date) {
    const [row] = await selectReports(tx, eq(r.id, id));
    const units = await unitsOf(tx, viewer);
    if (!row || !(await this.canSee(tx, row.report, viewer, units))) throw new AppError('not_found');
    const steps = await tx
      .select({
        kind: schema.feedbackSteps.kind,
        actorUserId: schema.feedbackSteps.actorUserId,
        actorName: schema.feedbackSteps.actorName,
        body: schema.feedbackSteps.body,
        data: schema.feedbackSteps.data,
        at: schema.feedbackSteps.at,
      })
      .from(schema.feedbackSteps)
      .where(eq(schema.feedbackSteps.reportId, id))
      .orderBy(schema.feedbackSteps.at, schema.feedbackSteps.id);
    const photos = await tx
      .select({ id: schema.feedbackPhotos.id, side: schema.feedbackPhotos.side })
      .from(schema.feedbackPhotos)
      .where(eq(schema.feedbackPhotos.reportId, id))
      .orderBy(schema.feedbackPhotos.createdAt, schema.feedbackPhotos.id);
    const calendar = await this.calendars.current(tx);
    const open = ['received', 'assigned', 'answered'].includes(row.report.status);
    const side = open ? this.photoSide(row.report, viewer, units) : null;
    const room = side ? photos.filter((p) => p.side === side).length < MAX_PHOTOS : false;
    const view = this.view(row, viewer, units, calendar, now);
    // Whoever may not learn the reporter's name (a business, a department, supervisors) does not read it off the
    // steps the reporter took either (the report itself, the rating).
    const byReporter = (actorUserId: string | null, s: { kind: string; actorName: string | null }) =>
      row.report.reporterUserId
        ? actorUserId === row.report.reporterUserId
        : (s.kind === 'received' || s.kind === 'rated') && s.actorName === row.report.reporterName;
    const shown = steps.map(({ actorUserId, ...s }) =>
      view.reporterName === null && byReporter(actorUserId, s) ? { ...s, actorName: null } : s,
    );
    return { ...view, steps: shown, photos, photoSide: room ? side : null };
  }

  /**
   * A photo: the reporter's of what is wrong, or the handling side's (staff, the unit)
   * of what was done, six each at most, until the report is closed.
   */
  async addPhoto(
    tx: Tx,
    context: AuditContext,
    viewer: FeedbackViewer,
    id: string,
    /** Reads (and cleans) the upload: called only once the report is known to be the viewer's to add to. */
    upload: () => Promise<{ type: string; bytes: Uint8Array }>,
  ) {
    const [row] = await selectReports(tx, eq(r.id, id));
    const units = await unitsOf(tx, viewer);
    if (!row || !(await this.canSee(tx, row.report, viewer, units))) throw new AppError('not_found');
    const side = this.photoSide(row.report, viewer, units);
    if (!side) throw new AppError('forbidden');
    // One photo at a time per report, so that two uploads together cannot make a seventh.
    const [locked] = await tx.select({ status: r.status }).from(r).where(eq(r.id, id)).for('update');
    if (!['received', 'assigned', 'answered'].includes(locked!.status)) throw new AppError('feedback_not_now');
    const p = schema.feedbackPhotos;
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(p)
      .where(and(eq(p.reportId, id), eq(p.side, side)))) as [{ n: number }];
    if (n >= MAX_PHOTOS) throw new AppError('too_many_photos');
    const photo = await upload();
    const [added] = await tx
      .insert(p)
      .values({
        tenantId: context.tenantId,
        reportId: id,
        side,
        addedBy: viewer.tracking ? null : viewer.userId,
        contentType: photo.type,
        bytes: photo.bytes,
        createdAt: context.at,
      })
      .returning({ id: p.id });
    await audit(tx, context, {
      action: 'feedback.photo_added',
      targetType: 'feedback_report',
      targetId: id,
      details: { number: row.report.number, side },
    });
    return { id: added!.id, side };
  }

  /** Whose photos the viewer adds: the reporter's side, the handling side (staff, the unit), or none. */
  private photoSide(report: Row['report'], viewer: FeedbackViewer, units: string[]) {
    const actions = this.roleActions(report, viewer, units);
    return actions.includes('rate') ? ('reporter' as const) : actions.includes('answer') ? ('handler' as const) : null;
  }

  /** A photo of a report, to whoever may read the report. */
  async photo(tx: Tx, viewer: FeedbackViewer, reportId: string, photoId: string) {
    const [row] = await selectReports(tx, eq(r.id, reportId));
    const units = await unitsOf(tx, viewer);
    if (!row || !(await this.canSee(tx, row.report, viewer, units))) throw new AppError('not_found');
    const p = schema.feedbackPhotos;
    const [photo] = await tx
      .select({ contentType: p.contentType, bytes: p.bytes })
      .from(p)
      .where(and(eq(p.id, photoId), eq(p.reportId, reportId)));
    if (!photo) throw new AppError('not_found');
    return photo;
  }

  /**
   * The reports a person may see, newest first: staff see the queue (filtered by state, category, unit, overdue),
   * a unit's members what is assigned to their units, everyone else what they reported or follow.
   */
  async list(
    tx: Tx,
    viewer: FeedbackViewer,
    query: {
      cursor?: string | undefined;
      limit: number;
      status?: Row['report']['status'] | undefined;
      category?: string | undefined;
      unit?: string | undefined;
      overdue?: boolean | undefined;
      mine?: boolean | undefined;
    },
    now: Date,
  ) {
    const after = decodeCursor(query.cursor);
    const units = await unitsOf(tx, viewer);
    const followed = sql`${r.id} in (select report_id from feedback_followers where user_id = ${viewer.userId})`;
    const visible = outsider(viewer)
      ? units.length
        ? inArray(r.handlingUnitId, units)
        : sql`false`
      : query.mine || (!isStaff(viewer.roles) && !units.length)
        ? followed
        : isStaff(viewer.roles)
          ? undefined
          : or(followed, inArray(r.handlingUnitId, units));
    const today = beijingDate(now);
    const rows = await selectReports(
      tx,
      and(
        visible,
        query.status ? eq(r.status, query.status) : undefined,
        query.category ? eq(r.category, query.category) : undefined,
        query.unit ? eq(r.handlingUnitId, query.unit) : undefined,
        query.overdue ? and(eq(r.status, 'assigned'), lt(r.dueOn, today)) : undefined,
        after ? lt(r.id, after) : undefined,
      ),
      query.limit + 1,
    );
    const calendar = await this.calendars.current(tx);
    return page(
      rows.map((row) => this.view(row, viewer, units, calendar, now)),
      query.limit,
    );
  }

  /**
   * The public board (公示) of closed reports, newest first: category, building (never the unit), a short summary,
   * working days from report to answer, the rating — and the reporter's name only where they agreed.
   */
  async board(tx: Tx, query: { cursor?: string | undefined; limit: number }) {
    const after = decodeCursor(query.cursor);
    const rows = await selectReports(
      tx,
      and(eq(r.status, 'closed'), after ? lt(r.id, after) : undefined),
      query.limit + 1,
    );
    const calendar = await this.calendars.current(tx);
    return page(
      rows.map(({ report, buildingName }) => ({
        id: report.id,
        number: report.number,
        category: report.category,
        building: buildingName,
        summary: summarise(report.body),
        reporterName: report.namedOnBoard ? report.reporterName : null,
        reportedOn: beijingDate(report.createdAt),
        closedOn: beijingDate(report.closedAt!),
        workingDaysTaken: calendar.workingDaysBetween(
          beijingDate(report.createdAt),
          beijingDate(report.answeredAt ?? report.closedAt!),
        ),
        rating: report.rating,
      })),
      query.limit,
    );
  }

  /** One step of the loop: whether it may happen now is the state machine's answer, who may take it is here. */
  async act(tx: Tx, context: AuditContext, viewer: FeedbackViewer, id: string, action: FeedbackAction) {
    const [row] = await selectReports(tx, eq(r.id, id));
    const units = await unitsOf(tx, viewer);
    if (!row || !(await this.canSee(tx, row.report, viewer, units))) throw new AppError('not_found');
    const report = row.report;
    if (!this.roleActions(report, viewer, units).includes(action.action)) throw new AppError('forbidden');
    // One step at a time per report: the row lock orders concurrent steps, and the state is read again under it.
    const [locked] = await tx.select().from(r).where(eq(r.id, id)).for('update');
    const settings = await feedbackSettings(tx);
    const event: LoopEvent =
      action.action === 'assign'
        ? { type: 'assign', restartClock: settings.restartClockOnReassign }
        : action.action === 'rate'
          ? { type: 'rate', rating: action.rating }
          : { type: action.action };
    const result = step(stateOf(locked!), event);
    if (!result.ok) throw new AppError('feedback_not_now');
    const now = context.at;
    const changes: Partial<typeof r.$inferInsert> = {
      status: result.state.status,
      reopened: result.state.reopened,
      escalation: result.state.escalation,
      updatedAt: now,
    };
    if (result.clock === 'start') {
      const due = (await this.calendars.current(tx)).addWorkingDays(beijingDate(now), settings.workingDays);
      Object.assign(changes, { assignedAt: now, dueOn: due.due, dueProvisional: due.provisional, remindedAt: null });
    }
    if (result.state.status === 'closed') changes.closedAt = now;
    let kind: string = PAST[action.action];
    let stepText = '';
    const data: Record<string, unknown> = {};
    switch (action.action) {
      case 'recategorise':
        if (!settings.categories.includes(action.category)) throw fieldError('category', 'invalid_value');
        changes.category = action.category;
        data.category = action.category;
        break;
      case 'reject':
        changes.rejectReason = action.reason;
        stepText = action.reason;
        break;
      case 'merge': {
        const survivor = await this.survivor(tx, id, action.into);
        changes.mergedInto = survivor.id;
        data.into = survivor.number;
        await tx.execute(sql`
          insert into feedback_followers (tenant_id, report_id, user_id)
          select tenant_id, ${survivor.id}, user_id from feedback_followers where report_id = ${id}
          on conflict do nothing`);
        if (report.reporterUserId) {
          await tx
            .insert(schema.feedbackFollowers)
            .values({ tenantId: context.tenantId, reportId: survivor.id, userId: report.reporterUserId })
            .onConflictDoNothing();
        }
        await this.record(tx, context, survivor.id, 'merged_in', { data: { from: report.number } });
        break;
      }
      case 'assign': {
        const unit = await handlingUnit(tx, context.tenantId, action.unitId);
        if (report.status === 'assigned') kind = 'reassigned';
        changes.handlingUnitId = unit.id;
        data.unit = unit.name;
        stepText = action.note;
        break;
      }
      case 'return':
        changes.handlingUnitId = null;
        changes.dueOn = null;
        changes.dueProvisional = false;
        stepText = action.reason;
        data.unit = row.unit?.name ?? null;
        break;
      case 'progress':
        Object.assign(changes, this.firstResponse(report, now));
        stepText = action.body;
        break;
      case 'answer':
        Object.assign(changes, this.firstResponse(report, now));
        changes.answeredAt = now;
        changes.workingDaysTaken = (await this.calendars.current(tx)).workingDaysBetween(
          beijingDate(report.createdAt),
          beijingDate(now),
        );
        stepText = action.body;
        break;
      case 'rate':
        data.rating = action.rating;
        stepText = action.comment;
        if (result.state.status === 'assigned') {
          kind = 'reopened';
          changes.answeredAt = null;
        } else {
          changes.rating = action.rating;
          changes.ratingComment = action.comment || null;
        }
        break;
    }
    if (changes.dueOn) data.dueOn = changes.dueOn;
    await tx.update(r).set(changes).where(eq(r.id, id));
    const stepId = await this.record(tx, context, id, kind, { body: stepText, data });
    await audit(tx, context, {
      action: `feedback.${kind}`,
      targetType: 'feedback_report',
      targetId: id,
      details: { number: report.number, status: result.state.status, ...data },
    });
    await this.announce(tx, context, { ...report, ...changes } as typeof report, { kind, stepId, text: stepText });
    return this.get(tx, viewer, id, now);
  }

  /** The unit's first word after assignment, and whether it came by the deadline. */
  private firstResponse(report: Row['report'], now: Date): Partial<typeof r.$inferInsert> {
    if (report.firstResponseAt) return {};
    return { firstResponseAt: now, respondedOnTime: report.dueOn ? beijingDate(now) <= report.dueOn : null };
  }

  /**
   * Several reports to one unit in one go, each through the same step as alone (recorded, audited, notified): all or
   * none — a report that cannot be assigned now names itself (`reportIds.<i>`) and nothing is assigned.
   */
  async assignMany(
    tx: Tx,
    context: AuditContext,
    viewer: FeedbackViewer,
    input: { reportIds: string[]; unitId: string; note: string },
  ) {
    const ids = [...new Set(input.reportIds)];
    for (const [i, id] of ids.entries()) {
      try {
        await this.act(tx, context, viewer, id, { action: 'assign', unitId: input.unitId, note: input.note });
      } catch (error) {
        // Not found, not at a step that allows it, not the viewer's to assign: this report, by its place in the list.
        if (error instanceof AppError && error.code !== 'validation_failed')
          throw fieldError(`reportIds.${i}`, 'invalid_value');
        throw error;
      }
    }
    return { assigned: ids.length };
  }

  /**
   * The loop's own clock (督办), run for one neighbourhood inside its transaction: the handling unit is reminded
   * `remindBefore` working days before the deadline; an overdue report goes up to the 社区 on the first working day
   * past it and to the 街道 after `STREET_AFTER` more; an answer not rated within `ratingDays` closes as not rated.
   * Each is a step of the state machine like any other, recorded, audited and notified, by 系统.
   */
  async tick(tx: Tx, tenantId: string, now: Date) {
    const settings = await feedbackSettings(tx);
    const calendar = await this.calendars.current(tx);
    const today = beijingDate(now);
    const context: AuditContext = { tenantId, actor: SYSTEM, at: now };
    const open = await tx
      .select()
      .from(r)
      .where(inArray(r.status, ['assigned', 'answered']))
      .for('update');
    for (const report of open) {
      if (report.status === 'answered') {
        if (report.answeredAt && now.getTime() - report.answeredAt.getTime() >= settings.ratingDays * DAY_MS) {
          await this.system(tx, context, report, { type: 'lapse' }, 'lapsed', { closedAt: now });
        }
        continue;
      }
      if (!report.dueOn || !report.handlingUnitId) continue;
      if (today <= report.dueOn) {
        if (!report.remindedAt && calendar.workingDaysBetween(today, report.dueOn) <= settings.remindBefore) {
          await tx.update(r).set({ remindedAt: now }).where(eq(r.id, report.id));
          const stepId = await this.record(tx, context, report.id, 'reminded', { data: { dueOn: report.dueOn } });
          const unit = await this.unitAudience(tx, report.handlingUnitId, report.id);
          if (unit) {
            const text: Record<'zh-CN' | 'en', [string, string]> = {
              'zh-CN': [
                `#${report.number} 将于 ${report.dueOn} 到期，请及时答复`,
                await this.about(tx, report, 'zh-CN'),
              ],
              en: [
                `#${report.number} is due on ${dayLabel(report.dueOn, 'en')}: please answer`,
                await this.about(tx, report, 'en'),
              ],
            };
            await this.notify(
              tx,
              context,
              { reportId: report.id, stepId },
              'feedback.reminder',
              unit.audience,
              text,
              unit.apart,
            );
          }
        }
        continue;
      }
      const overdue = calendar.workingDaysBetween(report.dueOn, today);
      const target = overdue > STREET_AFTER ? 'street' : overdue >= 1 ? 'community' : 'none';
      let state = stateOf(report);
      while (FEEDBACK_ESCALATIONS.indexOf(state.escalation) < FEEDBACK_ESCALATIONS.indexOf(target)) {
        const next = await this.system(tx, context, { ...report, ...state }, { type: 'escalate' }, 'escalated', {
          escalatedAt: now,
        });
        state = next.state;
        await this.tellSupervisors(tx, context, { reportId: report.id, stepId: next.stepId }, report, {
          level: state.escalation,
          overdue,
        });
      }
    }
  }

  /** A step the clock takes: through the state machine, recorded and audited like a person's. */
  private async system(
    tx: Tx,
    context: AuditContext,
    report: Row['report'],
    event: LoopEvent,
    kind: string,
    extra: Partial<typeof r.$inferInsert>,
  ): Promise<{ state: LoopState; stepId: string }> {
    const result = step(stateOf(report), event);
    if (!result.ok) throw new Error(`the clock took a step the loop refuses: ${kind} from ${report.status}`);
    await tx
      .update(r)
      .set({ ...result.state, ...extra, updatedAt: context.at })
      .where(eq(r.id, report.id));
    const data = { status: result.state.status, escalation: result.state.escalation };
    const stepId = await this.record(tx, context, report.id, kind, { data });
    await audit(tx, context, {
      action: `feedback.${kind}`,
      targetType: 'feedback_report',
      targetId: report.id,
      details: { number: report.number, ...data },
    });
    return { state: result.state, stepId };
  }

  /** Overdue: the neighbourhood's staff, and the staff of the 社区 (then the 街道) above it. */
  private async tellSupervisors(
    tx: Tx,
    context: AuditContext,
    ref: { reportId: string; stepId: string },
    report: Row['report'],
    { level, overdue }: { level: LoopState['escalation']; overdue: number },
  ) {
    const [tenant] = await tx
      .select({ community: schema.tenants.communityId, street: schema.tenants.streetId })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, context.tenantId));
    const regionId = level === 'street' ? tenant!.street : tenant!.community;
    const staff = await tx
      .select({ userId: schema.regionStaff.userId })
      .from(schema.regionStaff)
      .where(eq(schema.regionStaff.regionId, regionId));
    const members = await tx
      .select({ userId: schema.members.userId })
      .from(schema.members)
      .where(sql`${schema.members.roles} && array['admin', 'staff']::text[]`);
    const to = level === 'street' ? { zh: '街道', en: 'street' } : { zh: '社区', en: 'community' };
    const text: Record<'zh-CN' | 'en', [string, string]> = {
      'zh-CN': [
        `#${report.number} 已逾期 ${overdue} 个工作日，已提请${to.zh}督办`,
        await this.about(tx, report, 'zh-CN'),
      ],
      en: [
        `#${report.number} is ${overdue} working days overdue: escalated to the ${to.en}`,
        await this.about(tx, report, 'en'),
      ],
    };
    const insiders = members.map((x) => x.userId);
    // A street department is pressed in its own queue, at either level; its people are not told twice.
    const unit = report.handlingUnitId ? await this.unitAudience(tx, report.handlingUnitId, report.id) : null;
    const department = unit?.apart && 'users' in unit.audience ? unit.audience.users : [];
    if (unit?.apart && department.length) {
      await this.notify(tx, context, ref, 'feedback.overdue', unit.audience, text, unit.apart);
    }
    const supervisors = staff.map((x) => x.userId).filter((id) => !insiders.includes(id) && !department.includes(id));
    await this.notify(tx, context, ref, 'feedback.overdue', { users: insiders }, text);
    // Region staff read it in their branch view (read only), not in the neighbourhood they are not members of.
    if (supervisors.length) {
      const slug = (await neighbourhoodPath(tx, context.tenantId)).split('/')[2]!;
      await this.notify(tx, context, ref, 'feedback.overdue', { users: supervisors }, text, {
        key: 'supervisors',
        link: `/supervision/feedback/${slug}/${report.id}`,
      });
    }
  }

  private async survivor(tx: Tx, id: string, into: string) {
    if (into === id) throw fieldError('into', 'invalid_value');
    const [target] = await tx.select({ id: r.id, number: r.number, status: r.status }).from(r).where(eq(r.id, into));
    if (!target || !['received', 'assigned', 'answered'].includes(target.status)) {
      throw fieldError('into', 'invalid_value');
    }
    return target;
  }

  /** Tells the people a step concerns: the unit of an assignment, the followers of progress, answers and refusals. */
  private async announce(
    tx: Tx,
    context: AuditContext,
    report: Row['report'],
    { kind, stepId, text }: { kind: string; stepId: string; text: string },
  ) {
    const number = report.number;
    const ref = { reportId: report.id, stepId };
    if (kind === 'assigned' || kind === 'reassigned' || kind === 'reopened') {
      const unit = await this.unitAudience(tx, report.handlingUnitId!, report.id);
      if (unit) {
        await this.notify(
          tx,
          context,
          ref,
          'feedback.assigned',
          unit.audience,
          {
            'zh-CN': [
              `交办 #${number}：${report.category}，${report.dueOn} 前答复`,
              await this.about(tx, report, 'zh-CN'),
            ],
            en: [
              `Assigned #${number}: ${report.category}, answer by ${report.dueOn === null ? '' : dayLabel(report.dueOn, 'en')}`,
              await this.about(tx, report, 'en'),
            ],
          },
          unit.apart,
        );
      }
    }
    const told = FOLLOWERS_TOLD[kind]?.(number, { text, due: `${report.dueOn}` });
    const followers = told ? await this.followers(tx, report.id) : [];
    if (told && followers.length) await this.notify(tx, context, ref, told.kind, { users: followers }, told.text);
    // Who reported without an account hears of the outcome by text, with a link to follow it.
    if (told && (kind === 'answered' || kind === 'rejected')) await this.texts?.tell(tx, report.id, told.text);
  }

  private async followers(tx: Tx, reportId: string) {
    const rows = await tx
      .select({ userId: schema.feedbackFollowers.userId })
      .from(schema.feedbackFollowers)
      .where(eq(schema.feedbackFollowers.reportId, reportId));
    return rows.map((row) => row.userId);
  }

  /**
   * A vendor unit is told through its organisation; a street department through the street's staff who act for it,
   * apart, in its own queue; any other through the members named to it.
   */
  private async unitAudience(
    tx: Tx,
    unitId: string,
    reportId: string,
  ): Promise<{ audience: NotificationAudience; apart?: { key: string; link: string } } | null> {
    const [unit] = await tx.select().from(schema.feedbackUnits).where(eq(schema.feedbackUnits.id, unitId));
    if (unit?.organisationId) return { audience: { organisation: unit.organisationId } };
    if (unit?.departmentId) {
      const d = schema.feedbackDepartmentMembers;
      // Someone who has left the street's staff no longer acts for its department.
      const people = await tx
        .select({ userId: d.userId })
        .from(d)
        .innerJoin(
          schema.regionStaff,
          and(eq(schema.regionStaff.userId, d.userId), eq(schema.regionStaff.regionId, d.regionId)),
        )
        .where(eq(d.departmentId, unit.departmentId));
      if (!people.length) return null;
      const slug = (await neighbourhoodPath(tx, unit.tenantId)).split('/')[2]!;
      return {
        audience: { users: people.map((p) => p.userId) },
        apart: { key: 'department', link: `/supervision/departments/${unit.departmentId}/${slug}/${reportId}` },
      };
    }
    const members = await tx
      .select({ userId: schema.feedbackUnitMembers.userId })
      .from(schema.feedbackUnitMembers)
      .where(eq(schema.feedbackUnitMembers.unitId, unitId));
    return members.length ? { audience: { users: members.map((m) => m.userId) } } : null;
  }

  private async notify(
    tx: Tx,
    context: AuditContext,
    { reportId, stepId }: { reportId: string; stepId: string },
    kind: string,
    audience: NotificationAudience,
    text: Record<'zh-CN' | 'en', [string, string]>,
    /** A second audience of the same step tells its own key; a page of its own where it reads elsewhere. */
    apart?: { key: string; link: string },
  ) {
    const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 139)}…` : s);
    await this.notifications.send(
      tx,
      context.tenantId,
      'core',
      {
        kind,
        key: `feedback:${stepId}:${kind}${apart ? `:${apart.key}` : ''}`,
        audience,
        title: { 'zh-CN': text['zh-CN'][0], en: text.en[0] },
        body: { 'zh-CN': clip(text['zh-CN'][1]), en: clip(text.en[1]) },
        link: apart?.link ?? (await this.link(tx, context.tenantId, reportId, audience)),
      },
      context.at,
    );
  }

  /**
   * What a notification says of a report: its category and where, never the reporter's own words — the outbox keeps
   * notifications, and those words must go when the reporter's account does (the page shows them to who may read).
   */
  private async about(
    tx: Tx,
    report: { category: string; buildingId?: string | null | undefined },
    locale: 'zh-CN' | 'en',
  ) {
    const [building] = report.buildingId
      ? await tx
          .select({ name: schema.buildings.name })
          .from(schema.buildings)
          .where(eq(schema.buildings.id, report.buildingId))
      : [];
    const place = building ? buildingLabel(building.name, locale) : locale === 'zh-CN' ? '公共区域' : 'a public area';
    return locale === 'zh-CN' ? `${report.category} · ${place}` : `${report.category}, ${place}`;
  }

  /** A business's staff open the report in their business centre; everyone else in the neighbourhood. */
  private async link(tx: Tx, tenantId: string, reportId: string, audience: NotificationAudience) {
    const inNeighbourhood = await neighbourhoodPath(tx, tenantId, `/feedback/${reportId}`);
    if (!('organisation' in audience)) return inNeighbourhood;
    const slug = inNeighbourhood.split('/')[2]!;
    return `/vendor/${audience.organisation}/feedback/${slug}/${reportId}`;
  }

  private async record(
    tx: Tx,
    context: AuditContext,
    reportId: string,
    kind: string,
    step: { body?: string; data?: Record<string, unknown> },
  ): Promise<string> {
    const [row] = await tx
      .insert(schema.feedbackSteps)
      .values({
        tenantId: context.tenantId,
        reportId,
        kind,
        actorUserId: context.actor.id,
        actorName: context.actor.displayName,
        body: step.body ?? '',
        data: step.data ?? {},
        at: context.at,
      })
      .returning({ id: schema.feedbackSteps.id });
    return row!.id;
  }

  private async canSee(tx: Tx, report: Row['report'], viewer: FeedbackViewer, units: string[]) {
    if (viewer.tracking) return viewer.tracking === report.id;
    if (isStaff(viewer.roles) || viewer.supervisor) return true;
    if (report.handlingUnitId && units.includes(report.handlingUnitId)) return true;
    if (outsider(viewer)) return false;
    const [follows] = await tx
      .select({ userId: schema.feedbackFollowers.userId })
      .from(schema.feedbackFollowers)
      .where(and(eq(schema.feedbackFollowers.reportId, report.id), eq(schema.feedbackFollowers.userId, viewer.userId)));
    return !!follows;
  }

  /** What the viewer's part in the report lets them do at some step: staff triage, the unit answers, the reporter rates. */
  private roleActions(report: Row['report'], viewer: FeedbackViewer, units: string[]): Action[] {
    const mine = new Set<Action>();
    if (viewer.supervisor) return [];
    if (isStaff(viewer.roles)) STAFF_ACTIONS.forEach((a) => mine.add(a));
    if (report.handlingUnitId && units.includes(report.handlingUnitId)) UNIT_ACTIONS.forEach((a) => mine.add(a));
    if (this.isReporter(report, viewer) && !outsider(viewer)) mine.add('rate');
    return [...mine];
  }

  private isReporter(report: Row['report'], viewer: FeedbackViewer) {
    return viewer.tracking ? viewer.tracking === report.id : report.reporterUserId === viewer.userId;
  }

  /** The actions the viewer may take on the report now: their part's, as far as the loop admits them. */
  private mayTake(report: Row['report'], viewer: FeedbackViewer, units: string[]): Action[] {
    return this.roleActions(report, viewer, units).filter((action) => step(stateOf(report), probe(action)).ok);
  }

  private view(row: Row, viewer: FeedbackViewer, units: string[], calendar: WorkingCalendar, now: Date) {
    const { report } = row;
    const today = beijingDate(now);
    const left =
      report.status === 'assigned' && report.dueOn
        ? today <= report.dueOn
          ? calendar.workingDaysBetween(today, report.dueOn)
          : -calendar.workingDaysBetween(report.dueOn, today)
        : null;
    // A business handling a report learns what and where, not who (unless the reporter agreed to be named).
    const insider =
      isStaff(viewer.roles) ||
      (!outsider(viewer) && report.handlingUnitId !== null && units.includes(report.handlingUnitId));
    const own = this.isReporter(report, viewer);
    return {
      id: report.id,
      number: report.number,
      category: report.category,
      body: report.body,
      place: {
        kind: report.placeKind,
        building: row.buildingName,
        unit: row.room ? [row.entrance, row.room].filter(Boolean).join(' ') : null,
        note: report.placeNote,
      },
      channel: report.channel,
      about:
        report.aboutOrganisationId && report.aboutName
          ? { organisationId: report.aboutOrganisationId, name: report.aboutName }
          : null,
      status: report.status,
      reporterName: insider || own || report.namedOnBoard ? report.reporterName : null,
      reporterPhone: insider && report.reporterPhone ? maskPhone(report.reporterPhone) : null,
      namedOnBoard: report.namedOnBoard,
      handlingUnit: row.unit?.id ? { id: row.unit.id, name: row.unit.name, kind: row.unit.kind } : null,
      assignedAt: report.assignedAt,
      dueOn: report.dueOn,
      dueProvisional: report.dueProvisional,
      workingDaysLeft: left,
      escalation: report.escalation,
      reopened: report.reopened,
      answeredAt: report.answeredAt,
      closedAt: report.closedAt,
      rating: report.rating,
      ratingComment: report.ratingComment,
      rejectReason: report.rejectReason,
      mergedInto: report.mergedInto,
      createdAt: report.createdAt,
      actions: this.mayTake(report, viewer, units),
    };
  }

  /** The place as stored: a building of this neighbourhood, a unit in it, or a public area (a building optional). */
  private async place(tx: Tx, place: FeedbackReportInput['place']) {
    if (place.kind !== 'public' && !place.buildingId) throw fieldError('place.buildingId', 'required');
    if (place.kind === 'unit' && !place.unitId) throw fieldError('place.unitId', 'required');
    if (place.buildingId) {
      const [building] = await tx
        .select({ id: schema.buildings.id })
        .from(schema.buildings)
        .where(eq(schema.buildings.id, place.buildingId));
      if (!building) throw fieldError('place.buildingId', 'invalid_value');
    }
    if (place.kind === 'unit') {
      const [unit] = await tx
        .select({ id: schema.units.id })
        .from(schema.units)
        .where(and(eq(schema.units.id, place.unitId!), eq(schema.units.buildingId, place.buildingId!)));
      if (!unit) throw fieldError('place.unitId', 'invalid_value');
    }
    return {
      placeKind: place.kind,
      buildingId: place.buildingId,
      unitId: place.kind === 'unit' ? place.unitId : null,
      placeNote: place.note,
    };
  }
}
