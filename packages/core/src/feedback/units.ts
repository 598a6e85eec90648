import type { FeedbackUnitInput } from '@city/contracts';
import { isForeignKeyViolation, isUniqueViolation, schema, type Tx } from '@city/db';
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError, fieldError } from '../errors.ts';

const u = schema.feedbackUnits;
const m = schema.feedbackUnitMembers;

/** The handling units of the neighbourhood, each with the members who act for it. */
export async function feedbackUnits(tx: Tx) {
  const units = await tx.select().from(u).orderBy(asc(u.createdAt));
  const members = await tx
    .select({ unitId: m.unitId, userId: m.userId, displayName: schema.members.displayName })
    .from(m)
    .innerJoin(schema.members, and(eq(schema.members.userId, m.userId), eq(schema.members.tenantId, m.tenantId)));
  return units.map(({ tenantId: _t, createdAt: _c, ...unit }) => ({
    ...unit,
    members: members.filter((x) => x.unitId === unit.id).map(({ userId, displayName }) => ({ userId, displayName })),
  }));
}

/**
 * Businesses this neighbourhood's reports were about (vendor complaints), by name: the ones an admin may bind as a
 * vendor unit, so that reports about them can be assigned to them.
 */
export async function businessesReportedOn(tx: Tx) {
  const r = schema.feedbackReports;
  const rows = await tx
    .selectDistinctOn([r.aboutOrganisationId], { organisationId: r.aboutOrganisationId, name: r.aboutName })
    .from(r)
    .where(isNotNull(r.aboutOrganisationId))
    .orderBy(r.aboutOrganisationId, desc(r.createdAt));
  return rows.map((row) => ({ organisationId: row.organisationId!, name: row.name ?? '' }));
}

/**
 * The units a person acts for here: those they are named to, and, for a business's staff or a street department's
 * members, the units bound to the business or the department.
 */
export async function unitsOf(
  tx: Tx,
  viewer: { userId: string; organisationId?: string; departmentId?: string },
): Promise<string[]> {
  const named = await tx.select({ unitId: m.unitId }).from(m).where(eq(m.userId, viewer.userId));
  const business = viewer.organisationId
    ? await tx.select({ unitId: u.id }).from(u).where(eq(u.organisationId, viewer.organisationId))
    : [];
  const department = viewer.departmentId
    ? await tx.select({ unitId: u.id }).from(u).where(eq(u.departmentId, viewer.departmentId))
    : [];
  return [...named, ...business, ...department].map((r) => r.unitId);
}

/**
 * The departments of the street above this neighbourhood (the policy shows no other street's), each with the unit
 * that stands for it here once bound.
 */
export async function streetDepartments(tx: Tx) {
  const d = schema.feedbackDepartments;
  return tx
    .select({ id: d.id, name: d.name, active: d.active, unitId: u.id })
    .from(d)
    .leftJoin(u, eq(u.departmentId, d.id))
    .orderBy(asc(d.createdAt));
}

/**
 * The active unit a report is assigned to: one of this neighbourhood's, or a department of its street (named by its
 * own id or by its unit's here), bound as a unit of the neighbourhood on first use and kept under the street's name.
 */
export async function handlingUnit(tx: Tx, tenantId: string, id: string) {
  const [unit] = await tx
    .select()
    .from(u)
    .where(and(eq(u.id, id), eq(u.active, true)));
  if (unit && !unit.departmentId) return unit;
  const d = schema.feedbackDepartments;
  const [department] = await tx
    .select()
    .from(d)
    .where(and(eq(d.id, unit?.departmentId ?? id), eq(d.active, true)));
  if (!department) throw fieldError('unitId', 'invalid_value');
  const [bound] = await tx
    .insert(u)
    .values({ tenantId, kind: 'street_department', name: department.name, departmentId: department.id })
    .onConflictDoUpdate({ target: [u.tenantId, u.departmentId], set: { name: department.name, active: true } })
    .returning();
  return bound!;
}

/**
 * The neighbourhoods where a street department handles reports, read as one of its members (withPerson: the policy
 * on units shows them only their departments' units), within the department's own street.
 */
export async function neighbourhoodsOfDepartment(tx: Tx, departmentId: string) {
  const d = schema.feedbackDepartments;
  return tx
    .selectDistinct({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
    .from(u)
    .innerJoin(d, eq(d.id, u.departmentId))
    .innerJoin(schema.tenants, and(eq(schema.tenants.id, u.tenantId), eq(schema.tenants.streetId, d.regionId)))
    .where(and(eq(u.departmentId, departmentId), eq(schema.tenants.status, 'active')))
    .orderBy(asc(schema.tenants.name));
}

/**
 * The neighbourhoods where a business handles reports, read in the business's own scope (no neighbourhood entered):
 * the policy on units shows it only the units bound to it.
 */
export async function neighbourhoodsHandledBy(tx: Tx, organisationId: string) {
  return tx
    .selectDistinct({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
    .from(u)
    .innerJoin(schema.tenants, eq(schema.tenants.id, u.tenantId))
    .where(and(eq(u.organisationId, organisationId), eq(schema.tenants.status, 'active')))
    .orderBy(asc(schema.tenants.name));
}

/** Creates a unit (no id) or changes one, with its members: only members of this neighbourhood may act for it. */
export async function saveFeedbackUnit(tx: Tx, context: AuditContext, id: string | null, input: FeedbackUnitInput) {
  if ((input.kind === 'vendor') !== (input.organisationId !== null)) throw fieldError('organisationId', 'required');
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length) {
    const found = await tx
      .select({ userId: schema.members.userId })
      .from(schema.members)
      .where(inArray(schema.members.userId, memberIds));
    const known = new Set(found.map((f) => f.userId));
    const unknown = memberIds.findIndex((mid) => !known.has(mid));
    if (unknown >= 0) throw fieldError(`memberIds.${unknown}`, 'invalid_value');
  }
  const values = {
    kind: input.kind,
    name: input.name,
    organisationId: input.organisationId,
    active: input.active,
  };
  // A bound department is the street's to change, not the neighbourhood's.
  const write = id
    ? tx
        .update(u)
        .set(values)
        .where(and(eq(u.id, id), isNull(u.departmentId)))
        .returning({ id: u.id })
    : tx
        .insert(u)
        .values({ tenantId: context.tenantId, ...values })
        .returning({ id: u.id });
  const [row] = await write.catch((error: unknown) => {
    if (isUniqueViolation(error, 'feedback_units_name')) throw new AppError('conflict');
    // A vendor unit names a business that does not exist.
    if (isForeignKeyViolation(error)) throw fieldError('organisationId', 'invalid_value');
    throw error;
  });
  if (!row) throw new AppError('not_found');
  const unitId = row.id;
  await tx.delete(m).where(eq(m.unitId, unitId));
  if (memberIds.length) {
    await tx.insert(m).values(memberIds.map((userId) => ({ tenantId: context.tenantId, unitId, userId })));
  }
  await audit(tx, context, {
    action: id ? 'feedback.unit_changed' : 'feedback.unit_added',
    targetType: 'feedback_unit',
    targetId: unitId,
    details: { ...values, members: memberIds.length },
  });
  return (await feedbackUnits(tx)).find((x) => x.id === unitId)!;
}
