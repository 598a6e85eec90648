import { randomString, type Limit } from '@city/auth';
import {
  addressLabel,
  CLAIM_CODE_ALPHABET,
  CLAIM_CODE_LENGTH,
  formatClaimCode,
  maskPhone,
  type Relation,
  type TenantRole,
} from '@city/contracts';
import { isUniqueViolation, schema, type Tx } from '@city/db';
import { sha256 } from '@oslojs/crypto/sha2';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { audit, type AuditContext } from './audit.ts';
import type { EventOutbox } from './events.ts';
import { endMembership } from './members.ts';
import { neighbourhoodPath } from './notifications/neighbourhood-path.ts';
import type { NotificationOutbox } from './notifications/outbox.ts';
import { AppError, type LocalizedText } from './errors.ts';
import { containing } from './like.ts';
import { decodeCursor, page } from './pagination.ts';

const v = schema.verifications;
const codes = schema.unitCodes;
const u = schema.units;
const uo = schema.unitOwners;

/** Guessing codes: a person gets ten tries per quarter hour. */
export const CLAIM_LIMIT: Limit = { max: 10, windowMs: 15 * 60 * 1000 };

const DAY_MS = 24 * 60 * 60 * 1000;

const codeHash = (code: string) => sha256(new TextEncoder().encode(code));

export const addressOf = (unit: { buildingName: string; entrance: string; room: string }) =>
  [unit.buildingName, unit.entrance, unit.room].filter(Boolean).join(' ');

export interface Claimant {
  id: string;
  phone: string;
  displayName: string;
}

/** What the notice board needs to know about a reader: their roles and what the registry says they are. */
export interface Reader {
  roles: TenantRole[];
  isOwner: boolean;
  buildingIds: string[];
}

const decider = alias(schema.users, 'decider');
const claimantUser = alias(schema.users, 'claimant');

/** Whether the linked owner record still owns the unit now: read from the registry, never stored. */
const stillOwner = sql<boolean>`exists (select 1 from unit_owners o where o.unit_id = ${v.unitId}
  and o.owner_id = ${v.ownerId} and o.until is null)`;

const viewColumns = {
  id: v.id,
  unitId: v.unitId,
  buildingId: u.buildingId,
  buildingName: schema.buildings.name,
  entrance: u.entrance,
  room: u.room,
  displayName: v.displayName,
  phone: claimantUser.phone,
  relation: v.relation,
  ownerName: schema.owners.name,
  isOwner: stillOwner,
  status: v.status,
  method: v.method,
  note: v.note,
  requestedAt: v.requestedAt,
  decidedAt: v.decidedAt,
  decidedBy: decider.displayName,
  decisionReason: v.decisionReason,
  revokedAt: v.revokedAt,
  revokeReason: v.revokeReason,
};

function selectViews(tx: Tx) {
  return tx
    .select(viewColumns)
    .from(v)
    .innerJoin(u, eq(u.id, v.unitId))
    .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
    .innerJoin(claimantUser, eq(claimantUser.id, v.userId))
    .leftJoin(schema.owners, eq(schema.owners.id, v.ownerId))
    .leftJoin(decider, eq(decider.id, v.decidedBy));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function view(row: ViewRow) {
  const { buildingName, entrance, room, ...rest } = row;
  return {
    ...rest,
    address: addressOf({ buildingName, entrance, room }),
    phone: maskPhone(row.phone),
    isOwner: Boolean(row.isOwner),
  };
}

/**
 * Resident verification (docs/domain.md §2, §5): a person is linked to a unit by a single-use code from a printed
 * letter or by the admin's approval with a reason. Whether they are an owner comes from the registry: a claim is
 * an owner's only when the person's confirmed number is the registered owner's; otherwise the admin decides.
 */
export class Verification {
  private readonly publicUrl: string;
  private readonly events: EventOutbox;
  private readonly notifications: NotificationOutbox;

  constructor(deps: { publicUrl: string; events: EventOutbox; notifications: NotificationOutbox }) {
    this.publicUrl = deps.publicUrl;
    this.events = deps.events;
    this.notifications = deps.notifications;
  }

  claimUrl(tenantSlug: string, code: string) {
    return `${this.publicUrl}/claim/${tenantSlug}?code=${code}`;
  }

  /**
   * New letters for the units of a building (or all units): a fresh code per unit, the unit's unused codes
   * revoked. The codes exist in clear only in the returned letters.
   */
  async issueCodes(
    tx: Tx,
    context: AuditContext & { tenantSlug: string },
    input: { buildingId: string | null; validDays: number },
  ) {
    const units = await tx
      .select({ id: u.id, buildingName: schema.buildings.name, entrance: u.entrance, room: u.room })
      .from(u)
      .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
      .where(input.buildingId ? eq(u.buildingId, input.buildingId) : undefined)
      .orderBy(asc(schema.buildings.name), asc(u.entrance), asc(u.floor), asc(u.room));
    if (input.buildingId && !units.length) {
      const [building] = await tx.select().from(schema.buildings).where(eq(schema.buildings.id, input.buildingId));
      if (!building) throw new AppError('not_found');
    }
    const expiresAt = new Date(context.at.getTime() + input.validDays * DAY_MS);
    const letters = units.map((unit) => ({ unit, code: randomString(CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH) }));
    for (let i = 0; i < letters.length; i += 1000) {
      const chunk = letters.slice(i, i + 1000);
      await tx
        .update(codes)
        .set({ revokedAt: context.at })
        .where(
          and(
            inArray(
              codes.unitId,
              chunk.map((l) => l.unit.id),
            ),
            isNull(codes.usedAt),
            isNull(codes.revokedAt),
          ),
        );
      await tx.insert(codes).values(
        chunk.map((l) => ({
          tenantId: context.tenantId,
          unitId: l.unit.id,
          codeHash: codeHash(l.code),
          issuedBy: context.actor.id!,
          createdAt: context.at,
          expiresAt,
        })),
      );
    }
    await audit(tx, context, {
      action: 'verification.codes_issued',
      targetType: input.buildingId ? 'building' : 'tenant',
      targetId: input.buildingId ?? context.tenantId,
      details: { units: letters.length, expiresAt: expiresAt.toISOString() },
    });
    return {
      expiresAt,
      letters: letters.map((l) => ({
        address: addressOf(l.unit),
        code: formatClaimCode(l.code),
        url: this.claimUrl(context.tenantSlug, l.code),
      })),
    };
  }

  /**
   * Claims a unit with a code. The code is taken by one conditional UPDATE, so of two people claiming it at the
   * same moment exactly one succeeds. An owner's claim is verified only if the registry knows their number.
   */
  async claim(
    tx: Tx,
    context: AuditContext,
    claimant: Claimant,
    input: { code: string; relation: Relation; displayName: string },
  ) {
    const hash = codeHash(input.code);
    const [taken] = await tx
      .update(codes)
      .set({ usedAt: context.at, usedBy: claimant.id })
      .where(
        and(
          eq(codes.codeHash, hash),
          isNull(codes.usedAt),
          isNull(codes.revokedAt),
          sql`${codes.expiresAt} > ${context.at}`,
        ),
      )
      .returning();
    if (!taken) {
      const [known] = await tx.select().from(codes).where(eq(codes.codeHash, hash));
      if (!known) throw new AppError('claim_code_invalid');
      throw new AppError(known.usedAt ? 'claim_code_used' : 'claim_code_expired');
    }
    const ownerId = input.relation === 'owner' ? await this.registeredOwner(tx, taken.unitId, claimant.phone) : null;
    // Claiming to be an owner without being the registered one: the code still proves the letter reached the
    // unit, but who the owner is stays the registry's and the admin's call.
    const status = input.relation === 'owner' && !ownerId ? 'pending' : 'verified';
    const id = await this.insert(tx, context, {
      unitId: taken.unitId,
      userId: claimant.id,
      displayName: input.displayName,
      relation: input.relation,
      ownerId,
      status,
      method: 'code',
      codeId: taken.id,
      decidedAt: status === 'verified' ? context.at : null,
      note: '',
    });
    if (status === 'verified') await this.ensureMember(tx, context, claimant.id, input.displayName);
    else await this.tellAdmins(tx, context, id, input.displayName);
    await this.events.emit(
      tx,
      context.tenantId,
      'verification.changed',
      { verificationId: id, unitId: taken.unitId, userId: claimant.id, status },
      context.at,
    );
    await audit(tx, context, {
      action: status === 'verified' ? 'verification.claimed' : 'verification.claim_pending',
      targetType: 'verification',
      targetId: id,
      details: { unit: taken.unitId, relation: input.relation, owner: Boolean(ownerId) },
    });
    return this.get(tx, id);
  }

  /** A request for the admin to approve: the person names their unit; nothing is granted until approval. */
  async request(
    tx: Tx,
    context: AuditContext,
    claimant: Claimant,
    input: { building: string; entrance: string; room: string; relation: Relation; displayName: string; note: string },
  ) {
    const [unit] = await tx
      .select({ id: u.id })
      .from(u)
      .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
      .where(and(eq(schema.buildings.name, input.building), eq(u.entrance, input.entrance), eq(u.room, input.room)));
    if (!unit) throw new AppError('unit_unknown');
    const id = await this.insert(tx, context, {
      unitId: unit.id,
      userId: claimant.id,
      displayName: input.displayName,
      relation: input.relation,
      ownerId: null,
      status: 'pending',
      method: 'approval',
      codeId: null,
      decidedAt: null,
      note: input.note,
    });
    await this.tellAdmins(tx, context, id, input.displayName);
    await audit(tx, context, {
      action: 'verification.requested',
      targetType: 'verification',
      targetId: id,
      details: { unit: unit.id, relation: input.relation },
    });
    return this.get(tx, id);
  }

  /**
   * A page of requests: pending ones oldest first (the queue), the rest newest first. UUIDv7 ids follow the request
   * time, so the id is the keyset. `q` narrows to a name or room.
   */
  async list(
    tx: Tx,
    options: {
      status?: (typeof v.$inferSelect)['status'] | undefined;
      q?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const after = decodeCursor(options.cursor);
    const oldestFirst = options.status === 'pending';
    const like = options.q ? containing(options.q) : undefined;
    const rows = await selectViews(tx)
      .where(
        and(
          options.status ? eq(v.status, options.status) : undefined,
          like ? or(ilike(v.displayName, like), ilike(u.room, like)) : undefined,
          after ? (oldestFirst ? gt(v.id, after) : lt(v.id, after)) : undefined,
        ),
      )
      .orderBy(oldestFirst ? asc(v.id) : desc(v.id))
      .limit(options.limit + 1);
    return page(rows.map(view), options.limit);
  }

  async mine(tx: Tx, userId: string) {
    const rows = await selectViews(tx).where(eq(v.userId, userId)).orderBy(desc(v.requestedAt));
    return rows.map(view);
  }

  async get(tx: Tx, id: string) {
    const [row] = await selectViews(tx).where(eq(v.id, id));
    if (!row) throw new AppError('not_found');
    return view(row);
  }

  /** The admin links the person to the unit, as one of its registered owners or as a non-owner, with a reason. */
  async approve(
    tx: Tx,
    context: AuditContext,
    id: string,
    input: { relation: Relation; ownerId: string | null; reason: string },
  ) {
    const current = await this.lock(tx, id, 'pending');
    if (input.ownerId) {
      const [owns] = await tx
        .select({ id: uo.id })
        .from(uo)
        .where(and(eq(uo.unitId, current.unitId), eq(uo.ownerId, input.ownerId), isNull(uo.until)));
      if (!owns) throw new AppError('validation_failed', { fields: [ownerNotOfUnit] });
    }
    await tx
      .update(v)
      .set({
        status: 'verified',
        relation: input.relation,
        ownerId: input.ownerId,
        decidedAt: context.at,
        decidedBy: context.actor.id,
        decisionReason: input.reason,
      })
      .where(eq(v.id, id));
    await this.ensureMember(tx, context, current.userId, current.displayName);
    await this.events.emit(
      tx,
      context.tenantId,
      'verification.changed',
      { verificationId: id, unitId: current.unitId, userId: current.userId, status: 'verified' },
      context.at,
    );
    const decided = await this.get(tx, id);
    await this.tellPerson(tx, context, current.userId, id, {
      kind: 'verification.approved',
      title: { 'zh-CN': `认证通过：${decided.address}`, en: `Verified: ${addressLabel(decided.address, 'en')}` },
      body: {
        'zh-CN': '您的房屋认证已通过，现在可以查看本小区的居民通知并参与议事。',
        en: 'Your home is verified: you can now read residents’ notices and take part in the neighbourhood.',
      },
    });
    await audit(tx, context, {
      action: 'verification.approved',
      targetType: 'verification',
      targetId: id,
      details: {
        unit: current.unitId,
        relation: input.relation,
        owner: Boolean(input.ownerId),
        method: current.method,
        reason: input.reason,
      },
    });
    return this.get(tx, id);
  }

  async reject(tx: Tx, context: AuditContext, id: string, reason: string) {
    const current = await this.lock(tx, id, 'pending');
    await tx
      .update(v)
      .set({ status: 'rejected', decidedAt: context.at, decidedBy: context.actor.id, decisionReason: reason })
      .where(eq(v.id, id));
    const decided = await this.get(tx, id);
    await this.tellPerson(tx, context, current.userId, id, {
      kind: 'verification.rejected',
      title: { 'zh-CN': `认证未通过：${decided.address}`, en: `Not verified: ${addressLabel(decided.address, 'en')}` },
      body: {
        'zh-CN': `原因：${reason}。您可以补充说明后重新申请，或用房屋认证信上的认证码认领。`,
        en: `Reason: ${reason}. You may ask again with more detail, or claim the unit with the code on its letter.`,
      },
    });
    await audit(tx, context, {
      action: 'verification.rejected',
      targetType: 'verification',
      targetId: id,
      details: { unit: current.unitId, reason },
    });
    return decided;
  }

  /** The person is told of the decision on their request: in their inbox, with a link to their homes. */
  private async tellPerson(
    tx: Tx,
    context: AuditContext,
    userId: string,
    verificationId: string,
    text: { kind: 'verification.approved' | 'verification.rejected'; title: LocalizedText; body: LocalizedText },
  ) {
    await this.notifications.send(
      tx,
      context.tenantId,
      'core',
      {
        ...text,
        key: `${text.kind}:${verificationId}`,
        audience: { users: [userId] },
        link: await neighbourhoodPath(tx, context.tenantId, '/my'),
      },
      context.at,
    );
  }

  /** The admins learn of a request waiting for them. */
  private async tellAdmins(tx: Tx, context: AuditContext, verificationId: string, displayName: string) {
    await this.notifications.send(
      tx,
      context.tenantId,
      'core',
      {
        kind: 'verification.requested',
        key: `verification.requested:${verificationId}`,
        audience: { roles: ['admin'] },
        title: { 'zh-CN': `${displayName} 申请房屋认证`, en: `${displayName} asks to be verified` },
        body: { 'zh-CN': '请到“认证审核”页核对并处理。', en: 'Check and decide it in the verification queue.' },
        link: await neighbourhoodPath(tx, context.tenantId, '/verifications'),
      },
      context.at,
    );
  }

  /**
   * Ends a verification. A person whose only standing here was that verification (resident role, no other
   * verified unit) leaves the neighbourhood with it, so residents-only notices stop reaching them.
   */
  async revoke(tx: Tx, context: AuditContext, id: string, reason: string) {
    const current = await this.lock(tx, id, 'verified');
    await tx
      .update(v)
      .set({ status: 'revoked', revokedAt: context.at, revokedBy: context.actor.id, revokeReason: reason })
      .where(eq(v.id, id));
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(v)
      .where(and(eq(v.userId, current.userId), eq(v.status, 'verified')));
    const [member] = await tx.select().from(schema.members).where(eq(schema.members.userId, current.userId));
    const leaves = Boolean(member && others!.n === 0 && member.roles.every((r) => r === 'resident'));
    if (leaves) await endMembership(tx, this.events, context, member!, 'verification');
    await this.events.emit(
      tx,
      context.tenantId,
      'verification.changed',
      { verificationId: id, unitId: current.unitId, userId: current.userId, status: 'revoked' },
      context.at,
    );
    await audit(tx, context, {
      action: 'verification.revoked',
      targetType: 'verification',
      targetId: id,
      details: { unit: current.unitId, reason, membershipEnded: leaves },
    });
    return this.get(tx, id);
  }

  /** The reader's standing for owners-only and building notices, from verified links and the registry. */
  async reader(tx: Tx, userId: string, roles: TenantRole[]): Promise<Reader> {
    const rows = await tx
      .select({ buildingId: u.buildingId, isOwner: stillOwner })
      .from(v)
      .innerJoin(u, eq(u.id, v.unitId))
      .where(and(eq(v.userId, userId), eq(v.status, 'verified')));
    return {
      roles,
      isOwner: rows.some((r) => Boolean(r.isOwner)),
      buildingIds: [...new Set(rows.map((r) => r.buildingId))],
    };
  }

  private async registeredOwner(tx: Tx, unitId: string, phone: string) {
    const [owner] = await tx
      .select({ id: schema.owners.id })
      .from(uo)
      .innerJoin(schema.owners, eq(schema.owners.id, uo.ownerId))
      .where(and(eq(uo.unitId, unitId), isNull(uo.until), eq(schema.owners.phone, phone)));
    return owner?.id ?? null;
  }

  private async insert(tx: Tx, context: AuditContext, row: Omit<typeof v.$inferInsert, 'tenantId' | 'requestedAt'>) {
    try {
      const [created] = await tx
        .insert(v)
        .values({ ...row, tenantId: context.tenantId, requestedAt: context.at })
        .returning({ id: v.id });
      return created!.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('already_verified');
      throw error;
    }
  }

  private async lock(tx: Tx, id: string, status: (typeof v.$inferSelect)['status']) {
    const [row] = await tx.select().from(v).where(eq(v.id, id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== status) throw new AppError('verification_state');
    return row;
  }

  /** Verified people become residents of the neighbourhood (existing members keep their roles). */
  private async ensureMember(tx: Tx, context: AuditContext, userId: string, displayName: string) {
    const [member] = await tx
      .select({ id: schema.members.id })
      .from(schema.members)
      .where(eq(schema.members.userId, userId));
    if (member) return;
    await tx
      .insert(schema.members)
      .values({ tenantId: context.tenantId, userId, displayName, roles: ['resident'], joinedAt: context.at });
    await audit(tx, context, {
      action: 'member.joined',
      targetType: 'user',
      targetId: userId,
      details: { roles: ['resident'], via: 'verification' },
    });
    await this.events.emit(
      tx,
      context.tenantId,
      'member.joined',
      { userId, roles: ['resident'], via: 'verification' },
      context.at,
    );
  }
}

const ownerNotOfUnit = {
  path: 'ownerId',
  code: 'owner_not_of_unit',
  message: { 'zh-CN': '该业主记录不是此房屋的现登记业主', en: 'That owner record is not a current owner of this unit' },
};
