import type { FeedbackDepartmentInput } from '@city/contracts';
import { isUniqueViolation, schema, withPerson, type Database, type Tx } from '@city/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, fieldError } from '../errors.ts';
import { HandlingSide, type SideStaff } from './handling-side.ts';
import { neighbourhoodsOfDepartment } from './units.ts';

const d = schema.feedbackDepartments;
const dm = schema.feedbackDepartmentMembers;
const staffName = { userId: schema.users.id, displayName: schema.users.displayName };

/** A member of a 街道 department, after the core checked they act for it. */
export interface DepartmentStaff extends SideStaff {
  departmentId: string;
}

/**
 * The 街道's departments that handle 码上提 reports (城管科, 综治办…), set up once by the street's staff with those of
 * them who act for each. Everything runs as the person (withPerson), so the policies on departments decide what they
 * reach: their own street's departments to change, the departments they act for to read.
 */
export class FeedbackDepartments {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The streets a person sets departments up for, and the departments they act for. */
  mine(userId: string) {
    return withPerson(this.db, { userId }, async (tx) => ({
      streets: await tx
        .select({ id: schema.regions.id, name: schema.regions.name })
        .from(schema.regionStaff)
        .innerJoin(schema.regions, eq(schema.regions.id, schema.regionStaff.regionId))
        .where(and(eq(schema.regionStaff.userId, userId), eq(schema.regions.kind, 'street')))
        .orderBy(asc(schema.regions.name)),
      departments: await tx
        .select({ id: d.id, name: d.name, active: d.active, street: schema.regions.name })
        .from(dm)
        .innerJoin(d, eq(d.id, dm.departmentId))
        .innerJoin(schema.regions, eq(schema.regions.id, d.regionId))
        .where(eq(dm.userId, userId))
        .orderBy(asc(schema.regions.name), asc(d.name)),
    }));
  }

  /** The street, if the person is on its staff; otherwise not found. */
  street(userId: string, regionId: string) {
    return withPerson(this.db, { userId }, (tx) => streetOf(tx, userId, regionId));
  }

  /** A street's departments with who acts for each, and the street's staff to choose from. */
  list(userId: string, regionId: string) {
    return withPerson(this.db, { userId }, async (tx) => {
      const street = await streetOf(tx, userId, regionId);
      return { street, items: await departmentsOf(tx, regionId), staff: await streetStaff(tx, regionId) };
    });
  }

  /** Creates a department (no id) or changes one, with its members: only the street's staff may act for it. */
  save(userId: string, regionId: string, id: string | null, input: FeedbackDepartmentInput) {
    return withPerson(this.db, { userId }, async (tx) => {
      await streetOf(tx, userId, regionId);
      const memberIds = [...new Set(input.memberIds)];
      const staff = new Set((await streetStaff(tx, regionId)).map((s) => s.userId));
      const stranger = memberIds.findIndex((m) => !staff.has(m));
      if (stranger >= 0) throw fieldError(`memberIds.${stranger}`, 'invalid_value');
      const values = { name: input.name, active: input.active };
      const [row] = await (
        id
          ? tx
              .update(d)
              .set(values)
              .where(and(eq(d.id, id), eq(d.regionId, regionId)))
              .returning({ id: d.id })
          : tx
              .insert(d)
              .values({ regionId, ...values })
              .returning({ id: d.id })
      ).catch((error: unknown) => {
        if (isUniqueViolation(error, 'feedback_departments_name')) throw new AppError('conflict');
        throw error;
      });
      if (!row) throw new AppError('not_found');
      await tx.delete(dm).where(eq(dm.departmentId, row.id));
      if (memberIds.length) {
        await tx.insert(dm).values(memberIds.map((member) => ({ departmentId: row.id, regionId, userId: member })));
      }
      return (await departmentsOf(tx, regionId)).find((x) => x.id === row.id)!;
    });
  }
}

/**
 * 码上提 in a 街道 department's queue: the reports neighbourhoods of the street assigned to it, across them. Where it
 * handles reports is read as the member (the policy on units shows only their departments' units).
 */
export class DepartmentFeedback extends HandlingSide<DepartmentStaff> {
  /** The department, if the person acts for it (and is still on the street's staff); otherwise not found. */
  async department(userId: string, departmentId: string) {
    const [found] = await withPerson(this.deps.db, { userId }, (tx) =>
      tx
        .select({ id: d.id, name: d.name, street: schema.regions.name })
        .from(dm)
        .innerJoin(d, eq(d.id, dm.departmentId))
        .innerJoin(schema.regions, eq(schema.regions.id, d.regionId))
        .where(and(eq(dm.departmentId, departmentId), eq(dm.userId, userId))),
    );
    if (!found) throw new AppError('not_found');
    return found;
  }

  protected neighbourhoodsOf(staff: DepartmentStaff) {
    return withPerson(this.deps.db, { userId: staff.userId }, (tx) =>
      neighbourhoodsOfDepartment(tx, staff.departmentId),
    );
  }

  protected viewer(staff: DepartmentStaff) {
    return { userId: staff.userId, roles: [], departmentId: staff.departmentId };
  }
}

/** The street, if the person is on its staff; otherwise not found (another street's existence is not revealed). */
async function streetOf(tx: Tx, userId: string, regionId: string) {
  const [street] = await tx
    .select({ id: schema.regions.id, name: schema.regions.name })
    .from(schema.regions)
    .innerJoin(
      schema.regionStaff,
      and(eq(schema.regionStaff.regionId, schema.regions.id), eq(schema.regionStaff.userId, userId)),
    )
    .where(and(eq(schema.regions.id, regionId), eq(schema.regions.kind, 'street')));
  if (!street) throw new AppError('not_found');
  return street;
}

function streetStaff(tx: Tx, regionId: string) {
  return tx
    .select(staffName)
    .from(schema.regionStaff)
    .innerJoin(schema.users, eq(schema.users.id, schema.regionStaff.userId))
    .where(eq(schema.regionStaff.regionId, regionId))
    .orderBy(asc(schema.users.displayName));
}

async function departmentsOf(tx: Tx, regionId: string) {
  const departments = await tx
    .select({ id: d.id, name: d.name, active: d.active })
    .from(d)
    .where(eq(d.regionId, regionId))
    .orderBy(asc(d.createdAt));
  const ids = departments.map((x) => x.id);
  const members = ids.length
    ? await tx
        .select({ departmentId: dm.departmentId, ...staffName })
        .from(dm)
        .innerJoin(schema.users, eq(schema.users.id, dm.userId))
        .where(inArray(dm.departmentId, ids))
    : [];
  return departments.map((department) => ({
    ...department,
    members: members
      .filter((m) => m.departmentId === department.id)
      .map(({ userId, displayName }) => ({ userId, displayName })),
  }));
}
