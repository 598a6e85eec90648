import type { Context } from 'hono';
import type { Notifier } from '@city/core';
import type { EventDispatcher } from './dispatcher.ts';

/**
 * Hands a committed request's events to the plugins, and its notifications to the notifier. On edge runtimes the delivery is tied to the request with
 * waitUntil (an isolate may stop once the response is sent); on Node there is no execution context and the process
 * simply outlives the response.
 */
export function dispatchAfterCommit(
  c: Context,
  services: { pluginRuntime: { dispatcher: EventDispatcher }; notifier: Notifier },
  tenantId: string,
) {
  for (const work of [
    services.pluginRuntime.dispatcher.afterCommit(tenantId),
    services.notifier.afterCommit(tenantId),
  ]) {
    if (!work) continue;
    try {
      c.executionCtx.waitUntil(work);
    } catch {
      // Node: no execution context
    }
  }
}
