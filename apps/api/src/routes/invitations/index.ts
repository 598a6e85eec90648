import { createRouter } from '../../lib/router.ts';
import * as create from './invitations.create.ts';
import * as list from './invitations.list.ts';
import * as revoke from './invitations.revoke.ts';

export const invitationRoutes = createRouter()
  .openapi(list.route, list.handler)
  .openapi(create.route, create.handler)
  .openapi(revoke.route, revoke.handler);
