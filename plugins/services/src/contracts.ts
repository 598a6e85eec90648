import { z } from '@hono/zod-openapi';
import { displayText, PhoneSchema } from '@city/contracts';
import { CATEGORY_IDS, PRICE_UNIT_IDS } from './categories.ts';
import { ORDER_STATUSES } from './order-states.ts';
import { WEEKDAYS } from './weekly-slots.ts';

const Id = z.uuid({ error: 'invalid_format' });
const Text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_big' });
const OptionalText = (max: number) => z.string().trim().max(max, { error: 'too_big' }).default('');
const Time = z.iso.datetime({ offset: true, error: 'invalid_format' });
const Stamp = z.string();
/** A time of day, `HH:MM` (24-hour). */
const ClockTime = z.string({ error: 'required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_format' });
const Capacity = z.number({ error: 'required' }).int().min(1, { error: 'too_small' }).max(1000, { error: 'too_big' });

const CategorySchema = z.enum(CATEGORY_IDS, { error: 'invalid_value' });
const PriceUnitSchema = z.enum(PRICE_UNIT_IDS, { error: 'invalid_value' });
const OrderStatusSchema = z.enum(ORDER_STATUSES, { error: 'invalid_value' });
const AdmissionStatusSchema = z.enum(['pending', 'admitted', 'refused', 'suspended', 'withdrawn']);
/** Money is integer fen (docs/architecture.md §3): ¥0.00 to ¥100,000.00. */
const Fen = z
  .number({ error: 'required' })
  .int({ error: 'invalid_format' })
  .min(0, { error: 'too_small' })
  .max(10_000_000, { error: 'too_big' });
const Rating = z.object({ average: z.number().nullable(), count: z.number().int() });

// —— Vendor profile ——
export const VendorProfileInputSchema = z
  .object({
    intro: OptionalText(1000),
    phone: PhoneSchema,
    categories: z.array(CategorySchema).min(1, { error: 'required' }).max(CATEGORY_IDS.length),
  })
  .openapi('ServicesVendorProfileInput');
export const VendorProfileSchema = z
  .object({
    organisationId: Id,
    name: z.string(),
    intro: z.string(),
    phone: z.string(),
    categories: z.array(CategorySchema),
  })
  .openapi('ServicesVendorProfile');

// —— Admissions ——
const ServicePointSchema = z.object({ address: z.string(), hours: z.string() }).nullable();
export const ApplicationInputSchema = z
  .object({
    neighbourhood: z.string({ error: 'required' }).min(1, { error: 'required' }).max(60),
    note: OptionalText(500),
  })
  .openapi('ServicesApplicationInput');
export const ServicePointInputSchema = z
  .object({ address: Text(120), hours: Text(60) })
  .openapi('ServicesServicePointInput');
export const AdmissionSchema = z
  .object({
    tenantId: Id,
    tenantSlug: z.string().nullable(),
    tenantName: z.string(),
    status: AdmissionStatusSchema,
    note: z.string(),
    appliedAt: Stamp,
    decidedAt: Stamp.nullable(),
    decidedByName: z.string().nullable(),
    reason: z.string().nullable(),
    servicePoint: ServicePointSchema,
  })
  .openapi('ServicesAdmission');
export const NeighbourhoodOptionSchema = z
  .object({ id: Id, slug: z.string(), name: z.string(), admission: AdmissionSchema.nullable() })
  .openapi('ServicesNeighbourhoodOption');

export const DecisionInputSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('admit') }),
    z.object({ decision: z.literal('reinstate') }),
    z.object({ decision: z.literal('refuse'), reason: Text(200) }),
    z.object({ decision: z.literal('suspend'), reason: Text(200) }),
  ])
  .openapi('ServicesDecisionInput');
export const AdminVendorSchema = z
  .object({
    organisationId: Id,
    name: z.string(),
    phone: z.string(),
    intro: z.string(),
    categories: z.array(CategorySchema),
    status: AdmissionStatusSchema,
    note: z.string(),
    appliedAt: Stamp,
    appliedByName: z.string(),
    decidedAt: Stamp.nullable(),
    decidedByName: z.string().nullable(),
    reason: z.string().nullable(),
    servicePoint: ServicePointSchema,
    orders: z.object({
      total: z.number().int(),
      open: z.number().int(),
      completed: z.number().int(),
      cancelled: z.number().int(),
    }),
    rating: Rating,
    openComplaints: z.number().int(),
  })
  .openapi('ServicesAdminVendor');

// —— Offerings and slots ——
export const OfferingInputSchema = z
  .object({
    title: displayText(60),
    description: Text(2000),
    category: CategorySchema,
    priceFen: Fen,
    priceUnit: PriceUnitSchema,
  })
  .openapi('ServicesOfferingInput');
export const OfferingUpdateSchema = OfferingInputSchema.partial()
  .extend({ status: z.enum(['active', 'withdrawn'], { error: 'invalid_value' }).optional() })
  .openapi('ServicesOfferingUpdate');
export const ListingsInputSchema = z.object({ tenantIds: z.array(Id).max(200) }).openapi('ServicesListingsInput');
export const SlotInputSchema = z
  .object({
    startsAt: Time,
    endsAt: Time,
    capacity: Capacity,
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { error: 'window_order', path: ['endsAt'] })
  .openapi('ServicesSlotInput');
/** A week's pattern of slots repeated for some weeks (周一至周五 9:00–11:00, 3 places, 4 weeks), in Beijing time. */
export const WeeklySlotsInputSchema = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.literal(WEEKDAYS, { error: 'invalid_value' }))
      .min(1, { error: 'required' })
      .max(7),
    startTime: ClockTime,
    endTime: ClockTime,
    capacity: Capacity,
    weeks: z.number({ error: 'required' }).int().min(1, { error: 'too_small' }).max(12, { error: 'too_big' }),
    /** The first day it covers (`YYYY-MM-DD`, Beijing); today when left out. Times already past are skipped. */
    from: z.iso.date({ error: 'invalid_format' }).optional(),
  })
  .refine((s) => s.endTime > s.startTime, { error: 'window_order', path: ['endTime'] })
  .openapi('ServicesWeeklySlotsInput');
export const SlotSchema = z
  .object({
    id: Id,
    startsAt: Stamp,
    endsAt: Stamp,
    capacity: z.number().int(),
    booked: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi('ServicesSlot');
const OfferingSchema = z
  .object({
    id: Id,
    organisationId: Id,
    vendorName: z.string(),
    title: z.string(),
    description: z.string(),
    category: CategorySchema,
    priceFen: z.number().int(),
    priceUnit: PriceUnitSchema,
    /** Ids of its photos, in upload order (each served at `…/images/{imageId}`). */
    images: z.array(Id),
    status: z.enum(['active', 'withdrawn']),
  })
  .openapi('ServicesOffering');
export const WeeklySlotsResultSchema = z
  .object({
    created: z.array(SlotSchema),
    /** Times the template stands for that were left alone: a slot already starts then, or the time has passed. */
    skipped: z.number().int(),
  })
  .openapi('ServicesWeeklySlotsResult');
export const VendorOfferingSchema = OfferingSchema.extend({
  tenantIds: z.array(Id),
  slots: z.array(SlotSchema),
}).openapi('ServicesVendorOffering');
const ListedOfferingSchema = OfferingSchema.extend({ rating: Rating, nextSlotAt: Stamp.nullable() }).openapi(
  'ServicesListedOffering',
);
export const OfferingQuerySchema = z.object({
  q: z.string().trim().max(40, { error: 'too_big' }).optional(),
  category: CategorySchema.optional(),
  cursor: z.string().max(200).optional(),
});
export const OfferingPageSchema = z
  .object({ items: z.array(ListedOfferingSchema), nextCursor: z.string().nullable() })
  .openapi('ServicesOfferingPage');

export const ReviewSchema = z
  .object({
    orderId: Id,
    residentName: z.string(),
    rating: z.number().int(),
    comment: z.string(),
    createdAt: Stamp,
    reply: z.string().nullable(),
    repliedAt: Stamp.nullable(),
    offeringTitle: z.string().optional(),
    tenantName: z.string().optional(),
  })
  .openapi('ServicesReview');
const HomeSchema = z.object({ unitId: Id, address: z.string() });
export const OfferingDetailSchema = z
  .object({
    offering: OfferingSchema,
    vendor: z.object({
      intro: z.string(),
      phone: z.string(),
      categories: z.array(CategorySchema),
      servicePoint: ServicePointSchema,
      rating: Rating,
    }),
    slots: z.array(SlotSchema),
    reviews: z.array(ReviewSchema),
    /** The caller's verified homes: where the service can come (empty until verified). */
    homes: z.array(HomeSchema),
  })
  .openapi('ServicesOfferingDetail');

// —— Orders ——
export const OrderInputSchema = z
  .object({
    offeringId: Id,
    slotId: Id,
    unitId: Id,
    quantity: z.number().int().min(1, { error: 'too_small' }).max(20, { error: 'too_big' }).default(1),
    contactPhone: PhoneSchema,
    notes: OptionalText(500),
  })
  .openapi('ServicesOrderInput');
export const TransitionInputSchema = z
  .object({ to: OrderStatusSchema, reason: z.string().trim().max(200, { error: 'too_big' }).optional() })
  .openapi('ServicesTransitionInput');
export const CancelInputSchema = z
  .object({ reason: z.string().trim().max(200, { error: 'too_big' }).optional() })
  .openapi('ServicesCancelInput');
const OrderEventSchema = z.object({
  fromStatus: OrderStatusSchema.nullable(),
  toStatus: OrderStatusSchema,
  actorKind: z.enum(['resident', 'vendor']),
  actorName: z.string(),
  reason: z.string().nullable(),
  at: Stamp,
});
const OrderSchema = z
  .object({
    id: Id,
    organisationId: Id,
    vendorName: z.string(),
    tenantId: Id,
    tenantName: z.string(),
    offeringId: Id,
    offeringTitle: z.string(),
    residentName: z.string(),
    address: z.string(),
    contactPhone: z.string(),
    notes: z.string(),
    priceFen: z.number().int(),
    priceUnit: PriceUnitSchema,
    quantity: z.number().int(),
    amountFen: z.number().int(),
    slotStartsAt: Stamp,
    slotEndsAt: Stamp,
    status: OrderStatusSchema,
    payment: z.object({
      provider: z.string(),
      status: z.enum(['due_on_completion', 'paid', 'void']),
      reference: z.string().nullable(),
    }),
    placedAt: Stamp,
    updatedAt: Stamp,
    reviewed: z.boolean(),
  })
  .openapi('ServicesOrder');
export const OrderDetailSchema = OrderSchema.extend({
  /** The vendor's service phone, for the resident to call about the visit. */
  vendorPhone: z.string(),
  events: z.array(OrderEventSchema),
  review: ReviewSchema.nullable(),
}).openapi('ServicesOrderDetail');
export const OrderPageSchema = z
  .object({ items: z.array(OrderSchema), nextCursor: z.string().nullable() })
  .openapi('ServicesOrderPage');
export const VendorOrderQuerySchema = z.object({
  status: OrderStatusSchema.optional(),
  tenantId: Id.optional(),
  /** For polling: orders changed after this time (the inbox passes the newest `updatedAt` it has). */
  changedSince: Time.optional(),
  cursor: z.string().max(200).optional(),
});

export const ReviewInputSchema = z
  .object({
    rating: z.number({ error: 'required' }).int().min(1, { error: 'too_small' }).max(5, { error: 'too_big' }),
    comment: OptionalText(500),
  })
  .openapi('ServicesReviewInput');
export const ReplyInputSchema = z.object({ reply: Text(500) }).openapi('ServicesReplyInput');
export const ComplaintInputSchema = z.object({ body: Text(1000) }).openapi('ServicesComplaintInput');
export const ResolutionInputSchema = z.object({ resolution: Text(500) }).openapi('ServicesResolutionInput');
export const ComplaintSchema = z
  .object({
    id: Id,
    orderId: Id,
    organisationId: Id,
    vendorName: z.string(),
    residentName: z.string(),
    offeringTitle: z.string(),
    body: z.string(),
    status: z.enum(['open', 'resolved']),
    resolution: z.string().nullable(),
    resolvedByName: z.string().nullable(),
    resolvedAt: Stamp.nullable(),
    createdAt: Stamp,
    /** The 码上提 report it also opened (where the neighbourhood granted `feedback:create`): its number and page. */
    feedback: z.object({ number: z.number().int(), link: z.string() }).nullable(),
  })
  .openapi('ServicesComplaint');

export const DashboardSchema = z
  .object({
    neighbourhoods: z.array(
      z.object({
        tenantId: Id,
        tenantName: z.string(),
        status: AdmissionStatusSchema,
        /** A partition of the orders: placed + inProgress + completed + cancelled = total. */
        orders: z.object({
          placed: z.number().int(),
          /** Accepted or being served. */
          inProgress: z.number().int(),
          completed: z.number().int(),
          /** Cancelled by either side, or declined by the vendor. */
          cancelled: z.number().int(),
          total: z.number().int(),
        }),
        revenueFen: z.number().int(),
        rating: Rating,
      }),
    ),
  })
  .openapi('ServicesDashboard');
