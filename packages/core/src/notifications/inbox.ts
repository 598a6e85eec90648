import { DEFAULT_QUIET_HOURS, type Locale, type NotificationPreferences } from '@city/contracts';
import type { Clock } from '@city/auth';
import { schema, withPerson, type Database, type Tx } from '@city/db';
import { and, count, desc, eq, isNull, lt, ne } from 'drizzle-orm';
import { AppError, fieldError } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import type { NotificationKinds } from './kinds.ts';
import { WechatError, type WechatSender } from './wechat.ts';

/**
 * A person's inbox (消息) across their neighbourhoods, read and marked through their own policy (`user_id =
 * app_user()`), and their choices of channels and quiet hours.
 */
export class Inbox {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly kinds: NotificationKinds;
  private readonly wechat: WechatSender;

  constructor(deps: { db: Database; clock: Clock; kinds: NotificationKinds; wechat: WechatSender }) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.kinds = deps.kinds;
    this.wechat = deps.wechat;
  }

  list(userId: string, locale: Locale, query: { cursor?: string | undefined; limit: number; unread?: boolean }) {
    const after = decodeCursor(query.cursor);
    const n = schema.notifications;
    return withPerson(this.db, { userId }, async (tx) => {
      const rows = await tx
        .select({ item: n, slug: schema.tenants.slug, name: schema.tenants.name })
        .from(n)
        .innerJoin(schema.tenants, eq(schema.tenants.id, n.tenantId))
        .where(
          and(eq(n.userId, userId), query.unread ? isNull(n.readAt) : undefined, after ? lt(n.id, after) : undefined),
        )
        .orderBy(desc(n.id))
        .limit(query.limit + 1);
      return page(
        rows.map(({ item, slug, name }) => ({
          id: item.id,
          kind: item.kind,
          title: item.title[locale],
          body: item.body[locale],
          link: item.link,
          neighbourhood: { slug, name },
          createdAt: item.createdAt,
          readAt: item.readAt,
        })),
        query.limit,
      );
    });
  }

  /** Counted on every page (the header's badge): one index-only count of the person's unread items. */
  unreadCount(userId: string): Promise<number> {
    return withPerson(this.db, { userId }, (tx) => unreadIn(tx, userId));
  }

  async markRead(userId: string, id: string) {
    const n = schema.notifications;
    const marked = await withPerson(this.db, { userId }, async (tx) => {
      const [row] = await tx
        .update(n)
        .set({ readAt: this.clock.now() })
        .where(and(eq(n.id, id), eq(n.userId, userId), isNull(n.readAt)))
        .returning({ id: n.id });
      if (row) return true;
      const [exists] = await tx
        .select({ id: n.id })
        .from(n)
        .where(and(eq(n.id, id), eq(n.userId, userId)));
      return !!exists;
    });
    if (!marked) throw new AppError('not_found');
  }

  async markAllRead(userId: string) {
    const n = schema.notifications;
    await withPerson(this.db, { userId }, (tx) =>
      tx
        .update(n)
        .set({ readAt: this.clock.now() })
        .where(and(eq(n.userId, userId), isNull(n.readAt))),
    );
  }

  async settings(userId: string, locale: Locale) {
    const [row] = await this.db
      .select()
      .from(schema.notificationPreferences)
      .where(eq(schema.notificationPreferences.userId, userId));
    const preferences: NotificationPreferences = {
      channels: row?.channels ?? {},
      quietHours: row ? { start: row.quietStart, end: row.quietEnd } : { ...DEFAULT_QUIET_HOURS },
      digest: row?.digest ?? false,
    };
    const kinds = this.kinds.list(locale).map(({ kind, name, urgent, defaults }) => ({ kind, name, urgent, defaults }));
    return { preferences, kinds, wechatBound: !!row?.wechatOpenid };
  }

  async savePreferences(userId: string, locale: Locale, input: NotificationPreferences) {
    for (const kind of Object.keys(input.channels)) {
      if (!this.kinds.get(kind)) throw fieldError(`body.channels.${kind}`, 'invalid_value');
    }
    const values = {
      channels: input.channels,
      quietStart: input.quietHours.start,
      quietEnd: input.quietHours.end,
      digest: input.digest,
      updatedAt: this.clock.now(),
    };
    await this.db
      .insert(schema.notificationPreferences)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: schema.notificationPreferences.userId, set: values });
    return this.settings(userId, locale);
  }

  /**
   * Binds the WeChat account the mini-program signed in with (its one-time `wx.login()` code) to the person, so that
   * the kinds they route to WeChat reach it. An account bound to someone else before moves here: one WeChat user
   * receives one person's messages.
   */
  async bindWechat(userId: string, locale: Locale, code: string) {
    const openid = await this.wechat.openidFor(code).catch((error: unknown) => {
      if (error instanceof WechatError && error.invalidCode) throw fieldError('body.code', 'wechat_code_invalid');
      throw new AppError('wechat_unavailable');
    });
    const p = schema.notificationPreferences;
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await tx
        .update(p)
        .set({ wechatOpenid: null, updatedAt: now })
        .where(and(eq(p.wechatOpenid, openid), ne(p.userId, userId)));
      await tx
        .insert(p)
        .values({ userId, wechatOpenid: openid, updatedAt: now })
        .onConflictDoUpdate({ target: p.userId, set: { wechatOpenid: openid, updatedAt: now } });
    });
    return this.settings(userId, locale);
  }

  /** Unbinds WeChat: nothing more goes there until the person binds again. */
  async unbindWechat(userId: string, locale: Locale) {
    const p = schema.notificationPreferences;
    await this.db.update(p).set({ wechatOpenid: null, updatedAt: this.clock.now() }).where(eq(p.userId, userId));
    return this.settings(userId, locale);
  }
}

/** The unread count inside a transaction where the person is `app_user()` (withUser, withPerson): one query. */
export async function unreadIn(tx: Tx, userId: string): Promise<number> {
  const n = schema.notifications;
  const [row] = await tx
    .select({ unread: count() })
    .from(n)
    .where(and(eq(n.userId, userId), isNull(n.readAt)));
  return row?.unread ?? 0;
}
