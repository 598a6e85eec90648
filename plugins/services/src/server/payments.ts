/**
 * How an order is paid. Today every order is paid offline to the vendor when the service is done (现场支付); a real
 * gateway (WeChat Pay, Alipay) implements the same three moments — it would authorise at placement, capture at
 * completion and refund on cancellation — and is chosen per order, so orders already placed keep their provider.
 */
export interface PaymentProvider {
  id: string;
  /** At placement: what the resident owes and when. */
  placed(order: { id: string; amountFen: number }): { status: 'due_on_completion'; reference: string | null };
  /** At completion: the payment is settled. */
  completed(order: { id: string; amountFen: number }, at: Date): { status: 'paid'; reference: string | null };
  /** On decline or cancellation: nothing is owed. */
  voided(order: { id: string; amountFen: number }): { status: 'void'; reference: string | null };
}

export const payOnCompletionOffline: PaymentProvider = {
  id: 'offline_on_completion',
  placed: () => ({ status: 'due_on_completion', reference: null }),
  completed: (order, at) => ({ status: 'paid', reference: `offline:${order.id}:${at.toISOString()}` }),
  voided: () => ({ status: 'void', reference: null }),
};

const PROVIDERS: ReadonlyMap<string, PaymentProvider> = new Map([[payOnCompletionOffline.id, payOnCompletionOffline]]);

/** The provider an order was placed with. */
export function providerOf(id: string): PaymentProvider {
  const provider = PROVIDERS.get(id);
  if (!provider) throw new Error(`unknown payment provider ${id}`);
  return provider;
}
