import { defineRoute } from '@city/contracts/routes';
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

/** A new item in another server process is noticed by this re-count; one in this process at once. */
const RECOUNT_MS = 10_000;
/** A comment now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/me/notifications/stream',
  tags: ['me'],
  summary: '新消息推送（SSE）/ New notifications as server-sent events',
  description:
    '事件 `unread`：连接时与每次变化时的未读数 `{"unread":n}`；事件 `notification`：有新消息。`unread` gives the unread count on connecting and whenever it changes; `notification` says a new item arrived. Clients without streams poll `GET /api/v1/me` instead.',
  access: ['user'],
  responses: {
    200: {
      description: 'An event stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
  },
});

export const handler: Handler<typeof route> = (c) => {
  const { inbox, notifier } = c.get('services');
  const userId = actorOf(c).id;
  const live = (c.req.header('accept') ?? '').includes('text/event-stream');
  c.header('Cache-Control', 'no-store');
  return streamSSE(c, async (stream) => {
    let last = -1;
    let wake: (() => void) | undefined;
    const send = async (arrived: boolean) => {
      const unread = await inbox.unreadCount(userId);
      if (arrived) await stream.writeSSE({ event: 'notification', data: JSON.stringify({ unread }) });
      if (unread !== last) await stream.writeSSE({ event: 'unread', data: JSON.stringify({ unread }) });
      last = unread;
    };
    let arrived = false;
    const unsubscribe = notifier.subscribe(userId, () => {
      arrived = true;
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    try {
      await send(false);
      // A caller that does not ask for a stream (no `Accept: text/event-stream`, as EventSource sends) gets the count
      // and the end: a snapshot, not a connection held open.
      if (!live) return;
      let sinceHeartbeat = 0;
      while (!stream.aborted && !stream.closed) {
        const started = Date.now();
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, RECOUNT_MS);
        });
        wake = undefined;
        if (stream.aborted || stream.closed) break;
        const now = arrived;
        arrived = false;
        await send(now);
        sinceHeartbeat += Date.now() - started;
        if (sinceHeartbeat >= HEARTBEAT_MS) {
          await stream.write(': keep-alive\n\n');
          sinceHeartbeat = 0;
        }
      }
    } finally {
      unsubscribe();
    }
  });
};
