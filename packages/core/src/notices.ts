import { TENANT_ROLES, type NoticeCategory, type NoticeInput } from '@city/contracts';
import { schema, type NotificationAudience, type Tx } from '@city/db';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { audit, type AuditContext } from './audit.ts';
import { AppError } from './errors.ts';
import { neighbourhoodPath } from './notifications/neighbourhood-path.ts';
import type { NotificationOutbox } from './notifications/outbox.ts';
import type { Reader } from './verification.ts';

const n = schema.notices;
const columns = getTableColumns(n);
type NoticeRow = typeof n.$inferSelect;
export type NoticeState = 'draft' | 'scheduled' | 'live' | 'expired' | 'withdrawn';

export function noticeState(row: Pick<NoticeRow, 'status' | 'publishAt' | 'expiresAt'>, now: Date): NoticeState {
  if (row.status !== 'published') return row.status;
  if (row.publishAt && row.publishAt > now) return 'scheduled';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'live';
}

/**
 * Who may read a live notice. Owners-only and one-building notices reach exactly the people the registry links
 * there through a verification (see verification.ts), and the people who run the neighbourhood.
 */
export function canRead(
  row: Pick<NoticeRow, 'status' | 'publishAt' | 'expiresAt' | 'audience' | 'buildingId'>,
  reader: Reader | null,
  now: Date,
) {
  if (noticeState(row, now) !== 'live') return false;
  if (row.audience === 'public') return true;
  if (!reader?.roles.length) return false;
  if (row.audience === 'residents') return true;
  if (reader.roles.some((r) => r === 'admin' || r === 'staff' || r === 'committee')) return true;
  if (row.audience === 'owners') return reader.isOwner;
  return row.buildingId !== null && reader.buildingIds.includes(row.buildingId);
}

// The outer table is named in full: drizzle renders ${n.id} unqualified in one-table selects, which the subquery
// would read as its own c.id.
const correctedBy = sql<string | null>`(select c.id from notices c where c.corrects_id = notices.id
  and c.status = 'published' order by c.published_at desc limit 1)`;

function view(row: NoticeRow & { correctedById: string | null }, now: Date) {
  const { tenantId: _t, createdBy: _c, ...rest } = row;
  return { ...rest, state: noticeState(row, now) };
}

function values(input: NoticeInput) {
  return {
    ...input,
    publishAt: input.publishAt ? new Date(input.publishAt) : null,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  };
}

const summary = (row: Pick<NoticeRow, 'title' | 'category' | 'audience'>) => ({
  title: row.title,
  category: row.category,
  audience: row.audience,
});

/** Notices and the 公示 board, always inside the neighbourhood's transaction, every write audited. */
/** How long the ledger's and the owners' bodies' 公示 stay on the board unless a rule says otherwise. */
export const DISCLOSURE_DAYS = 15;

/**
 * A 公示 that another capability (the ledger, the owners' bodies) publishes with publishNow: to the residents, on the
 * board for `days` days from `at`.
 */
export function disclosureNotice(
  at: Date,
  input: { title: string; body: string[]; days: number; attachments?: NoticeInput['attachments']; pinned?: boolean },
): NoticeInput {
  return {
    category: 'disclosure',
    audience: 'residents',
    title: input.title,
    body: input.body.join('\n'),
    attachments: input.attachments ?? [],
    buildingId: null,
    pinned: input.pinned ?? false,
    publishAt: null,
    expiresAt: new Date(at.getTime() + input.days * 86_400_000).toISOString(),
  };
}

export const notices = {
  async get(tx: Tx, id: string, now: Date) {
    const [row] = await tx
      .select({ ...columns, correctedById: correctedBy })
      .from(n)
      .where(eq(n.id, id));
    if (!row) throw new AppError('not_found');
    return view(row, now);
  },

  /** Everything, drafts included, for the people who run the board. */
  async manage(tx: Tx, now: Date) {
    const rows = await tx
      .select({ ...columns, correctedById: correctedBy })
      .from(n)
      .orderBy(desc(n.pinned), desc(n.createdAt))
      .limit(500);
    return rows.map((r) => view(r, now));
  },

  /** What a reader sees now: live notices of their audience, pinned first, newest first. */
  async readable(tx: Tx, reader: Reader | null, now: Date, category?: NoticeCategory) {
    const rows = await tx
      .select({ ...columns, correctedById: correctedBy })
      .from(n)
      .where(and(eq(n.status, 'published'), category ? eq(n.category, category) : undefined))
      .orderBy(desc(n.pinned), desc(sql`coalesce(${n.publishAt}, ${n.publishedAt})`))
      .limit(500);
    return rows.filter((r) => canRead(r, reader, now)).map((r) => view(r, now));
  },

  async create(
    tx: Tx,
    context: AuditContext,
    input: NoticeInput,
    options: { source?: string; correctsId?: string } = {},
  ) {
    const [row] = await tx
      .insert(n)
      .values({
        ...values(input),
        tenantId: context.tenantId,
        source: options.source ?? 'core',
        correctsId: options.correctsId ?? null,
        createdBy: context.actor.id,
        createdAt: context.at,
        updatedAt: context.at,
      })
      .returning({ id: n.id });
    await audit(tx, context, {
      action: options.correctsId ? 'notice.correction_drafted' : 'notice.created',
      targetType: 'notice',
      targetId: row!.id,
      details: { ...summary(input), ...(options.correctsId ? { corrects: options.correctsId } : {}) },
    });
    return notices.get(tx, row!.id, context.at);
  },

  /** Drafts change freely; a published notice may be edited unless it is a 公示 (then: a correction). */
  async update(tx: Tx, context: AuditContext, id: string, input: NoticeInput) {
    const current = await lock(tx, id);
    if (current.status === 'withdrawn') throw new AppError('notice_state');
    if (current.status === 'published' && (current.category === 'disclosure' || input.category === 'disclosure')) {
      throw new AppError('notice_locked');
    }
    await tx
      .update(n)
      .set({ ...values(input), updatedAt: context.at })
      .where(eq(n.id, id));
    await audit(tx, context, { action: 'notice.updated', targetType: 'notice', targetId: id, details: summary(input) });
    return notices.get(tx, id, context.at);
  },

  /** Publishes a draft (at once, or at its `publishAt`); the people it is for are notified when it goes live. */
  async publish(tx: Tx, context: AuditContext, id: string, notifications: NotificationOutbox) {
    const current = await lock(tx, id);
    if (current.status !== 'draft') throw new AppError('notice_state');
    if (current.expiresAt && current.expiresAt <= context.at) throw new AppError('notice_state');
    await tx
      .update(n)
      .set({
        status: 'published',
        publishedAt: context.at,
        publishAt: current.publishAt ?? context.at,
        updatedAt: context.at,
      })
      .where(eq(n.id, id));
    await audit(tx, context, {
      action: 'notice.published',
      targetType: 'notice',
      targetId: id,
      details: summary(current),
    });
    await tellReaders(tx, context, current, notifications);
    return notices.get(tx, id, context.at);
  },

  /** Takes a notice off the board. A 公示 stays for its whole period: it is corrected, never withdrawn. */
  async withdraw(tx: Tx, context: AuditContext, id: string) {
    const current = await lock(tx, id);
    if (current.status !== 'published') throw new AppError('notice_state');
    if (current.category === 'disclosure') throw new AppError('notice_locked');
    await tx.update(n).set({ status: 'withdrawn', updatedAt: context.at }).where(eq(n.id, id));
    await audit(tx, context, {
      action: 'notice.withdrawn',
      targetType: 'notice',
      targetId: id,
      details: summary(current),
    });
    return notices.get(tx, id, context.at);
  },

  /** Drafts a correction of a published notice; both point at each other once it is published. */
  async correct(tx: Tx, context: AuditContext, id: string, input: NoticeInput) {
    const original = await lock(tx, id);
    if (original.status !== 'published') throw new AppError('notice_state');
    return notices.create(tx, context, input, { correctsId: id, source: original.source });
  },

  /**
   * The board's API for other capabilities (votes, ledger, feedback, plugins): create and publish in the caller's
   * transaction, so the notice appears exactly when their result commits.
   */
  async publishNow(
    tx: Tx,
    context: AuditContext,
    input: NoticeInput,
    source: string,
    notifications: NotificationOutbox,
  ) {
    const draft = await notices.create(tx, context, input, { source });
    return notices.publish(tx, context, draft.id, notifications);
  },
};

/** Everyone a notice's audience names; a one-building notice, that building's verified owners. */
function readersOf(row: Pick<NoticeRow, 'audience' | 'buildingId'>): NotificationAudience {
  if (row.audience === 'owners') return { owners: true };
  if (row.audience === 'building' && row.buildingId) return { owners: true, buildings: [row.buildingId] };
  return { roles: [...TENANT_ROLES] };
}

/**
 * Its readers hear of a notice when it goes live: pinned notices and 公示 as `notice.pinned` (on unless the
 * neighbourhood turns it off), the rest as `notice.published` (off unless turned on). Plugins' notices excepted.
 */
async function tellReaders(tx: Tx, context: AuditContext, row: NoticeRow, notifications: NotificationOutbox) {
  // A plugin's notice (a meeting's announcement) comes with the plugin's own notification, to the people it concerns.
  if (row.source.startsWith('plugin:')) return;
  const important = row.pinned || row.category === 'disclosure';
  const text = row.body.replace(/\s+/g, ' ').trim();
  await notifications.send(
    tx,
    context.tenantId,
    'core',
    {
      kind: important ? 'notice.pinned' : 'notice.published',
      key: `notice:${row.id}`,
      audience: readersOf(row),
      title: { 'zh-CN': row.title, en: row.title },
      body: {
        'zh-CN': [...text].length > 60 ? `${[...text].slice(0, 59).join('')}…` : text,
        en: [...text].length > 60 ? `${[...text].slice(0, 59).join('')}…` : text,
      },
      link: await neighbourhoodPath(tx, context.tenantId, `/notices/${row.id}`),
      ...(row.publishAt && row.publishAt > context.at ? { notBefore: row.publishAt } : {}),
    },
    context.at,
  );
}

async function lock(tx: Tx, id: string) {
  const [row] = await tx.select().from(n).where(eq(n.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}
