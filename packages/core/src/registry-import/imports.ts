import type { Clock } from '@city/auth';
import { formatArea, maskIdNumber, maskPhone, REGISTRY_COLUMNS, SALE_STATUS_LABELS } from '@city/contracts';
import { readTable, writeTable, type SheetFormat } from '@city/documents/sheets';
import { schema, withTenant, type Database, type Tx } from '@city/db';
import { sha256 } from '@oslojs/crypto/sha2';
import { asc, desc, eq, isNull } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import type { EventOutbox } from '../events.ts';
import { AppError } from '../errors.ts';
import { allUnits, type Registry } from '../registry.ts';
import { executeChanges, planChanges, summaryOf, type PlannedUnit } from './changes.ts';
import { parseRegistrySheet, type ImportProblem } from './parse.ts';

const imports = schema.registryImports;
type ImportRow = typeof imports.$inferSelect;

const MAX_REPORTED = 1000;

/**
 * Bulk registry import and export. An upload is validated at once (every problem, row by row) and kept as a plan;
 * applying it runs in the background in one transaction (all or nothing) while the portal polls its progress.
 */
export class RegistryImports {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly registry: Registry;
  private readonly events: EventOutbox;
  private readonly progress = new Map<string, { done: number; total: number }>();

  constructor(deps: { db: Database; clock: Clock; registry: Registry; events: EventOutbox }) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.registry = deps.registry;
    this.events = deps.events;
  }

  async validate(tx: Tx, context: AuditContext, file: { name: string; bytes: Uint8Array }) {
    let problems: ImportProblem[];
    let units: PlannedUnit[] = [];
    let rowCount = 0;
    let summary: Record<string, number> | null = null;
    try {
      const table = await readTable(file.bytes);
      rowCount = table.rows.length;
      const parsed = parseRegistrySheet(table);
      problems = parsed.problems;
      units = parsed.units.map((unit) => ({
        ...unit,
        owners: unit.owners.map(({ idNumber, ...owner }) => ({
          ...owner,
          idHash: idNumber ? Buffer.from(this.registry.idNumberHash(idNumber)).toString('hex') : null,
          idMasked: idNumber ? maskIdNumber(idNumber) : owner.idNumberMasked,
        })),
      }));
      if (!problems.length) {
        const changes = await planChanges(tx, units);
        problems = changes.problems;
        summary = summaryOf(changes);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      problems = [{ row: 1, column: null, code: 'import_unreadable' }];
    }
    const [row] = await tx
      .insert(imports)
      .values({
        tenantId: context.tenantId,
        fileName: file.name,
        fileDigest: Buffer.from(sha256(file.bytes)).toString('hex'),
        status: problems.length ? 'invalid' : 'ready',
        rowCount,
        errors: problems,
        plan: problems.length ? null : units,
        summary,
        createdBy: context.actor.id!,
        createdAt: context.at,
      })
      .returning();
    return this.view(row!);
  }

  async get(tx: Tx, id: string) {
    const [row] = await tx.select().from(imports).where(eq(imports.id, id));
    if (!row) throw new AppError('not_found');
    return this.view(row);
  }

  async list(tx: Tx) {
    const rows = await tx.select().from(imports).orderBy(desc(imports.createdAt)).limit(20);
    return rows.map((row) => this.view(row));
  }

  /**
   * Marks a validated import for applying and starts the work after the caller's transaction: the background
   * transaction first locks the import row, so it waits for that commit and does nothing if it was rolled back.
   */
  async start(tx: Tx, context: AuditContext, id: string, defer: (work: Promise<void>) => void) {
    const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'ready') throw new AppError('conflict');
    await tx.update(imports).set({ status: 'applying' }).where(eq(imports.id, id));
    defer(this.apply(context, id));
    return this.view({ ...row, status: 'applying' });
  }

  private async apply(context: AuditContext, id: string) {
    try {
      await withTenant(this.db, context.tenantId, async (tx) => {
        const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
        if (row?.status !== 'applying') return;
        const at = this.clock.now();
        const changes = await planChanges(tx, row.plan as PlannedUnit[]);
        // The registry may have changed since validation; a plan that no longer fits is refused whole.
        if (changes.problems.length) throw new ImportFailed(changes.problems);
        this.progress.set(id, {
          done: 0,
          total: changes.inserts.length + changes.updates.length + changes.ownerChanges.length,
        });
        await executeChanges(tx, context.tenantId, at, changes, (done, total) =>
          this.progress.set(id, { done, total }),
        );
        const summary = summaryOf(changes);
        await tx
          .update(imports)
          .set({ status: 'applied', summary, plan: null, finishedAt: this.clock.now() })
          .where(eq(imports.id, id));
        await this.events.emit(tx, context.tenantId, 'registry.imported', { importId: id, ...summary }, at);
        await audit(
          tx,
          { ...context, at },
          {
            action: 'registry.imported',
            targetType: 'registry_import',
            targetId: id,
            details: { file: row.fileName, sha256: row.fileDigest, ...summary },
          },
        );
      });
    } catch (error) {
      const problems: ImportProblem[] =
        error instanceof ImportFailed ? error.problems : [{ row: 1, column: null, code: 'invalid' }];
      if (!(error instanceof ImportFailed)) console.error('registry import failed', error);
      await withTenant(this.db, context.tenantId, (tx) =>
        tx
          .update(imports)
          .set({ status: 'failed', errors: problems, plan: null, finishedAt: this.clock.now() })
          .where(eq(imports.id, id)),
      );
    } finally {
      this.progress.delete(id);
    }
  }

  /** The registry in the import's own columns (so a corrected export re-imports); personal data masked. */
  async export(tx: Tx, context: AuditContext, format: SheetFormat) {
    const units = await allUnits(tx);
    const owners = await tx
      .select({
        unitId: schema.unitOwners.unitId,
        name: schema.owners.name,
        phone: schema.owners.phone,
        idMasked: schema.owners.idNumberMasked,
        voter: schema.unitOwners.designatedVoter,
      })
      .from(schema.unitOwners)
      .innerJoin(schema.owners, eq(schema.owners.id, schema.unitOwners.ownerId))
      .where(isNull(schema.unitOwners.until))
      .orderBy(desc(schema.unitOwners.designatedVoter), asc(schema.unitOwners.since));
    const byUnit = Map.groupBy(owners, (o) => o.unitId);
    const area = (v: number | null) => (v === null ? '' : formatArea(v));
    const rows = units.flatMap((u) => {
      const unitCells = [
        u.buildingName,
        u.entrance,
        String(u.floor),
        u.room,
        area(u.registeredArea),
        area(u.measuredArea),
        area(u.contractArea),
        SALE_STATUS_LABELS[u.saleStatus],
      ];
      const list = byUnit.get(u.id) ?? [];
      if (!list.length) return [[...unitCells, '', '', '', '']];
      return list.map((o) => [
        ...unitCells,
        o.name,
        o.phone ? maskPhone(o.phone) : '',
        o.idMasked ?? '',
        o.voter ? '是' : '',
      ]);
    });
    await audit(tx, context, {
      action: 'registry.exported',
      targetType: 'tenant',
      targetId: context.tenantId,
      details: { format, units: units.length },
    });
    return writeTable({ header: REGISTRY_COLUMNS.map((c) => c.label), rows }, format, '房屋登记');
  }

  private view(row: ImportRow) {
    const errors = row.errors as ImportProblem[];
    return {
      id: row.id,
      fileName: row.fileName,
      status: row.status,
      rowCount: row.rowCount,
      errorCount: errors.length,
      errors: errors.slice(0, MAX_REPORTED),
      summary: row.summary ?? null,
      progress: this.progress.get(row.id) ?? null,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
    };
  }
}

class ImportFailed extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super('import no longer fits the registry');
    this.problems = problems;
  }
}

/** The template: headers, one example unit with two co-owners, one unsold unit. */
export function templateTable() {
  const header = REGISTRY_COLUMNS.map((c) => c.label);
  const example = REGISTRY_COLUMNS.map((c) => c.example);
  const coOwner = REGISTRY_COLUMNS.map((c) =>
    c.key.startsWith('owner_') || c.key === 'designated_voter'
      ? ({ owner_name: '李梅', owner_phone: '', owner_id_number: '', designated_voter: '' }[c.key as string] ?? '')
      : c.example,
  );
  const unsold = REGISTRY_COLUMNS.map(
    (c) =>
      ({ building: '1栋', entrance: '1单元', floor: '3', room: '302', contract_area: '91.00', sale_status: '未售' })[
        c.key as string
      ] ?? '',
  );
  return { header, rows: [example, coOwner, unsold] };
}
