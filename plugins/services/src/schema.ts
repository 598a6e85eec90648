import { bytea, idColumn, tenantColumn } from '@city/plugin-sdk/schema';
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ORDER_STATUSES } from './order-states.ts';

// The states live in order-states.ts (pure, so the portal can read them); server code also finds the type here.
export type { OrderStatus } from './order-states.ts';

// Created by migrations/0000_services.sql, which also holds the policies: organisation rows, rows an organisation
// shares with one neighbourhood (tenant_id and organisation_id), and the neighbourhood's own rows.

const at = (name: string) => timestamp(name, { withTimezone: true });
const organisationColumn = () => uuid('organisation_id').notNull();

/** A vendor's profile in this plugin: one per organisation. */
export const vendors = pgTable('services_vendors', {
  organisationId: uuid('organisation_id').primaryKey(),
  name: text('name').notNull(),
  intro: text('intro').notNull(),
  phone: text('phone').notNull(),
  categories: text('categories').array().notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** A vendor's standing in one neighbourhood: its application, the admin's decision, its on-site service point. */
export const admissions = pgTable('services_admissions', {
  id: idColumn(),
  tenantId: tenantColumn(),
  organisationId: organisationColumn(),
  tenantName: text('tenant_name').notNull(),
  status: text('status', { enum: ['pending', 'admitted', 'refused', 'suspended', 'withdrawn'] }).notNull(),
  note: text('note').notNull(),
  appliedAt: at('applied_at').notNull(),
  appliedByName: text('applied_by_name').notNull(),
  decidedAt: at('decided_at'),
  decidedByName: text('decided_by_name'),
  reason: text('reason'),
  pointAddress: text('point_address'),
  pointHours: text('point_hours'),
  updatedAt: at('updated_at').notNull(),
});

export const offerings = pgTable('services_offerings', {
  id: idColumn(),
  organisationId: organisationColumn(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category').notNull(),
  priceFen: integer('price_fen').notNull(),
  priceUnit: text('price_unit', { enum: ['visit', 'hour', 'item'] }).notNull(),
  status: text('status', { enum: ['active', 'withdrawn'] }).notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** An offering's photos, in upload order. */
export const images = pgTable('services_images', {
  id: idColumn(),
  organisationId: organisationColumn(),
  offeringId: uuid('offering_id').notNull(),
  contentType: text('content_type', { enum: IMAGE_TYPES }).notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: at('created_at').notNull(),
});

/** Where an offering is listed. */
export const listings = pgTable(
  'services_listings',
  {
    tenantId: tenantColumn(),
    organisationId: organisationColumn(),
    offeringId: uuid('offering_id').notNull(),
    listedAt: at('listed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.offeringId] })],
);

export const slots = pgTable('services_slots', {
  id: idColumn(),
  organisationId: organisationColumn(),
  offeringId: uuid('offering_id').notNull(),
  startsAt: at('starts_at').notNull(),
  endsAt: at('ends_at').notNull(),
  capacity: integer('capacity').notNull(),
  booked: integer('booked').notNull(),
  createdAt: at('created_at').notNull(),
});

export const orders = pgTable('services_orders', {
  id: idColumn(),
  tenantId: tenantColumn(),
  organisationId: organisationColumn(),
  offeringId: uuid('offering_id').notNull(),
  slotId: uuid('slot_id').notNull(),
  residentId: uuid('resident_id').notNull(),
  residentName: text('resident_name').notNull(),
  unitId: uuid('unit_id').notNull(),
  address: text('address').notNull(),
  contactPhone: text('contact_phone').notNull(),
  notes: text('notes').notNull(),
  offeringTitle: text('offering_title').notNull(),
  vendorName: text('vendor_name').notNull(),
  tenantName: text('tenant_name').notNull(),
  priceFen: integer('price_fen').notNull(),
  priceUnit: text('price_unit', { enum: ['visit', 'hour', 'item'] }).notNull(),
  quantity: integer('quantity').notNull(),
  amountFen: integer('amount_fen').notNull(),
  slotStartsAt: at('slot_starts_at').notNull(),
  slotEndsAt: at('slot_ends_at').notNull(),
  status: text('status', { enum: ORDER_STATUSES }).notNull(),
  paymentProvider: text('payment_provider').notNull(),
  paymentStatus: text('payment_status', { enum: ['due_on_completion', 'paid', 'void'] }).notNull(),
  paymentReference: text('payment_reference'),
  idempotencyKey: text('idempotency_key').notNull(),
  requestHash: text('request_hash').notNull(),
  placedAt: at('placed_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const orderEvents = pgTable('services_order_events', {
  id: idColumn(),
  tenantId: tenantColumn(),
  organisationId: organisationColumn(),
  orderId: uuid('order_id').notNull(),
  fromStatus: text('from_status', { enum: ORDER_STATUSES }),
  toStatus: text('to_status', { enum: ORDER_STATUSES }).notNull(),
  actorKind: text('actor_kind', { enum: ['resident', 'vendor'] }).notNull(),
  actorId: uuid('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  reason: text('reason'),
  at: at('at').notNull(),
});

export const reviews = pgTable('services_reviews', {
  orderId: uuid('order_id').primaryKey(),
  tenantId: tenantColumn(),
  organisationId: organisationColumn(),
  residentName: text('resident_name').notNull(),
  rating: integer('rating').notNull(),
  comment: text('comment').notNull(),
  createdAt: at('created_at').notNull(),
  reply: text('reply'),
  repliedAt: at('replied_at'),
  repliedByName: text('replied_by_name'),
});

export const complaints = pgTable('services_complaints', {
  id: idColumn(),
  tenantId: tenantColumn(),
  organisationId: organisationColumn(),
  orderId: uuid('order_id').notNull(),
  residentId: uuid('resident_id').notNull(),
  residentName: text('resident_name').notNull(),
  vendorName: text('vendor_name').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: ['open', 'resolved'] }).notNull(),
  resolution: text('resolution'),
  resolvedByName: text('resolved_by_name'),
  resolvedAt: at('resolved_at'),
  createdAt: at('created_at').notNull(),
  /** The 码上提 report it opened, where the neighbourhood granted `feedback:create`. */
  feedbackNumber: bigint('feedback_number', { mode: 'number' }),
  feedbackLink: text('feedback_link'),
});
