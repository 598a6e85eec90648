import type { FeedbackRating, Locale, PhoneFeedbackInput } from '@city/contracts';
import { RateLimiter, SmsGate, randomToken, sha256Text, type Clock, type PhoneCodes, type SmsSender } from '@city/auth';
import { schema, type Tx } from '@city/db';
import { desc, eq } from 'drizzle-orm';
import { limitCodeRequests, type RequestMeta } from '../accounts.ts';
import { AppError } from '../errors.ts';
import { neighbourhoodPath } from '../notifications/neighbourhood-path.ts';
import { sendText } from '../sms-texts.ts';
import type { FeedbackReports, FeedbackViewer } from './reports.ts';

const t = schema.feedbackTrackers;

/** The holder of a tracking link has no account: a user id no account has, so that no member's rows match it. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Steps whose text the reporter reads on the tracking page; the others (notes to the unit, its returns) by kind only. */
const TOLD_STEPS = new Set(['progress', 'answered', 'rejected', 'rated', 'reopened']);

/** Where the reporter follows a report made without an account (the portal's public tracking page). */
export const trackingPath = (slug: string, token: string) =>
  `/p/${encodeURIComponent(slug)}/feedback/${encodeURIComponent(token)}`;

/** A fresh tracking token for a report: only its hash is kept. */
async function issueTracker(tx: Tx, tenantId: string, reportId: string, locale: Locale, at: Date) {
  const token = randomToken();
  await tx.insert(t).values({ tokenHash: sha256Text(token), tenantId, reportId, locale, createdAt: at });
  return token;
}

type Detail = Awaited<ReturnType<FeedbackReports['get']>>;

/** The report as its tracking page shows it: the progress and the answer, without what only staff and the unit read. */
export function trackedView(
  detail: Pick<
    Detail,
    | 'number'
    | 'category'
    | 'body'
    | 'place'
    | 'status'
    | 'handlingUnit'
    | 'dueOn'
    | 'dueProvisional'
    | 'workingDaysLeft'
    | 'reopened'
    | 'answeredAt'
    | 'closedAt'
    | 'rating'
    | 'ratingComment'
    | 'rejectReason'
    | 'createdAt'
    | 'steps'
    | 'photos'
    | 'actions'
    | 'photoSide'
  >,
) {
  return {
    number: detail.number,
    category: detail.category,
    body: detail.body,
    place: { kind: detail.place.kind, building: detail.place.building, note: detail.place.note },
    status: detail.status,
    handlingUnit: detail.handlingUnit?.name ?? null,
    dueOn: detail.dueOn,
    dueProvisional: detail.dueProvisional,
    workingDaysLeft: detail.workingDaysLeft,
    reopened: detail.reopened,
    answeredAt: detail.answeredAt,
    closedAt: detail.closedAt,
    rating: detail.rating,
    ratingComment: detail.ratingComment,
    rejectReason: detail.rejectReason,
    createdAt: detail.createdAt,
    steps: detail.steps.map((s) => ({ kind: s.kind, body: TOLD_STEPS.has(s.kind) ? s.body : '', at: s.at })),
    photos: detail.photos,
    canRate: detail.actions.includes('rate'),
    canAddPhoto: detail.photoSide === 'reporter',
  };
}

/**
 * Texts the person who reported without an account when their report is answered or refused, with a fresh link to
 * follow it (the first one's token is not kept). Inside the step's transaction, like an invitation's text; a text
 * that cannot go (over a limit, the carrier down) does not undo the step: the page tells the same.
 */
export class PhoneReporterTexts {
  private readonly deps: { clock: Clock; sms: SmsSender; publicUrl: string };

  constructor(deps: { clock: Clock; sms: SmsSender; publicUrl: string }) {
    this.deps = deps;
  }

  async tell(tx: Tx, reportId: string, text: Record<Locale, [string, string]>) {
    const [tracker] = await tx
      .select({ tenantId: t.tenantId, locale: t.locale, phone: schema.feedbackReports.reporterPhone })
      .from(t)
      .innerJoin(schema.feedbackReports, eq(schema.feedbackReports.id, t.reportId))
      .where(eq(t.reportId, reportId))
      .orderBy(desc(t.createdAt))
      .limit(1);
    if (!tracker?.phone) return;
    const { clock, sms, publicUrl } = this.deps;
    const token = await issueTracker(tx, tracker.tenantId, reportId, tracker.locale, clock.now());
    const slug = (await neighbourhoodPath(tx, tracker.tenantId)).split('/')[2]!;
    const gate = new SmsGate(sms, new RateLimiter(tx, clock));
    // The title names the report's number and outcome, never the reporter's words.
    const title = text[tracker.locale][0];
    const url = `${publicUrl}${trackingPath(slug, token)}`;
    try {
      await sendText(gate, tracker.phone, { kind: 'notification', title, url }, tracker.locale);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.warn(`[feedback] report ${reportId}: the reporter's text was not sent (${error.code})`);
    }
  }
}

/**
 * 码上提 without an account: a code texted to the reporter's number, the report opened once the code is confirmed,
 * and a tracking link by which they follow it, rate the answer and add photos — the loop's own steps, taken through
 * FeedbackReports as the report's reporter.
 */
export class PhoneFeedback {
  private readonly deps: { codes: PhoneCodes; limiter: RateLimiter; reports: FeedbackReports };
  private readonly sms: SmsGate;

  constructor(deps: { codes: PhoneCodes; limiter: RateLimiter; sms: SmsSender; reports: FeedbackReports }) {
    this.deps = deps;
    this.sms = new SmsGate(deps.sms, deps.limiter);
  }

  /** A code to report with, within the same limits as any other code to the number and from the address. */
  async sendCode(phone: string, meta: RequestMeta) {
    await limitCodeRequests(this.deps.limiter, phone, meta.ip);
    const issued = await this.deps.codes.issue(phone, 'feedback');
    if (!issued.ok) throw new AppError('rate_limited', { retryAfter: issued.retryAfter });
    await sendText(this.sms, phone, { kind: 'code', code: issued.code }, meta.locale);
    return { expiresAt: issued.expiresAt, resendAfterSeconds: 60 };
  }

  /**
   * Uses up the code, outside the neighbourhood's transaction so that a wrong guess counts against the code's
   * attempts even though the request fails.
   */
  async confirm(phone: string, code: string) {
    if (!(await this.deps.codes.verify(phone, 'feedback', code))) throw new AppError('code_invalid');
  }

  /** Opens the report of a confirmed number; its tracking token is returned this once. */
  async open(tx: Tx, at: { tenantId: string; at: Date }, input: Omit<PhoneFeedbackInput, 'code'>, locale: Locale) {
    const actor = { id: null, displayName: `手机尾号${input.phone.slice(-4)}` };
    const report = await this.deps.reports.openByPhone(tx, { ...at, actor }, input);
    return { number: report.number, token: await issueTracker(tx, at.tenantId, report.id, locale, at.at) };
  }

  async tracked(tx: Tx, token: string, now: Date) {
    const holder = await this.holder(tx, token);
    return trackedView(await this.deps.reports.get(tx, holder.viewer, holder.reportId, now));
  }

  /** 评价 by the link's holder: the loop's own rate step (不满意 reopens once). */
  async rate(tx: Tx, token: string, at: Date, input: { rating: FeedbackRating; comment: string }) {
    const holder = await this.holder(tx, token);
    const detail = await this.deps.reports.act(tx, holder.context(at), holder.viewer, holder.reportId, {
      action: 'rate',
      ...input,
    });
    return trackedView(detail);
  }

  async addPhoto(tx: Tx, token: string, at: Date, upload: () => Promise<{ type: string; bytes: Uint8Array }>) {
    const holder = await this.holder(tx, token);
    return this.deps.reports.addPhoto(tx, holder.context(at), holder.viewer, holder.reportId, upload);
  }

  async photo(tx: Tx, token: string, photoId: string) {
    const holder = await this.holder(tx, token);
    return this.deps.reports.photo(tx, holder.viewer, holder.reportId, photoId);
  }

  /** The report a token follows, in this neighbourhood only (another's tokens are not found here). */
  private async holder(tx: Tx, token: string) {
    const [row] = await tx
      .select({
        reportId: t.reportId,
        tenantId: t.tenantId,
        name: schema.feedbackReports.reporterName,
      })
      .from(t)
      .innerJoin(schema.feedbackReports, eq(schema.feedbackReports.id, t.reportId))
      .where(eq(t.tokenHash, sha256Text(token)));
    if (!row) throw new AppError('not_found');
    const viewer: FeedbackViewer = { userId: NOBODY, roles: [], tracking: row.reportId };
    return {
      reportId: row.reportId,
      viewer,
      context: (now: Date) => ({ tenantId: row.tenantId, actor: { id: null, displayName: row.name ?? '' }, at: now }),
    };
  }
}
