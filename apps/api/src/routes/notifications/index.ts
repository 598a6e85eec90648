import { createRouter } from '../../lib/router.ts';
import * as failures from './notification-failures.ts';
import * as settings from './notification-settings.ts';

export const notificationRoutes = createRouter()
  .openapi(settings.getRoute, settings.getHandler)
  .openapi(settings.putRoute, settings.putHandler)
  .openapi(failures.route, failures.handler);
