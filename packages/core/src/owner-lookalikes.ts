import { maskPhone, type LookalikeDecision } from '@city/contracts';
import { anyOf } from '@city/db/arrays';
import { schema, type Tx } from '@city/db';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { audit, type AuditContext } from './audit.ts';
import { AppError, fieldError } from './errors.ts';
import type { EventOutbox } from './events.ts';
import { addressOf } from './verification.ts';

const o = schema.owners;
const uo = schema.unitOwners;
const decisions = schema.ownerLookalikeDecisions;

/** A group's identity: its owner ids, sorted (uuids sort the same as text and as Postgres's uuid order). */
const groupKey = (ids: readonly string[]) => [...ids].sort().join(',');

/** Records that can look like another: no ID number on record, not merged, a phone, and owning a unit now. */
const candidate = and(
  isNull(o.idNumberHash),
  isNull(o.mergedIntoId),
  isNotNull(o.phone),
  sql`exists (select 1 from ${uo} where ${uo.ownerId} = ${o.id} and ${uo.until} is null)`,
);

/**
 * Lookalike groups not yet confirmed: owner records without an ID number sharing a name and a phone, which the
 * registry cannot tell apart (the keyed ID hash recognises a buyer of several units; nothing else does). A group the
 * admin confirmed as different people is left out while its members stay the same.
 */
async function unconfirmedGroups(tx: Tx) {
  const rows = await tx
    .select({
      name: o.name,
      phone: o.phone,
      ownerIds: sql<string[]>`array_agg(${o.id}::text order by ${o.id})`,
    })
    .from(o)
    .where(candidate)
    .groupBy(o.name, o.phone)
    .having(sql`count(*) > 1`)
    .orderBy(asc(o.name), asc(o.phone));
  if (!rows.length) return [];
  const decided = new Set(
    (await tx.select({ ownerIds: decisions.ownerIds }).from(decisions)).map((d) => groupKey(d.ownerIds)),
  );
  return rows
    .map((r) => ({ name: r.name, phone: r.phone!, ownerIds: [...r.ownerIds].sort() }))
    .filter((g) => !decided.has(groupKey(g.ownerIds)));
}

/** The units each of these owners holds now, in address order. */
async function currentUnits(tx: Tx, ownerIds: string[]) {
  const { units, buildings } = schema;
  const rows = await tx
    .select({
      ownerId: uo.ownerId,
      unitId: uo.unitId,
      designatedVoter: uo.designatedVoter,
      buildingName: buildings.name,
      entrance: units.entrance,
      room: units.room,
    })
    .from(uo)
    .innerJoin(units, eq(units.id, uo.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(anyOf(uo.ownerId, ownerIds), isNull(uo.until)))
    .orderBy(asc(buildings.name), asc(units.entrance), asc(units.room));
  return Map.groupBy(
    rows.map((r) => ({
      ownerId: r.ownerId,
      unitId: r.unitId,
      address: addressOf(r),
      designatedVoter: r.designatedVoter,
    })),
    (r) => r.ownerId,
  );
}

/**
 * The groups plugins may see (scope `registry:owners`): owner ids with their units' addresses and the name the roll
 * already shows — never a phone or an ID number (PIPL: minimum necessary).
 */
export async function unconfirmedLookalikes(tx: Tx) {
  const groups = await unconfirmedGroups(tx);
  if (!groups.length) return [];
  const units = await currentUnits(
    tx,
    groups.flatMap((g) => g.ownerIds),
  );
  return groups.map((g) => ({
    name: g.name,
    owners: g.ownerIds.map((ownerId) => ({
      ownerId,
      units: (units.get(ownerId) ?? []).map(({ unitId, address }) => ({ unitId, address })),
    })),
  }));
}

/**
 * Owner records that look like one person (docs/domain.md §2.2). The admin confirms each group: one person — the
 * records are merged into one (unit ownerships with their history and designated-voter flags, and residents' verified
 * links, move to the record kept; the others point at it) — or different people, recorded so the group is not flagged
 * again unless its members change. Both are audited.
 */
export class OwnerLookalikes {
  private readonly events: EventOutbox;

  constructor(events: EventOutbox) {
    this.events = events;
  }

  /** The unconfirmed groups for the admin, phones masked, with each record's units and verified people. */
  async list(tx: Tx) {
    const groups = await unconfirmedGroups(tx);
    if (!groups.length) return [];
    const ids = groups.flatMap((g) => g.ownerIds);
    const units = await currentUnits(tx, ids);
    const created = new Map(
      (await tx.select({ id: o.id, createdAt: o.createdAt }).from(o).where(anyOf(o.id, ids))).map((r) => [
        r.id,
        r.createdAt,
      ]),
    );
    const v = schema.verifications;
    const verified = new Map(
      (
        await tx
          .select({ ownerId: v.ownerId, n: count() })
          .from(v)
          .where(and(anyOf(v.ownerId, ids), eq(v.status, 'verified')))
          .groupBy(v.ownerId)
      ).map((r) => [r.ownerId, r.n]),
    );
    return groups.map((g) => ({
      ownerIds: g.ownerIds,
      name: g.name,
      phone: maskPhone(g.phone),
      owners: g.ownerIds.map((ownerId) => ({
        ownerId,
        createdAt: created.get(ownerId)!,
        units: (units.get(ownerId) ?? []).map(({ unitId, address, designatedVoter }) => ({
          unitId,
          address,
          designatedVoter,
        })),
        verifiedPeople: verified.get(ownerId) ?? 0,
      })),
    }));
  }

  /**
   * Decides the lookalike group of `ownerId` as the admin saw it (`ownerIds`). Different people: `ownerIds` must be the
   * group as it is now. One person: two or more records of the group, merged into `ownerId`. A record of another
   * neighbourhood (or none) is 404; a group that changed since it was shown is 409 `lookalike_changed`.
   */
  async decide(
    tx: Tx,
    context: AuditContext,
    ownerId: string,
    input: { decision: LookalikeDecision; ownerIds: string[] },
  ) {
    const chosen = [...new Set(input.ownerIds)].sort();
    if (!chosen.includes(ownerId)) throw fieldError('ownerIds', 'lookalike_kept_listed');
    // Locked: a concurrent decision or owner change on the same records waits, then sees the group as it left it.
    const records = await tx.select().from(o).where(anyOf(o.id, chosen)).for('update');
    if (records.length !== chosen.length) throw new AppError('not_found');
    const kept = records.find((r) => r.id === ownerId)!;
    const group =
      kept.idNumberHash === null && kept.mergedIntoId === null && kept.phone !== null
        ? (
            await tx
              .select({ id: o.id })
              .from(o)
              .where(and(candidate, eq(o.name, kept.name), eq(o.phone, kept.phone)))
          )
            .map((r) => r.id)
            .sort()
        : [];
    const changed = () => new AppError('lookalike_changed');
    if (group.length < 2 || chosen.some((id) => !group.includes(id))) throw changed();

    if (input.decision === 'different_people') {
      if (groupKey(group) !== groupKey(chosen)) throw changed();
      const [decision] = await tx
        .insert(decisions)
        .values({ tenantId: context.tenantId, ownerIds: chosen, decidedBy: context.actor.id, decidedAt: context.at })
        .onConflictDoNothing()
        .returning({ id: decisions.id });
      if (decision)
        await audit(tx, context, {
          action: 'registry.owners_distinct',
          targetType: 'owner_lookalike_decision',
          targetId: decision.id,
          details: { name: kept.name, owners: chosen },
        });
      return { decision: input.decision, ownerIds: chosen, keptOwnerId: null, unitsMoved: 0 };
    }

    const merged = chosen.filter((id) => id !== ownerId);
    const moved = await this.merge(tx, context, ownerId, merged);
    await audit(tx, context, {
      action: 'registry.owners_merged',
      targetType: 'owner',
      targetId: ownerId,
      details: { name: kept.name, kept: ownerId, merged, units: moved.units, verifications: moved.verifications },
    });
    return { decision: input.decision, ownerIds: chosen, keptOwnerId: ownerId, unitsMoved: moved.units.length };
  }

  /** Moves everything of the `merged` records to `keptId`; returns the units whose current owners changed. */
  private async merge(tx: Tx, context: AuditContext, keptId: string, merged: string[]) {
    const current = await tx
      .select({ id: uo.id, unitId: uo.unitId, ownerId: uo.ownerId, designatedVoter: uo.designatedVoter })
      .from(uo)
      .where(and(anyOf(uo.ownerId, [keptId, ...merged]), isNull(uo.until)));
    const keptUnits = new Set(current.filter((r) => r.ownerId === keptId).map((r) => r.unitId));
    const units = [...new Set(current.filter((r) => r.ownerId !== keptId).map((r) => r.unitId))];
    // Where the kept record already co-owns a unit with a merged one, one person owns it once: the merged row ends
    // (its designated-voter flag passes to the kept row).
    for (const row of current) {
      if (row.ownerId === keptId || !keptUnits.has(row.unitId)) continue;
      await tx.update(uo).set({ until: context.at, designatedVoter: false }).where(eq(uo.id, row.id));
      if (row.designatedVoter)
        await tx
          .update(uo)
          .set({ designatedVoter: true })
          .where(and(eq(uo.unitId, row.unitId), eq(uo.ownerId, keptId), isNull(uo.until)));
    }
    // The history moves too: it is the same person's.
    await tx.update(uo).set({ ownerId: keptId }).where(anyOf(uo.ownerId, merged));
    const v = schema.verifications;
    const links = await tx.update(v).set({ ownerId: keptId }).where(anyOf(v.ownerId, merged)).returning({ id: v.id });
    await tx.update(o).set({ mergedIntoId: keptId }).where(anyOf(o.id, merged));
    // Plugins learn that these units' owners changed, as from any other owner change.
    const owners = new Map(
      (
        await tx
          .select({ unitId: uo.unitId, n: count() })
          .from(uo)
          .where(and(anyOf(uo.unitId, units), isNull(uo.until)))
          .groupBy(uo.unitId)
      ).map((r) => [r.unitId, r.n]),
    );
    for (const unitId of units)
      await this.events.emit(
        tx,
        context.tenantId,
        'unit.owner_changed',
        { unitId, owners: owners.get(unitId) ?? 0 },
        context.at,
      );
    return { units, verifications: links.length };
  }
}
