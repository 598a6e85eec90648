import { createRouter } from '../../lib/router.ts';
import * as health from './health.get.ts';

export const healthRoutes = createRouter().openapi(health.route, health.handler);
