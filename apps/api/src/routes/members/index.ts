import { createRouter } from '../../lib/router.ts';
import * as list from './members.list.ts';
import * as remove from './members.remove.ts';
import * as update from './members.update.ts';

export const memberRoutes = createRouter()
  .openapi(list.route, list.handler)
  .openapi(update.route, update.handler)
  .openapi(remove.route, remove.handler);
