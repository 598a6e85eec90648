import { createRouter } from '../../lib/router.ts';
import * as accept from './me.invitations.accept.ts';
import * as me from './me.get.ts';
import * as locale from './me.locale.ts';

export const meRoutes = createRouter()
  .openapi(me.route, me.handler)
  .openapi(locale.route, locale.handler)
  .openapi(accept.route, accept.handler);
