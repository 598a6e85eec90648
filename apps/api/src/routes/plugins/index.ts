import { createRouter } from '../../lib/router.ts';
import * as catalogue from './plugins.catalogue.ts';
import * as disable from './plugins.disable.ts';
import * as enable from './plugins.enable.ts';
import * as get from './plugins.get.ts';
import * as install from './plugins.install.ts';
import * as marketplace from './plugins.marketplace.ts';
import * as memberRoles from './plugins.member-roles.ts';
import * as navigation from './plugins.navigation.ts';
import * as purge from './plugins.purge.ts';
import * as retryDelivery from './plugins.retry-delivery.ts';
import * as roles from './plugins.roles.ts';
import * as settings from './plugins.settings.ts';
import * as uninstall from './plugins.uninstall.ts';
import * as upgrade from './plugins.upgrade.ts';
import * as versionStatus from './plugins.version-status.ts';

export const pluginRoutes = createRouter()
  .openapi(catalogue.route, catalogue.handler)
  .openapi(versionStatus.route, versionStatus.handler)
  .openapi(marketplace.route, marketplace.handler)
  .openapi(navigation.route, navigation.handler)
  .openapi(get.route, get.handler)
  .openapi(install.route, install.handler)
  .openapi(settings.route, settings.handler)
  .openapi(enable.route, enable.handler)
  .openapi(disable.route, disable.handler)
  .openapi(upgrade.route, upgrade.handler)
  .openapi(uninstall.route, uninstall.handler)
  .openapi(purge.route, purge.handler)
  .openapi(roles.route, roles.handler)
  .openapi(memberRoles.route, memberRoles.handler)
  .openapi(retryDelivery.route, retryDelivery.handler);
