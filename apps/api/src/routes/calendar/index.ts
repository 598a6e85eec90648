import { createRouter } from '../../lib/router.ts';
import * as year from './calendar.year.ts';

export const calendarRoutes = createRouter()
  .openapi(year.getRoute, year.getHandler)
  .openapi(year.putRoute, year.putHandler);
