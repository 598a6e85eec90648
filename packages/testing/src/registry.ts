import { schema, withTenant, type Database } from '@city/db';
import { inChunks } from './residents.ts';

export interface UnitSpec {
  building?: string;
  room: string;
  /** Counting area in 0.01 m² (registered); null leaves all three areas empty. */
  area: number | null;
  saleStatus?: 'sold_delivered' | 'sold_undelivered' | 'unsold';
  /** Keys of `owners`; the first is the designated voter of a co-owned unit unless `designated` says otherwise. */
  owners?: string[];
  designated?: string;
}

export interface RegistrySpec {
  owners: Record<string, string>;
  units: UnitSpec[];
  /** Owner key → user id: the person is verified as that owner (as a claim code would). */
  verified?: Record<string, string>;
}

/**
 * A property registry written straight into one neighbourhood (as an import would leave it): buildings, units with
 * their counting areas, owners, designated voters, and verified owner accounts. Returns the ids by key.
 */
export async function seedRegistry(db: Database, tenantId: string, spec: RegistrySpec) {
  return withTenant(db, tenantId, async (tx) => {
    const since = new Date('2020-01-01T00:00:00Z');
    const names = [...new Set(spec.units.map((u) => u.building ?? '1栋'))];
    // A second call may add units to buildings the first one made.
    await tx
      .insert(schema.buildings)
      .values(names.map((name) => ({ tenantId, name })))
      .onConflictDoNothing();
    const buildingId = new Map((await tx.select().from(schema.buildings)).map((b) => [b.name, b.id]));
    const ownerRows: { id: string; name: string }[] = [];
    await inChunks(Object.entries(spec.owners), async (chunk) => {
      ownerRows.push(
        ...(await tx
          .insert(schema.owners)
          .values(chunk.map(([, name]) => ({ tenantId, name })))
          .returning({ id: schema.owners.id, name: schema.owners.name })),
      );
    });
    const ownerId = new Map(Object.keys(spec.owners).map((key, i) => [key, ownerRows[i]!.id]));
    const unitIds: string[] = [];
    await inChunks(spec.units, async (chunk) => {
      const rows = await tx
        .insert(schema.units)
        .values(
          chunk.map((u) => ({
            tenantId,
            buildingId: buildingId.get(u.building ?? '1栋')!,
            floor: 1,
            room: u.room,
            registeredArea: u.area,
            saleStatus: u.saleStatus ?? 'sold_delivered',
          })),
        )
        .returning({ id: schema.units.id });
      unitIds.push(...rows.map((r) => r.id));
    });
    const links = spec.units.flatMap((u, i) =>
      (u.owners ?? []).map((key) => ({
        tenantId,
        unitId: unitIds[i]!,
        ownerId: ownerId.get(key)!,
        designatedVoter: (u.owners?.length ?? 0) > 1 && key === (u.designated ?? u.owners![0]),
        since,
      })),
    );
    await inChunks(links, (chunk) => tx.insert(schema.unitOwners).values(chunk));
    const verified = Object.entries(spec.verified ?? {}).map(([key, userId]) => {
      const unitIndex = spec.units.findIndex((u) => u.owners?.includes(key));
      return {
        tenantId,
        unitId: unitIds[unitIndex]!,
        userId,
        displayName: spec.owners[key]!,
        relation: 'owner' as const,
        ownerId: ownerId.get(key)!,
        status: 'verified' as const,
        method: 'approval' as const,
        decidedAt: since,
      };
    });
    await inChunks(verified, (chunk) => tx.insert(schema.verifications).values(chunk));
    return { unitIds, ownerId: Object.fromEntries(ownerId) };
  });
}
