import type { Context } from 'hono';
import type { EventDispatcher } from './dispatcher.ts';

/**
 * Hands a committed request's events to the plugins. On edge runtimes the delivery is tied to the request with
 * waitUntil (an isolate may stop once the response is sent); on Node there is no execution context and the process
 * simply outlives the response.
 */
export function dispatchAfterCommit(c: Context, dispatcher: EventDispatcher, tenantId: string) {
  const delivery = dispatcher.afterCommit(tenantId);
  if (!delivery) return;
  try {
    c.executionCtx.waitUntil(delivery);
  } catch {
    // Node: no execution context
  }
}
