/** An order's states; the table's enum, the API's schema and the portal all read this list. */
export const ORDER_STATUSES = ['placed', 'accepted', 'declined', 'in_service', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who moves an order: the resident who placed it, or the vendor's staff. */
export type Party = 'resident' | 'vendor';

interface Rule {
  by: readonly Party[];
  /** The party must say why (a declined or cancelled-by-vendor order tells the resident the reason). */
  reasonFrom?: readonly Party[];
  /** Only before the slot starts (a resident cannot cancel a visit already under way). */
  beforeStart?: readonly Party[];
}

/**
 * Every move an order can make, and who may make it. The one place the order's life is decided: routes ask `check`
 * and write what it allows.
 *
 *   placed ──accept──▶ accepted ──start──▶ in_service ──complete──▶ completed
 *     │ └─decline─▶ declined       │
 *     └──cancel──▶ cancelled ◀─────┘ (resident before the slot starts; vendor with a reason)
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderStatus, Rule>>>> = {
  placed: {
    accepted: { by: ['vendor'] },
    declined: { by: ['vendor'], reasonFrom: ['vendor'] },
    cancelled: { by: ['resident'] },
  },
  accepted: {
    in_service: { by: ['vendor'] },
    cancelled: { by: ['resident', 'vendor'], reasonFrom: ['vendor'], beforeStart: ['resident'] },
  },
  in_service: { completed: { by: ['vendor'] } },
  declined: {},
  completed: {},
  cancelled: {},
};

/** States that hold a seat in the slot; leaving them for `declined` or `cancelled` gives the seat back. */
export const HOLDS_SEAT: ReadonlySet<OrderStatus> = new Set(['placed', 'accepted', 'in_service', 'completed']);

export type TransitionRefusal = 'transition_invalid' | 'reason_required' | 'cancel_too_late';

/** Whether `party` may move an order from `from` to `to` now; the refusal's error code otherwise. */
export function check(
  order: { status: OrderStatus; slotStartsAt: Date },
  to: OrderStatus,
  party: Party,
  context: { now: Date; reason?: string | undefined },
): TransitionRefusal | null {
  const rule = TRANSITIONS[order.status][to];
  if (!rule || !rule.by.includes(party)) return 'transition_invalid';
  if (rule.reasonFrom?.includes(party) && !context.reason?.trim()) return 'reason_required';
  if (rule.beforeStart?.includes(party) && context.now >= order.slotStartsAt) return 'cancel_too_late';
  return null;
}

/** The moves a party can offer on an order now (the portal shows these buttons). */
export const movesFor = (order: { status: OrderStatus; slotStartsAt: Date }, party: Party, now: Date): OrderStatus[] =>
  (Object.keys(TRANSITIONS[order.status]) as OrderStatus[]).filter((to) => {
    const refusal = check(order, to, party, { now, reason: 'x' });
    return refusal === null;
  });
