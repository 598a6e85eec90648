import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

/** 楼栋. */
export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('buildings_tenant_name').on(t.tenantId, t.name), ...tenantPolicies('buildings')],
).enableRLS();

/**
 * 专有部分: one unit. Areas are integers in 0.01 m²; the counting area is the registered one, else measured, else
 * contract (SPC interpretation art. 8 — docs/domain.md §2.1). Sale status decides whether the developer still holds it.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: tenantId(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    entrance: text('entrance').notNull().default(''),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    registeredArea: integer('registered_area'),
    measuredArea: integer('measured_area'),
    contractArea: integer('contract_area'),
    saleStatus: text('sale_status', { enum: ['sold_delivered', 'sold_undelivered', 'unsold'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_tenant_address').on(t.tenantId, t.buildingId, t.entrance, t.room),
    index('units_tenant_building').on(t.tenantId, t.buildingId, t.floor),
    check(
      'units_areas_positive',
      sql`coalesce(${t.registeredArea}, 1) > 0 and coalesce(${t.measuredArea}, 1) > 0 and coalesce(${t.contractArea}, 1) > 0`,
    ),
    ...tenantPolicies('units'),
  ],
).enableRLS();

/**
 * A person who owns (or owned) units here. PIPL (docs/domain.md §5): the ID number is kept only as a keyed hash (to
 * match the same person across rows and imports) and a mask for display; it cannot be recovered. A record the admin
 * confirmed to be the same person as another (owner lookalikes) points at the record kept; it owns nothing any more and
 * stays for the history that names it.
 */
export const owners = pgTable(
  'owners',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    phone: text('phone'),
    idNumberHash: bytea('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => owners.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('owners_tenant_id_number')
      .on(t.tenantId, t.idNumberHash)
      .where(sql`${t.idNumberHash} is not null`),
    index('owners_tenant_phone').on(t.tenantId, t.phone),
    // Lookalikes: records without an ID number, grouped by name and phone.
    index('owners_tenant_lookalike')
      .on(t.tenantId, t.name, t.phone)
      .where(sql`${t.idNumberHash} is null and ${t.mergedIntoId} is null`),
    ...tenantPolicies('owners'),
  ],
).enableRLS();

/** Who owned a unit when: a change closes the current rows (`until`) and opens new ones, so history stays. */
export const unitOwners = pgTable(
  'unit_owners',
  {
    id: id(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    designatedVoter: boolean('designated_voter').notNull().default(false),
    since: timestamp('since', { withTimezone: true }).notNull(),
    until: timestamp('until', { withTimezone: true }),
  },
  (t) => [
    index('unit_owners_tenant_unit').on(t.tenantId, t.unitId),
    index('unit_owners_tenant_owner').on(t.tenantId, t.ownerId),
    uniqueIndex('unit_owners_one_voter')
      .on(t.unitId)
      .where(sql`${t.designatedVoter} and ${t.until} is null`),
    ...tenantPolicies('unit_owners'),
  ],
).enableRLS();

/** People living in a unit who are not its owners (renters, family members). */
export const unitResidents = pgTable(
  'unit_residents',
  {
    id: id(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    relation: text('relation', { enum: ['renter', 'family', 'other'] }).notNull(),
    phone: text('phone'),
    since: timestamp('since', { withTimezone: true }).notNull(),
    until: timestamp('until', { withTimezone: true }),
  },
  (t) => [index('unit_residents_tenant_unit').on(t.tenantId, t.unitId), ...tenantPolicies('unit_residents')],
).enableRLS();

/**
 * Owner records without an ID number that share a name and a phone, which the admin confirmed are different people
 * (docs/domain.md §2.2): the group, by its sorted owner ids, is not flagged again — unless its members change.
 */
export const ownerLookalikeDecisions = pgTable(
  'owner_lookalike_decisions',
  {
    id: id(),
    tenantId: tenantId(),
    ownerIds: uuid('owner_ids').array().notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('owner_lookalike_decisions_group').on(t.tenantId, t.ownerIds),
    ...tenantPolicies('owner_lookalike_decisions'),
  ],
).enableRLS();
