import { createRouter } from '../../lib/router.ts';
import * as create from './organisations.create.ts';
import * as get from './organisations.get.ts';
import * as mine from './organisations.mine.ts';
import * as staffAdd from './organisations.staff.add.ts';
import * as staffList from './organisations.staff.list.ts';
import * as staffRemove from './organisations.staff.remove.ts';
import * as staffRole from './organisations.staff.role.ts';
import * as update from './organisations.update.ts';

export const organisationRoutes = createRouter()
  .openapi(create.route, create.handler)
  .openapi(mine.route, mine.handler)
  .openapi(get.route, get.handler)
  .openapi(update.route, update.handler)
  .openapi(staffList.route, staffList.handler)
  .openapi(staffAdd.route, staffAdd.handler)
  .openapi(staffRole.route, staffRole.handler)
  .openapi(staffRemove.route, staffRemove.handler);
