import { MeSchema } from '@city/contracts';
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
  const { tenants, regions, invitations, inbox } = c.get('services');
  const [memberships, staffRegions, received, unreadNotifications] = await Promise.all([
    tenants.memberships(actor),
    regions.staffRegions(actor.id),
    invitations.received(actor),
    inbox.unreadCount(actor.id),
  ]);
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
