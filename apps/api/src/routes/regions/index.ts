import { createRouter } from '../../lib/router.ts';
import * as create from './regions.create.ts';
import * as list from './regions.list.ts';
import * as staffAdd from './regions.staff.add.ts';
import * as staffList from './regions.staff.list.ts';
import * as staffRemove from './regions.staff.remove.ts';
import * as update from './regions.update.ts';

export const regionRoutes = createRouter()
  .openapi(list.route, list.handler)
  .openapi(create.route, create.handler)
  .openapi(update.route, update.handler)
  .openapi(staffList.route, staffList.handler)
  .openapi(staffAdd.route, staffAdd.handler)
  .openapi(staffRemove.route, staffRemove.handler);
