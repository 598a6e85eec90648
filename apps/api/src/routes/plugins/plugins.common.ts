import { z } from '@hono/zod-openapi';
import { MarketplacePluginSchema, PluginIdSchema } from '@city/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { auditContext } from '../../lib/request-meta.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const pluginParams = tenantParams.extend({ pluginId: PluginIdSchema });
export const marketplaceList = z.object({ items: z.array(MarketplacePluginSchema) }).openapi('Marketplace');

/** The audit context of a plugin action, with the neighbourhood the plugin's hooks see. */
export const installContext = (c: Context<AppEnv>) => ({ ...auditContext(c), tenant: c.get('tenant') });
