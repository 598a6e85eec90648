import { createRouter } from '../../lib/router.ts';
import * as get from './tenants.get.ts';

export const tenantRoutes = createRouter().openapi(get.route, get.handler);
