import { MeSchema } from '@city/contracts';
import { headerOf } from '@city/core';
import { withUser } from '@city/db';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['me'],
  summary: '当前用户、所属小区、任职区划与待接受的邀请 / Me, my neighbourhoods, regions and invitations',
  access: ['user'],
  responses: { 200: json(MeSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const actor = actorOf(c);
  const { db, regions, invitations } = c.get('services');
  // The header of every page asks this: one transaction of the person's own rows, and the regions beside it.
  const [mine, staffRegions] = await Promise.all([
    withUser(db, actor, async (tx) => ({
      ...(await headerOf(tx, actor.id)),
      received: await invitations.receivedIn(tx, actor),
    })),
    regions.staffRegions(actor.id),
  ]);
  const { memberships, received, unreadNotifications } = mine;
  const user = {
    id: actor.id,
    phone: actor.phone,
    displayName: actor.displayName,
    locale: actor.locale,
    isPlatformOperator: actor.isPlatformOperator,
  };
  return c.json(
    serialize({ user, memberships, regions: staffRegions, invitations: received, unreadNotifications }),
    200,
  );
};
