import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { compareNatural, compareNaturalBy, countingArea, formatArea, maskIdNumber, maskPhone } from '@city/contracts';
import { isUniqueViolation, schema, type Tx } from '@city/db';
import { and, asc, count, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { audit, type AuditContext } from './audit.ts';
import type { EventOutbox } from './events.ts';
import { AppError } from './errors.ts';

const u = schema.units;
const uo = schema.unitOwners;
type UnitRow = typeof u.$inferSelect;
type SaleStatus = UnitRow['saleStatus'];
type VerificationRelation = (typeof schema.verifications.$inferSelect)['relation'];

export interface UnitInput {
  buildingId: string;
  entrance: string;
  floor: number;
  room: string;
  registeredArea: number | null;
  measuredArea: number | null;
  contractArea: number | null;
  saleStatus: SaleStatus;
}

export interface OwnerInput {
  name: string;
  phone: string | null;
  idNumber: string | null;
  designatedVoter: boolean;
}

const area = (v: number | null) => (v === null ? null : formatArea(v));

/** Someone has verified through the portal (claim code or approval) as this owner of this unit. */
const ownerVerified = sql<boolean>`exists (select 1 from ${schema.verifications} v where v.unit_id = ${uo.unitId}
  and v.owner_id = ${uo.ownerId} and v.status = 'verified')`;

/** Address order people expect: 单元 and rooms compared as numbers (2单元 before 10单元, 202 before 1001), floors by number. */
const byEntrance = compareNaturalBy<{ entrance: string }>((x) => x.entrance);
const compareUnits = (a: { entrance: string; floor: number; room: string }, b: typeof a) =>
  byEntrance(a, b) || a.floor - b.floor || compareNatural(a.room, b.room);

function unitView(row: UnitRow & { buildingName: string }, owners: OwnerView[]) {
  const counting = countingArea(row);
  return {
    id: row.id,
    buildingId: row.buildingId,
    buildingName: row.buildingName,
    entrance: row.entrance,
    floor: row.floor,
    room: row.room,
    registeredArea: area(row.registeredArea),
    measuredArea: area(row.measuredArea),
    contractArea: area(row.contractArea),
    countingArea: counting ? formatArea(counting.area) : null,
    areaSource: counting?.source ?? null,
    saleStatus: row.saleStatus,
    owners: owners.filter((o) => o.until === null),
  };
}

type OwnerView = Awaited<ReturnType<typeof ownersOf>>[number];

/** Ownership rows of some units, newest first, personal data masked (PIPL: minimum necessary in lists). */
async function ownersOf(tx: Tx, unitIds: string[]) {
  if (!unitIds.length) return [];
  const rows = await tx
    .select({
      unitId: uo.unitId,
      ownerId: schema.owners.id,
      name: schema.owners.name,
      phone: schema.owners.phone,
      idNumber: schema.owners.idNumberMasked,
      designatedVoter: uo.designatedVoter,
      verified: ownerVerified,
      since: uo.since,
      until: uo.until,
    })
    .from(uo)
    .innerJoin(schema.owners, eq(schema.owners.id, uo.ownerId))
    .where(inArray(uo.unitId, unitIds))
    .orderBy(asc(uo.since));
  return rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null }));
}

const unitColumns = { ...getTableColumns(u), buildingName: schema.buildings.name };

/** Every unit of the neighbourhood with its building's name, in address order (exports, plugins). */
export function allUnits(tx: Tx) {
  return tx
    .select(unitColumns)
    .from(u)
    .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
    .orderBy(asc(schema.buildings.name), asc(u.entrance), asc(u.floor), asc(u.room));
}

/** Who owns each unit now, by owner id and name, with the co-owners' designated voter (owner votes, docs/domain.md §2.2). */
export function currentOwnerships(tx: Tx) {
  return tx
    .select({ unitId: uo.unitId, ownerId: uo.ownerId, name: schema.owners.name, designatedVoter: uo.designatedVoter })
    .from(uo)
    .innerJoin(schema.owners, eq(schema.owners.id, uo.ownerId))
    .where(isNull(uo.until))
    .orderBy(asc(uo.since), asc(uo.id));
}

/** The registry owners a person is verified as (claim code or admin approval), whoever owns what today. */
export async function verifiedOwnerIds(tx: Tx, userId: string): Promise<string[]> {
  const v = schema.verifications;
  const rows = await tx
    .selectDistinct({ ownerId: v.ownerId })
    .from(v)
    .where(and(eq(v.userId, userId), eq(v.status, 'verified'), eq(v.relation, 'owner')));
  return rows.flatMap((r) => (r.ownerId ? [r.ownerId] : []));
}

/** A row of app_member_homes (migration 0047), as the database answers it. */
export type HomeRow = {
  unit_id: string;
  building_name: string;
  entrance: string;
  room: string;
  relation: VerificationRelation;
};

/** A person's homes from app_member_homes' rows (read on their own, or beside another statement's). */
export const homesFrom = (rows: readonly HomeRow[]) =>
  rows.map((r) => ({
    unitId: r.unit_id,
    buildingName: r.building_name,
    entrance: r.entrance,
    room: r.room,
    relation: r.relation,
  }));

/**
 * The units a person is verified for here (owner, family or renter), in address order. app_member_homes (migration
 * 0047) reads them as the app role, so a plugin's role calls it as it is, in one round trip.
 */
export async function verifiedHomes(tx: Tx, userId: string) {
  const { rows } = await tx.execute<HomeRow>(sql`select * from app_member_homes(${userId})`);
  return homesFrom(rows);
}

/** Whether a person has any verified link to a unit here (owner, family, renter). */
export async function isVerifiedResident(tx: Tx, userId: string): Promise<boolean> {
  const v = schema.verifications;
  const [row] = await tx
    .select({ id: v.id })
    .from(v)
    .where(and(eq(v.userId, userId), eq(v.status, 'verified')))
    .limit(1);
  return row !== undefined;
}

/**
 * The property registry: buildings → units → owners (docs/domain.md §2). ID numbers are kept as a keyed hash (to
 * recognise the same person) and a mask (to show); unmasked contact details are read through one audited path.
 */
export class Registry {
  private readonly piiKey: Uint8Array;
  private readonly events: EventOutbox;

  constructor(piiKey: Uint8Array, events: EventOutbox) {
    this.piiKey = piiKey;
    this.events = events;
  }

  idNumberHash(idNumber: string): Uint8Array {
    return hmac(SHA256, this.piiKey, new TextEncoder().encode(idNumber.toUpperCase()));
  }

  /** Buildings in natural order (2栋 before 10栋), each with how many units have no owner or a verified owner. */
  async buildings(tx: Tx) {
    const owned = sql`exists (select 1 from ${uo} o where o.unit_id = ${u.id} and o.until is null)`;
    const verified = sql`exists (select 1 from ${uo} o join ${schema.verifications} v on v.unit_id = o.unit_id
      and v.owner_id = o.owner_id and v.status = 'verified' where o.unit_id = ${u.id} and o.until is null)`;
    const rows = await tx
      .select({
        id: schema.buildings.id,
        name: schema.buildings.name,
        createdAt: schema.buildings.createdAt,
        unitCount: count(u.id),
        vacantCount: sql<number>`count(${u.id}) filter (where not ${owned})`.mapWith(Number),
        verifiedCount: sql<number>`count(${u.id}) filter (where ${verified})`.mapWith(Number),
      })
      .from(schema.buildings)
      .leftJoin(u, eq(u.buildingId, schema.buildings.id))
      .groupBy(schema.buildings.id);
    return rows.sort(compareNaturalBy((b) => b.name));
  }

  async createBuilding(tx: Tx, context: AuditContext, name: string) {
    try {
      const [row] = await tx
        .insert(schema.buildings)
        .values({ tenantId: context.tenantId, name, createdAt: context.at })
        .returning();
      await audit(tx, context, {
        action: 'registry.building_created',
        targetType: 'building',
        targetId: row!.id,
        details: { name },
      });
      return { ...row!, unitCount: 0, vacantCount: 0, verifiedCount: 0 };
    } catch (error) {
      if (isUniqueViolation(error)) throw sameAddress();
      throw error;
    }
  }

  async units(tx: Tx, buildingId: string) {
    await this.building(tx, buildingId);
    const rows = await tx
      .select(unitColumns)
      .from(u)
      .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
      .where(eq(u.buildingId, buildingId));
    rows.sort(compareUnits);
    const owners = await ownersOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      unitView(
        row,
        owners.filter((o) => o.unitId === row.id),
      ),
    );
  }

  async unit(tx: Tx, unitId: string) {
    const [row] = await tx
      .select(unitColumns)
      .from(u)
      .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
      .where(eq(u.id, unitId));
    if (!row) throw new AppError('not_found');
    const owners = await ownersOf(tx, [unitId]);
    const residents = await tx
      .select({
        id: schema.unitResidents.id,
        name: schema.unitResidents.name,
        relation: schema.unitResidents.relation,
        phone: schema.unitResidents.phone,
      })
      .from(schema.unitResidents)
      .where(and(eq(schema.unitResidents.unitId, unitId), isNull(schema.unitResidents.until)));
    const verified = await tx
      .select({
        id: schema.verifications.id,
        displayName: schema.verifications.displayName,
        relation: schema.verifications.relation,
        method: schema.verifications.method,
      })
      .from(schema.verifications)
      .where(and(eq(schema.verifications.unitId, unitId), eq(schema.verifications.status, 'verified')));
    return {
      ...unitView(row, owners),
      ownerHistory: owners.filter((o) => o.until !== null).reverse(),
      residents: residents.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null })),
      verified,
    };
  }

  async createUnit(tx: Tx, context: AuditContext, input: UnitInput) {
    await this.building(tx, input.buildingId);
    try {
      const [row] = await tx
        .insert(u)
        .values({ ...input, tenantId: context.tenantId, createdAt: context.at, updatedAt: context.at })
        .returning();
      await audit(tx, context, {
        action: 'registry.unit_created',
        targetType: 'unit',
        targetId: row!.id,
        details: describe(row!),
      });
      return await this.unit(tx, row!.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw sameAddress();
      throw error;
    }
  }

  async updateUnit(tx: Tx, context: AuditContext, unitId: string, changes: Partial<Omit<UnitInput, 'buildingId'>>) {
    const [before] = await tx.select().from(u).where(eq(u.id, unitId)).for('update');
    if (!before) throw new AppError('not_found');
    try {
      const [after] = await tx
        .update(u)
        .set({ ...changes, updatedAt: context.at })
        .where(eq(u.id, unitId))
        .returning();
      await audit(tx, context, {
        action: 'registry.unit_updated',
        targetType: 'unit',
        targetId: unitId,
        details: { from: describe(before), to: describe(after!) },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw sameAddress();
      throw error;
    }
    return this.unit(tx, unitId);
  }

  /**
   * Replaces a unit's owners. The current ownership rows are closed, not deleted (history), and owners are
   * recognised by the keyed hash of their ID number, so one buyer of several units stays one person.
   */
  async setOwners(tx: Tx, context: AuditContext, unitId: string, next: OwnerInput[], reason: string) {
    const [unit] = await tx.select().from(u).where(eq(u.id, unitId)).for('update');
    if (!unit) throw new AppError('not_found');
    const current = (await ownersOf(tx, [unitId])).filter((o) => o.until === null);
    await tx
      .update(uo)
      .set({ until: context.at })
      .where(and(eq(uo.unitId, unitId), isNull(uo.until)));
    for (const owner of next) {
      const ownerId = await this.ownerFor(tx, context.tenantId, owner);
      await tx.insert(uo).values({
        tenantId: context.tenantId,
        unitId,
        ownerId,
        designatedVoter: owner.designatedVoter,
        since: context.at,
      });
    }
    await this.events.emit(tx, context.tenantId, 'unit.owner_changed', { unitId, owners: next.length }, context.at);
    await audit(tx, context, {
      action: 'registry.owners_changed',
      targetType: 'unit',
      targetId: unitId,
      details: { unit: describe(unit), from: current.map((o) => o.name), to: next.map((o) => o.name), reason },
    });
    return this.unit(tx, unitId);
  }

  /** The one path to an owner's unmasked phone number; every read is written to the audit trail (PIPL). */
  async ownerContact(tx: Tx, context: AuditContext, ownerId: string) {
    const [owner] = await tx.select().from(schema.owners).where(eq(schema.owners.id, ownerId));
    if (!owner) throw new AppError('not_found');
    await audit(tx, context, {
      action: 'personal_data.read',
      targetType: 'owner',
      targetId: ownerId,
      details: { owner: owner.name, field: 'phone' },
    });
    return { ownerId, name: owner.name, phone: owner.phone };
  }

  private async ownerFor(tx: Tx, tenantId: string, owner: OwnerInput): Promise<string> {
    const hash = owner.idNumber ? this.idNumberHash(owner.idNumber) : null;
    if (hash) {
      const [known] = await tx.select().from(schema.owners).where(eq(schema.owners.idNumberHash, hash));
      if (known) {
        await tx
          .update(schema.owners)
          .set({ name: owner.name, phone: owner.phone ?? known.phone })
          .where(eq(schema.owners.id, known.id));
        return known.id;
      }
    }
    const [created] = await tx
      .insert(schema.owners)
      .values({
        tenantId,
        name: owner.name,
        phone: owner.phone,
        idNumberHash: hash,
        idNumberMasked: owner.idNumber ? maskIdNumber(owner.idNumber) : null,
      })
      .returning({ id: schema.owners.id });
    return created!.id;
  }

  private async building(tx: Tx, buildingId: string) {
    const [building] = await tx.select().from(schema.buildings).where(eq(schema.buildings.id, buildingId));
    if (!building) throw new AppError('not_found');
    return building;
  }
}

/** A unit in the audit trail: its address and figures, never personal data. */
function describe(row: UnitRow) {
  return {
    entrance: row.entrance,
    floor: row.floor,
    room: row.room,
    registeredArea: row.registeredArea,
    measuredArea: row.measuredArea,
    contractArea: row.contractArea,
    saleStatus: row.saleStatus,
  };
}

function sameAddress() {
  return new AppError('conflict', {
    detail: { 'zh-CN': '该楼栋/房号已存在', en: 'This building or unit already exists' },
  });
}
