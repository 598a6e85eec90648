import { createRouter } from '../../lib/router.ts';
import * as clients from './clients.ts';

export { georeportRoutes } from './georeport.ts';

export const open311ClientRoutes = createRouter()
  .openapi(clients.listRoute, clients.listHandler)
  .openapi(clients.issueRoute, clients.issueHandler)
  .openapi(clients.revokeRoute, clients.revokeHandler);
