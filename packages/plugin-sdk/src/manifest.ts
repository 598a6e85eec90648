import type { z } from '@hono/zod-openapi';
import {
  isAppIcon,
  isCoreAuditArea,
  PLUGIN_CATEGORIES,
  PLUGIN_ID,
  RESERVED_PLUGIN_IDS,
  TENANT_ROLES,
  type AppIcon,
  type NotificationKind,
  type PluginCategory,
  type TenantRole,
} from '@city/contracts';
import { validRange, valid } from 'semver';
import { isScope, type Scope } from './scopes.ts';

/** A plugin's manifest broke a rule of the contract (an id, a version, a missing translation): refused when imported. */
export class PluginManifestError extends Error {
  override name = 'PluginManifestError';
}

export interface LocalizedString {
  'zh-CN': string;
  en: string;
}

export { PLUGIN_CATEGORIES, type PluginCategory };

/** A role the plugin adds (e.g. a vote teller); the neighbourhood's admin gives it to members. */
export interface PluginRole {
  id: string;
  name: LocalizedString;
  description: LocalizedString;
}

/** A link in the neighbourhood's navigation; `path` is one of the plugin's portal pages (`/n/:tenant/p/<id><path>`). */
export interface NavEntry {
  path: string;
  label: LocalizedString;
  /** Its own icon where the plugin's would not tell two entries apart (the plugin's by default). */
  icon?: AppIcon;
  /** Who sees the entry: members with one of these core roles or plugin roles; omitted = every member. */
  roles?: readonly (TenantRole | (string & {}))[];
}

/**
 * How the neighbourhood's audit trail words one of the plugin's actions: a short `label` for the filter ("添加条目" /
 * "Entry added") and a `sentence` with `{actor}` (who), `{plugin}` (the plugin's name) and any text or number of the
 * entry's details by its key (`{name}`). Where an entry lacks a detail the sentence names, the trail falls back to
 * the label.
 */
export interface PluginAuditText {
  label: LocalizedString;
  sentence: LocalizedString;
}

export interface PluginManifest<S extends z.ZodObject = z.ZodObject> {
  id: string;
  version: string;
  name: LocalizedString;
  description: LocalizedString;
  /** The plugin's icon in the marketplace and the navigation, one of APP_ICONS (drawn as SVG, never an emoji). */
  icon: AppIcon;
  category: PluginCategory;
  publisher: string;
  /** Semver range of the core this plugin works with. */
  coreRange: string;
  /** Other plugins it needs installed first, with semver ranges. */
  requires?: Readonly<Record<string, string>>;
  scopes: readonly Scope[];
  /** Settings with defaults: `settings.parse({})` must succeed. */
  settings: S;
  /** The admin's form: a label (and a hint) for every setting, in both languages. */
  settingsText?: Readonly<Record<string, { label: LocalizedString; hint?: LocalizedString }>>;
  roles?: readonly PluginRole[];
  navigation?: readonly NavEntry[];
  /**
   * The kinds of notification it sends (with the `notifications:send` scope), by name: people choose channels per
   * kind, neighbourhoods turn kinds off. Sent as `<id>.<name>`.
   */
  notifications?: Readonly<Record<string, NotificationKind>>;
  /** The words for each action it records with `audit:write`, by the action's name without the plugin id. */
  audit?: Readonly<Record<string, PluginAuditText>>;
}

const AUDIT_ACTION = /^[a-z][a-z0-9_]*$/;
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const CORE_ROLES: readonly string[] = TENANT_ROLES;

/**
 * Declares a plugin: data the API and the portal's server read alike (its settings are a zod schema, so not for
 * browsers). A malformed manifest fails at import time, not when a neighbourhood installs it.
 */
export function definePlugin<const S extends z.ZodObject, const M extends PluginManifest<S>>(
  manifest: M & { settings: S },
): M {
  const fail = (why: string) => {
    throw new PluginManifestError(`${manifest.id}: ${why}`);
  };
  if (!PLUGIN_ID.test(manifest.id) || RESERVED_PLUGIN_IDS.includes(manifest.id))
    throw new PluginManifestError(`plugin id must be kebab-case and not reserved: ${manifest.id}`);
  if (isCoreAuditArea(manifest.id))
    throw new PluginManifestError(
      `plugin id ${manifest.id} is reserved: the core's audit trail records its own ${manifest.id}.* actions, choose another id`,
    );
  if (!valid(manifest.version)) fail('version must be semver');
  if (!validRange(manifest.coreRange)) fail('coreRange must be a semver range');
  for (const [id, range] of Object.entries(manifest.requires ?? {})) {
    if (!PLUGIN_ID.test(id) || !validRange(range))
      fail(`requires ${id}@${range} is not a plugin id with a semver range`);
  }
  const settingTexts = Object.values(manifest.settingsText ?? {}).flatMap((t) =>
    t.hint ? [t.label, t.hint] : [t.label],
  );
  const texts = [
    manifest.name,
    manifest.description,
    ...settingTexts,
    ...(manifest.roles ?? []).flatMap((r) => [r.name, r.description]),
    ...(manifest.navigation ?? []).map((n) => n.label),
    ...Object.values(manifest.audit ?? {}).flatMap((a) => [a.label, a.sentence]),
  ];
  if (texts.some((text) => !text['zh-CN'] || !text.en)) fail('names, descriptions and labels need zh-CN and en');
  for (const scope of manifest.scopes) if (!isScope(scope)) fail(`unknown scope ${scope}`);
  if (!manifest.settings.safeParse({}).success) fail('every setting needs a default');
  for (const key of Object.keys(manifest.settings.shape))
    if (!manifest.settingsText?.[key]) fail(`setting ${key} needs a label in settingsText`);
  const roleIds = (manifest.roles ?? []).map((r) => r.id);
  for (const id of roleIds) {
    if (!PLUGIN_ID.test(id) || CORE_ROLES.includes(id)) fail(`role id must be kebab-case and not a core role: ${id}`);
  }
  if (new Set(roleIds).size !== roleIds.length) fail('role ids must be unique');
  // A plugin written in JavaScript reaches here with any string: the icon is checked, not only typed.
  for (const icon of [manifest.icon, ...(manifest.navigation ?? []).flatMap((n) => (n.icon ? [n.icon] : []))])
    if (!isAppIcon(icon)) fail(`icon ${icon} is not one of APP_ICONS`);
  for (const entry of manifest.navigation ?? []) {
    if (!entry.path.startsWith('/')) fail(`navigation path must start with /: ${entry.path}`);
    for (const role of entry.roles ?? [])
      if (!CORE_ROLES.includes(role) && !roleIds.includes(role))
        fail(`navigation role ${role} is neither a core role nor one of its own`);
  }
  for (const [action, { sentence }] of Object.entries(manifest.audit ?? {})) {
    if (!AUDIT_ACTION.test(action)) fail(`audit action ${action} must be snake_case without the plugin id`);
    if (!sentence['zh-CN'].includes('{actor}') || placeholders(sentence['zh-CN']) !== placeholders(sentence.en))
      fail(`audit sentence of ${action} must name {actor} and use the same placeholders in both languages`);
  }
  return manifest;
}
