import { schema, type Tx } from '@city/db';
import { anyOf } from '@city/db/arrays';
import { and, asc, gt, or } from 'drizzle-orm';

/** How the registry changed a unit: the audit actions that touch units' owners or figures. */
export type UnitChangeKind = 'owners_changed' | 'unit_updated' | 'imported' | 'owners_merged';

export interface UnitChange {
  unitId: string;
  at: Date;
  kind: UnitChangeKind;
  /** The reason the admin gave (owners_changed) or the imported file's name (imported); null where none is kept. */
  reason: string | null;
}

const ACTIONS: Record<string, UnitChangeKind> = {
  'registry.owners_changed': 'owners_changed',
  'registry.unit_updated': 'unit_updated',
  'registry.imported': 'imported',
  'registry.owners_merged': 'owners_merged',
};

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * What the registry recorded about changes to these units after `since`, oldest first, read from the audit trail where
 * every registry write leaves its entry: an owner change with its reason, an edit of a unit's figures, a merge of owner
 * records, an import. An import's entry names the file, not the units: the units it wrote are those whose ownership
 * rows or figures carry the instant it recorded (it stamps everything it writes with that instant).
 */
export async function unitChangesSince(tx: Tx, unitIds: readonly string[], since: Date): Promise<UnitChange[]> {
  if (!unitIds.length) return [];
  const wanted = new Set(unitIds);
  const log = schema.auditLog;
  const entries = await tx
    .select({ action: log.action, targetId: log.targetId, at: log.occurredAt, details: log.details })
    .from(log)
    .where(and(gt(log.occurredAt, since), anyOf(log.action, Object.keys(ACTIONS))))
    .orderBy(asc(log.seq));
  const changes: UnitChange[] = [];
  const imports = new Map<number, { at: Date; file: string | null }>();
  for (const entry of entries) {
    const kind = ACTIONS[entry.action]!;
    if (kind === 'imported') imports.set(entry.at.getTime(), { at: entry.at, file: text(entry.details.file) });
    else if (kind === 'owners_merged') {
      const units = Array.isArray(entry.details.units) ? (entry.details.units as unknown[]) : [];
      for (const unitId of units)
        if (typeof unitId === 'string' && wanted.has(unitId))
          changes.push({ unitId, at: entry.at, kind, reason: null });
    } else if (wanted.has(entry.targetId)) {
      changes.push({
        unitId: entry.targetId,
        at: entry.at,
        kind,
        reason: kind === 'owners_changed' ? text(entry.details.reason) : null,
      });
    }
  }
  if (imports.size) {
    const uo = schema.unitOwners;
    const u = schema.units;
    const ids = [...wanted];
    const stamps = [
      ...(await tx
        .select({ unitId: uo.unitId, since: uo.since, until: uo.until })
        .from(uo)
        .where(and(anyOf(uo.unitId, ids), or(gt(uo.since, since), gt(uo.until, since))))),
    ].flatMap((r) => [{ unitId: r.unitId, at: r.since }, ...(r.until ? [{ unitId: r.unitId, at: r.until }] : [])]);
    stamps.push(
      ...(await tx
        .select({ unitId: u.id, at: u.updatedAt })
        .from(u)
        .where(and(anyOf(u.id, ids), gt(u.updatedAt, since)))),
    );
    // A unit written at an import's instant by a change of its own (same clock tick) is that change's, not the import's.
    const seen = new Set(changes.map((c) => `${c.unitId}\0${c.at.getTime()}`));
    for (const stamp of stamps) {
      const entry = imports.get(stamp.at.getTime());
      const key = `${stamp.unitId}\0${stamp.at.getTime()}`;
      if (!entry || seen.has(key)) continue;
      seen.add(key);
      changes.push({ unitId: stamp.unitId, at: entry.at, kind: 'imported', reason: entry.file });
    }
    changes.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  return changes;
}
