/**
 * The plugin contract (docs/architecture.md §6). This entry is the manifest side, for the API and the portal's
 * server: manifests carry zod settings schemas, so browsers do not import it (they get a plugin's words and pages
 * through `@city/plugin-sdk/portal`). Server code is in `@city/plugin-sdk/server` (routes, events, lifecycle) and
 * `@city/plugin-sdk/schema` (tables); addresses in `@city/plugin-sdk/links`.
 */
export {
  definePlugin,
  PLUGIN_CATEGORIES,
  type LocalizedString,
  type NavEntry,
  type PluginCategory,
  PluginManifestError,
  type PluginAuditText,
  type PluginManifest,
  type PluginRole,
} from './manifest.ts';
export { isScope, SCOPES, type Scope } from './scopes.ts';
export {
  coreError,
  definePluginErrors,
  onRecord,
  PluginError,
  rollsBack,
  ScopeNotGranted,
  type PluginErrorStatus,
} from './errors.ts';
