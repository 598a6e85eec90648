import { createRouter } from '../../lib/router.ts';
import * as buildings_create from './registry.buildings.create.ts';
import * as buildings_list from './registry.buildings.list.ts';
import * as lookalikes_decide from './registry.lookalikes.decide.ts';
import * as lookalikes_list from './registry.lookalikes.list.ts';
import * as owners_contact from './registry.owners.contact.ts';
import * as owners_set from './registry.owners.set.ts';
import * as units_create from './registry.units.create.ts';
import * as units_get from './registry.units.get.ts';
import * as units_list from './registry.units.list.ts';
import * as units_update from './registry.units.update.ts';

export const registryRoutes = createRouter()
  .openapi(buildings_list.route, buildings_list.handler)
  .openapi(buildings_create.route, buildings_create.handler)
  .openapi(units_list.route, units_list.handler)
  .openapi(units_create.route, units_create.handler)
  .openapi(units_get.route, units_get.handler)
  .openapi(units_update.route, units_update.handler)
  .openapi(owners_set.route, owners_set.handler)
  .openapi(owners_contact.route, owners_contact.handler)
  .openapi(lookalikes_list.route, lookalikes_list.handler)
  .openapi(lookalikes_decide.route, lookalikes_decide.handler);
