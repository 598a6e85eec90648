import { maskPhone, type Locale, type TenantRole } from '@city/contracts';
import { RateLimiter, SmsGate, type Clock, type SmsSender } from '@city/auth';
import { schema, withTenant, withUser, type Database, type Tx } from '@city/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { EventOutbox } from './events.ts';
import type { NotificationOutbox } from './notifications/outbox.ts';
import { audit, type AuditContext } from './audit.ts';
import { AppError } from './errors.ts';
import { sendText } from './sms-texts.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const inv = schema.invitations;

type InvitationRow = typeof inv.$inferSelect;

function stateOf(row: InvitationRow, now: Date) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'open' as const;
}

function view(row: InvitationRow, now: Date) {
  return {
    id: row.id,
    phone: row.phone,
    displayName: row.displayName,
    roles: row.roles as TenantRole[],
    state: stateOf(row, now),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/**
 * Invitations to a phone number. The admin side runs in the tenant's transaction; the invitee side reads through
 * the invitee policy (their confirmed number) and accepts inside the inviting tenant's transaction.
 */
export class Invitations {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly sms: SmsSender;
  private readonly publicUrl: string;
  private readonly events: EventOutbox;
  private readonly notifications: NotificationOutbox;

  constructor(deps: {
    db: Database;
    clock: Clock;
    sms: SmsSender;
    publicUrl: string;
    events: EventOutbox;
    notifications: NotificationOutbox;
  }) {
    this.notifications = deps.notifications;
    this.db = deps.db;
    this.clock = deps.clock;
    this.sms = deps.sms;
    this.publicUrl = deps.publicUrl;
    this.events = deps.events;
  }

  async list(tx: Tx) {
    const now = this.clock.now();
    const rows = await tx.select().from(inv).orderBy(desc(inv.createdAt)).limit(200);
    return rows.map((row) => view(row, now));
  }

  /** Invites a number; inviting it again while an invitation is open renews that one instead of adding another. */
  async create(
    tx: Tx,
    context: AuditContext & { tenantName: string; locale: Locale },
    input: { phone: string; displayName: string; roles: TenantRole[] },
  ) {
    const now = context.at;
    const [existingMember] = await tx
      .select({ id: schema.members.id })
      .from(schema.members)
      .innerJoin(schema.users, eq(schema.users.id, schema.members.userId))
      .where(eq(schema.users.phone, input.phone));
    if (existingMember) throw new AppError('already_member');
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const [open] = await tx
      .select()
      .from(inv)
      .where(and(eq(inv.phone, input.phone), isNull(inv.acceptedAt), isNull(inv.revokedAt)))
      .for('update');
    const [row] = open
      ? await tx
          .update(inv)
          .set({ displayName: input.displayName, roles: input.roles, expiresAt, invitedBy: context.actor.id! })
          .where(eq(inv.id, open.id))
          .returning()
      : await tx
          .insert(inv)
          .values({ tenantId: context.tenantId, ...input, invitedBy: context.actor.id!, expiresAt, createdAt: now })
          .returning();
    await audit(tx, context, {
      action: open ? 'invitation.renewed' : 'invitation.created',
      targetType: 'invitation',
      targetId: row!.id,
      details: { phone: maskPhone(input.phone), name: input.displayName, roles: input.roles, expiresAt },
    });
    // Someone already registered also finds it in their inbox.
    const [invitee] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.phone, input.phone));
    if (invitee) {
      await this.notifications.send(
        tx,
        context.tenantId,
        'core',
        {
          kind: 'invitation.received',
          key: `invitation.received:${row!.id}:${now.getTime()}`,
          audience: { users: [invitee.id] },
          title: { 'zh-CN': `邀请您加入「${context.tenantName}」`, en: `Invited to ${context.tenantName}` },
          body: {
            'zh-CN': `${context.actor.displayName}邀请您加入本小区，请在首页接受邀请。`,
            en: `${context.actor.displayName} invited you to join; accept on your home page.`,
          },
          link: '/home',
        },
        now,
      );
    }
    // Inside the transaction, limits counted in it too (another connection would wait on it: PGlite has one): a
    // text that cannot be sent leaves no invitation behind.
    await sendText(
      new SmsGate(this.sms, new RateLimiter(tx, this.clock)),
      input.phone,
      { kind: 'invitation', inviter: context.actor.displayName, tenant: context.tenantName, url: this.publicUrl },
      context.locale,
    );
    return view(row!, now);
  }

  async revoke(tx: Tx, context: AuditContext, id: string) {
    const now = context.at;
    const [row] = await tx.select().from(inv).where(eq(inv.id, id)).for('update');
    if (!row) throw new AppError('not_found');
    if (stateOf(row, now) !== 'open') throw new AppError('invitation_unavailable');
    const [revoked] = await tx.update(inv).set({ revokedAt: now }).where(eq(inv.id, id)).returning();
    await audit(tx, context, {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      details: { phone: maskPhone(row.phone), name: row.displayName },
    });
    return view(revoked!, now);
  }

  /** Open invitations addressed to the person's confirmed number, in every neighbourhood. */
  received(user: { id: string; phone: string }) {
    return withUser(this.db, user, (tx) => this.receivedIn(tx, user));
  }

  /** `received` inside the person's own transaction (withUser), for reads that share it. */
  async receivedIn(tx: Tx, user: { id: string; phone: string }) {
    const now = this.clock.now();
    const rows = await tx
      .select({
        id: inv.id,
        roles: inv.roles,
        expiresAt: inv.expiresAt,
        slug: schema.tenants.slug,
        name: schema.tenants.name,
      })
      .from(inv)
      .innerJoin(schema.tenants, eq(schema.tenants.id, inv.tenantId))
      .where(and(eq(inv.phone, user.phone), isNull(inv.acceptedAt), isNull(inv.revokedAt), gt(inv.expiresAt, now)))
      .orderBy(desc(inv.createdAt));
    return rows.map((r) => ({
      id: r.id,
      roles: r.roles as TenantRole[],
      expiresAt: r.expiresAt,
      tenant: { slug: r.slug, name: r.name },
    }));
  }

  /** Accepts an invitation to the person's own number: they become a member with the invited roles. */
  async accept(user: { id: string; phone: string; displayName: string }, id: string) {
    const [addressed] = await withUser(this.db, user, (tx) =>
      tx
        .select({ tenantId: inv.tenantId })
        .from(inv)
        .where(and(eq(inv.id, id), eq(inv.phone, user.phone))),
    );
    if (!addressed) throw new AppError('not_found');
    const now = this.clock.now();
    return withTenant(this.db, addressed.tenantId, async (tx) => {
      const [row] = await tx.select().from(inv).where(eq(inv.id, id)).for('update');
      if (!row || stateOf(row, now) !== 'open') throw new AppError('invitation_unavailable');
      const [member] = await tx.select().from(schema.members).where(eq(schema.members.userId, user.id)).for('update');
      if (member) {
        const roles = [...new Set([...member.roles, ...row.roles])];
        await tx.update(schema.members).set({ roles }).where(eq(schema.members.id, member.id));
      } else {
        await tx.insert(schema.members).values({
          tenantId: row.tenantId,
          userId: user.id,
          displayName: row.displayName || user.displayName,
          roles: row.roles,
          joinedAt: now,
        });
      }
      await tx.update(inv).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(inv.id, id));
      if (!member)
        await this.events.emit(
          tx,
          row.tenantId,
          'member.joined',
          { userId: user.id, roles: row.roles as TenantRole[], via: 'invitation' },
          now,
        );
      await audit(
        tx,
        { tenantId: row.tenantId, actor: { id: user.id, displayName: user.displayName }, at: now },
        {
          action: 'invitation.accepted',
          targetType: 'invitation',
          targetId: id,
          details: { roles: row.roles, joined: !member },
        },
      );
      const [tenant] = await tx
        .select({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
        .from(schema.tenants)
        .where(eq(schema.tenants.id, row.tenantId));
      return { tenant: tenant!, roles: row.roles as TenantRole[] };
    });
  }
}
