import { schema, type Tx } from '@city/db';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { ImportProblem, ParsedUnit } from './parse.ts';

/** An owner as planned: the ID number reduced to its keyed hash (hex) and mask before anything is stored. */
interface PlannedOwner {
  name: string;
  phone: string | null;
  phoneMasked: boolean;
  idHash: string | null;
  idMasked: string | null;
  designatedVoter: boolean;
  row: number;
}
export type PlannedUnit = Omit<ParsedUnit, 'owners'> & { owners: PlannedOwner[] };

type UnitValues = Pick<ParsedUnit, 'floor' | 'registeredArea' | 'measuredArea' | 'contractArea' | 'saleStatus'>;

/** Who a planned owner is: a known owner row, or a new person (new people with the same ID hash are one person). */
type OwnerRef = { id: string } | { newKey: string };

export interface Changes {
  newBuildings: string[];
  inserts: Array<{
    building: string;
    entrance: string;
    room: string;
    values: UnitValues;
    owners: Array<{ ref: OwnerRef; voter: boolean }>;
  }>;
  updates: Array<{ id: string; values: UnitValues }>;
  ownerChanges: Array<{ unitId: string; owners: Array<{ ref: OwnerRef; voter: boolean }> }>;
  newOwners: Map<string, { name: string; phone: string | null; idHash: string | null; idMasked: string | null }>;
  phoneUpdates: Map<string, string>;
  unchanged: number;
  problems: ImportProblem[];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const addressKey = (buildingId: string, entrance: string, room: string) =>
  `${buildingId}\u0000${entrance}\u0000${room}`;

function valuesOf(unit: UnitValues): UnitValues {
  return {
    floor: unit.floor,
    registeredArea: unit.registeredArea,
    measuredArea: unit.measuredArea,
    contractArea: unit.contractArea,
    saleStatus: unit.saleStatus,
  };
}
const sameValues = (a: UnitValues, b: UnitValues) => JSON.stringify(valuesOf(a)) === JSON.stringify(valuesOf(b));

/**
 * Compares the file with the registry and works out the writes, without writing: the same function gives the
 * preview after validation and the work list when applying. Units are matched by building, entrance and room,
 * so a corrected file updates in place; owners by ID hash, else (within the unit) by mask or by name.
 */
export async function planChanges(tx: Tx, units: PlannedUnit[]): Promise<Changes> {
  const buildings = new Map(
    (await tx.select({ id: schema.buildings.id, name: schema.buildings.name }).from(schema.buildings)).map((b) => [
      b.name,
      b.id,
    ]),
  );
  const stored = new Map(
    (await tx.select().from(schema.units)).map((u) => [addressKey(u.buildingId, u.entrance, u.room), u] as const),
  );
  const current = new Map<
    string,
    Array<{
      ownerId: string;
      voter: boolean;
      name: string;
      phone: string | null;
      idHash: string | null;
      idMasked: string | null;
    }>
  >();
  const rows = await tx
    .select({
      unitId: schema.unitOwners.unitId,
      ownerId: schema.owners.id,
      voter: schema.unitOwners.designatedVoter,
      name: schema.owners.name,
      phone: schema.owners.phone,
      idHash: schema.owners.idNumberHash,
      idMasked: schema.owners.idNumberMasked,
    })
    .from(schema.unitOwners)
    .innerJoin(schema.owners, eq(schema.owners.id, schema.unitOwners.ownerId))
    .where(isNull(schema.unitOwners.until));
  for (const r of rows) {
    const list = current.get(r.unitId) ?? [];
    list.push({ ...r, idHash: r.idHash ? hex(r.idHash) : null });
    current.set(r.unitId, list);
  }
  const byHash = new Map(
    (
      await tx
        .select({ id: schema.owners.id, hash: schema.owners.idNumberHash })
        .from(schema.owners)
        .where(isNotNull(schema.owners.idNumberHash))
    ).map((o) => [hex(o.hash!), o.id]),
  );

  const changes: Changes = {
    newBuildings: [...new Set(units.map((u) => u.building))].filter((name) => !buildings.has(name)),
    inserts: [],
    updates: [],
    ownerChanges: [],
    newOwners: new Map(),
    phoneUpdates: new Map(),
    unchanged: 0,
    problems: [],
  };

  for (const unit of units) {
    const buildingId = buildings.get(unit.building);
    const existing = buildingId ? stored.get(addressKey(buildingId, unit.entrance, unit.room)) : undefined;
    const before = existing ? (current.get(existing.id) ?? []) : [];
    const owners = unit.owners.map((owner, i) => ({
      ref: resolve(owner, before, byHash, changes, `${unit.row}:${i}`),
      voter: owner.designatedVoter,
    }));
    for (const [i, owner] of unit.owners.entries()) {
      const ref = owners[i]!.ref;
      if (owner.phone && 'id' in ref && before.find((b) => b.ownerId === ref.id)?.phone !== owner.phone)
        changes.phoneUpdates.set(ref.id, owner.phone);
    }
    if (!existing) {
      changes.inserts.push({
        building: unit.building,
        entrance: unit.entrance,
        room: unit.room,
        values: valuesOf(unit),
        owners,
      });
      continue;
    }
    const valuesChanged = !sameValues(existing, unit);
    if (valuesChanged) changes.updates.push({ id: existing.id, values: valuesOf(unit) });
    const signature = (list: Array<{ key: string; voter: boolean }>) =>
      list
        .map((o) => `${o.key}:${o.voter}`)
        .sort()
        .join('|');
    const ownersChanged =
      signature(before.map((b) => ({ key: b.ownerId, voter: b.voter }))) !==
      signature(owners.map((o) => ({ key: 'id' in o.ref ? o.ref.id : o.ref.newKey, voter: o.voter })));
    if (ownersChanged) changes.ownerChanges.push({ unitId: existing.id, owners });
    if (!valuesChanged && !ownersChanged) changes.unchanged++;
  }
  return changes;
}

function resolve(
  owner: PlannedOwner,
  before: Array<{ ownerId: string; name: string; idHash: string | null; idMasked: string | null }>,
  byHash: Map<string, string>,
  changes: Changes,
  fallbackKey: string,
): OwnerRef {
  if (owner.idHash) {
    const known = byHash.get(owner.idHash);
    if (known) return { id: known };
    // The same buyer on several rows: one person, with the number from whichever row gives it.
    const seen = changes.newOwners.get(`hash:${owner.idHash}`);
    changes.newOwners.set(`hash:${owner.idHash}`, {
      name: owner.name,
      phone: owner.phone ?? seen?.phone ?? null,
      idHash: owner.idHash,
      idMasked: owner.idMasked,
    });
    return { newKey: `hash:${owner.idHash}` };
  }
  if (owner.idMasked) {
    const match = before.find((b) => b.idMasked === owner.idMasked && b.name === owner.name);
    if (match) return { id: match.ownerId };
    changes.problems.push({ row: owner.row, column: '业主身份证号', code: 'masked_owner_unknown' });
    return { newKey: `invalid:${fallbackKey}` };
  }
  const match = before.find((b) => b.name === owner.name && !b.idHash);
  if (match) return { id: match.ownerId };
  changes.newOwners.set(`row:${fallbackKey}`, { name: owner.name, phone: owner.phone, idHash: null, idMasked: null });
  return { newKey: `row:${fallbackKey}` };
}

export function summaryOf(changes: Changes) {
  return {
    buildingsCreated: changes.newBuildings.length,
    unitsCreated: changes.inserts.length,
    unitsUpdated: changes.updates.length,
    ownersChanged: changes.ownerChanges.length + changes.inserts.filter((u) => u.owners.length).length,
    unchanged: changes.unchanged,
  };
}

const CHUNK = 1000;
function* chunks<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}

/** Writes the planned changes in batches; `progress` is told how many units are done out of how many. */
export async function executeChanges(
  tx: Tx,
  tenantId: string,
  at: Date,
  changes: Changes,
  progress: (done: number, total: number) => void,
) {
  const total = changes.inserts.length + changes.updates.length + changes.ownerChanges.length;
  let done = 0;
  const step = (n: number) => progress((done += n), total);

  const buildings = new Map(
    (await tx.select({ id: schema.buildings.id, name: schema.buildings.name }).from(schema.buildings)).map((b) => [
      b.name,
      b.id,
    ]),
  );
  for (const names of chunks(changes.newBuildings)) {
    const created = await tx
      .insert(schema.buildings)
      .values(names.map((name) => ({ tenantId, name, createdAt: at })))
      .returning();
    for (const b of created) buildings.set(b.name, b.id);
  }

  const ownerIds = new Map<string, string>();
  for (const batch of chunks([...changes.newOwners])) {
    const created = await tx
      .insert(schema.owners)
      .values(
        batch.map(([, o]) => ({
          tenantId,
          name: o.name,
          phone: o.phone,
          idNumberHash: o.idHash ? Buffer.from(o.idHash, 'hex') : null,
          idNumberMasked: o.idMasked,
          createdAt: at,
        })),
      )
      .returning({ id: schema.owners.id });
    batch.forEach(([key], i) => ownerIds.set(key, created[i]!.id));
  }
  for (const [id, phone] of changes.phoneUpdates)
    await tx.update(schema.owners).set({ phone }).where(eq(schema.owners.id, id));
  const idOf = (ref: OwnerRef) => ('id' in ref ? ref.id : ownerIds.get(ref.newKey)!);

  const ownership: Array<typeof schema.unitOwners.$inferInsert> = [];
  for (const batch of chunks(changes.inserts)) {
    const created = await tx
      .insert(schema.units)
      .values(
        batch.map((u) => ({
          tenantId,
          buildingId: buildings.get(u.building)!,
          entrance: u.entrance,
          room: u.room,
          ...u.values,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning({ id: schema.units.id });
    batch.forEach((u, i) => {
      for (const o of u.owners)
        ownership.push({ tenantId, unitId: created[i]!.id, ownerId: idOf(o.ref), designatedVoter: o.voter, since: at });
    });
    step(batch.length);
  }
  for (const batch of chunks(changes.updates)) {
    for (const u of batch)
      await tx
        .update(schema.units)
        .set({ ...u.values, updatedAt: at })
        .where(eq(schema.units.id, u.id));
    step(batch.length);
  }
  for (const batch of chunks(changes.ownerChanges)) {
    await tx
      .update(schema.unitOwners)
      .set({ until: at })
      .where(
        and(
          inArray(
            schema.unitOwners.unitId,
            batch.map((c) => c.unitId),
          ),
          isNull(schema.unitOwners.until),
        ),
      );
    for (const c of batch)
      for (const o of c.owners)
        ownership.push({ tenantId, unitId: c.unitId, ownerId: idOf(o.ref), designatedVoter: o.voter, since: at });
    step(batch.length);
  }
  for (const batch of chunks(ownership)) await tx.insert(schema.unitOwners).values(batch);
}
