import type { Context } from 'hono';
import type { Notifier } from '@city/core';
import type { EventDispatcher } from './dispatcher.ts';

/**
 * Hands a committed request's events to the plugins, and its notifications to the notifier. On edge runtimes the
 * work is tied to the request with waitUntil (an isolate may stop once the response is sent); on Node there is no
 * execution context and the process simply outlives the response.
 */
export function dispatchAfterCommit(
  c: Context,
  services: { pluginRuntime: { dispatcher: EventDispatcher }; notifier: Notifier },
  tenantId: string,
) {
  keepAlive(c, [services.pluginRuntime.dispatcher.afterCommit(tenantId), services.notifier.afterCommit(tenantId)]);
}

/** After a business's request (no neighbourhood entered): the notifications it wrote into neighbourhoods. */
export function notifyAfterCommit(c: Context, notifier: Notifier) {
  keepAlive(c, notifier.afterCommitAnywhere());
}

function keepAlive(c: Context, work: (Promise<void> | undefined)[]) {
  for (const promise of work) {
    if (!promise) continue;
    try {
      c.executionCtx.waitUntil(promise);
    } catch {
      // Node: no execution context
    }
  }
}
