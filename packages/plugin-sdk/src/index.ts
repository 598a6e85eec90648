/**
 * The plugin contract (docs/architecture.md §6). This entry is the manifest side: plain data, safe to import anywhere. Server
 * code is in `@city/plugin-sdk/server` (routes, events, lifecycle) and `@city/plugin-sdk/schema` (tables), portal
 * pages in `@city/plugin-sdk/portal`.
 */
export {
  definePlugin,
  PLUGIN_CATEGORIES,
  type LocalizedString,
  type NavEntry,
  type PluginCategory,
  PluginManifestError,
  type PluginManifest,
  type PluginRole,
} from './manifest.ts';
export { isScope, SCOPES, type Scope } from './scopes.ts';
export { coreError, definePluginErrors, PluginError, ScopeNotGranted, type PluginErrorStatus } from './errors.ts';
