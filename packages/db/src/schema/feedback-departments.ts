import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, createdAt, id } from './columns.ts';
import { regions, users } from './platform.ts';

/** The street's own staff: they set up its departments and who acts for each. */
const streetStaff = sql`region_id in (select region_id from region_staff where user_id = (select app_user()))`;
/** The neighbourhood entered (withTenant) lies under the street: it lists and binds the street's departments. */
const streetOfNeighbourhood = sql`region_id = (select street_id from tenants where id = app_tenant())`;

/**
 * A 街道's departments that handle 码上提 reports (城管科, 综治办, 市政所…), configured once by the street's staff.
 * Every neighbourhood under the street may assign reports to them: assigning binds the department as a handling unit
 * of the neighbourhood (`feedback_units.department_id`), the way a vendor unit names its business. Region data, with
 * no tenant_id: reached only through the policies below, never by bypassing them.
 */
export const feedbackDepartments = pgTable(
  'feedback_departments',
  {
    id: id(),
    /** The 街道. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    /** An inactive department keeps its reports but takes no new ones. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('feedback_departments_name').on(t.regionId, t.name),
    unique('feedback_departments_region').on(t.id, t.regionId),
    pgPolicy('feedback_departments_street', { for: 'all', to: appRole, using: streetStaff, withCheck: streetStaff }),
    pgPolicy('feedback_departments_neighbourhood', { for: 'select', to: appRole, using: streetOfNeighbourhood }),
    pgPolicy('feedback_departments_member', {
      for: 'select',
      to: appRole,
      using: sql`id in (select department_id from feedback_department_members where user_id = (select app_user()))`,
    }),
  ],
).enableRLS();

/**
 * The street's staff who act for a department. The street is repeated here so that the policies read no other
 * protected table, and a member who leaves the street's staff no longer acts for it (the self policy).
 */
export const feedbackDepartmentMembers = pgTable(
  'feedback_department_members',
  {
    departmentId: uuid('department_id').notNull(),
    regionId: uuid('region_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.userId] }),
    index('feedback_department_members_user').on(t.userId),
    foreignKey({
      name: 'feedback_department_members_department',
      columns: [t.departmentId, t.regionId],
      foreignColumns: [feedbackDepartments.id, feedbackDepartments.regionId],
    }).onDelete('cascade'),
    pgPolicy('feedback_department_members_street', {
      for: 'all',
      to: appRole,
      using: streetStaff,
      withCheck: streetStaff,
    }),
    pgPolicy('feedback_department_members_self', {
      for: 'select',
      to: appRole,
      using: sql`user_id = (select app_user()) and ${streetStaff}`,
    }),
    pgPolicy('feedback_department_members_neighbourhood', {
      for: 'select',
      to: appRole,
      using: streetOfNeighbourhood,
    }),
  ],
).enableRLS();
