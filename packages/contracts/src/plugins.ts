import { z } from '@hono/zod-openapi';
import { IdSchema, TimestampSchema } from './common.ts';
import { APP_ICONS } from './values/icons.ts';
import { PLUGIN_CATEGORIES, PLUGIN_ID } from './values/plugins.ts';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const PluginIdSchema = z.string().regex(PLUGIN_ID, { error: 'invalid_format' }).max(64);

export const PluginInstallStateSchema = z.object({
  version: z.string(),
  status: z.enum(['enabled', 'disabled', 'uninstalled']),
  grantedScopes: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()),
  installedAt: TimestampSchema,
  upgradeAvailable: z.boolean(),
  /** The installed version was withdrawn by the platform: the admin is told to upgrade or uninstall. */
  versionWithdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
});

export const MarketplacePluginSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    name: Localized,
    description: Localized,
    icon: z.enum(APP_ICONS),
    category: z.enum(PLUGIN_CATEGORIES),
    publisher: z.string(),
    requires: z.record(z.string(), z.string()),
    /** What it asks for, each explained in plain words (the admin grants all of them or does not install). */
    scopes: z.array(z.object({ id: z.string(), description: Localized })),
    /** Roles it adds, which the admin gives to members. */
    roles: z.array(z.object({ id: z.string(), name: Localized, description: Localized })),
    settingsSchema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema of the settings' }),
    settingsText: z.record(z.string(), z.object({ label: Localized, hint: Localized.optional() })),
    available: z.boolean(),
    install: PluginInstallStateSchema.nullable(),
  })
  .openapi('MarketplacePlugin');

export const PluginDetailSchema = MarketplacePluginSchema.extend({
  deliveries: z.array(
    z.object({
      id: IdSchema,
      event: z.string(),
      status: z.enum(['pending', 'paused', 'done', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: TimestampSchema,
    }),
  ),
}).openapi('PluginDetail');

export const PluginInstallSchema = z
  .object({ grantedScopes: z.array(z.string()).max(20), settings: z.record(z.string(), z.unknown()).optional() })
  .openapi('PluginInstall');
export const PluginSettingsSchema = z.object({ settings: z.record(z.string(), z.unknown()) }).openapi('PluginSettings');
export const PluginUpgradeSchema = z.object({ grantedScopes: z.array(z.string()).max(20) }).openapi('PluginUpgrade');
export const PluginPurgeSchema = z.object({ confirm: z.string().max(64) }).openapi('PluginPurge');
export const PluginVersionStatusSchema = z
  .object({ status: z.enum(['available', 'withdrawn']), reason: z.string().trim().max(500).optional() })
  .openapi('PluginVersionStatus');

export const PluginRoleGrantsSchema = z
  .object({
    items: z.array(z.object({ memberId: IdSchema, displayName: z.string(), roles: z.array(z.string()) })),
  })
  .openapi('PluginRoleGrants');
export const PluginMemberRolesSchema = z
  .object({
    roles: z
      .array(z.string().regex(PLUGIN_ID, { error: 'invalid_format' }).max(40))
      .max(20)
      .transform((r) => [...new Set(r)]),
  })
  .openapi('PluginMemberRoles');

/** An enabled plugin as one member sees it: the roles they hold in it and the navigation entries open to them. */
export const PluginNavigationSchema = z
  .object({
    id: z.string(),
    name: Localized,
    icon: z.enum(APP_ICONS),
    myRoles: z.array(z.string()),
    entries: z.array(z.object({ path: z.string(), label: Localized, icon: z.enum(APP_ICONS) })),
  })
  .openapi('PluginNavigation');
