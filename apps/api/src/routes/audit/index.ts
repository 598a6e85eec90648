import { createRouter } from '../../lib/router.ts';
import * as facets from './audit.facets.ts';
import * as list from './audit.list.ts';
import * as verify from './audit.verify.ts';

export const auditRoutes = createRouter()
  .openapi(list.route, list.handler)
  .openapi(facets.route, facets.handler)
  .openapi(verify.route, verify.handler);
