/**
 * The plugin contract (DESIGN §4). This is the manifest part: plain data, safe to import anywhere.
 * The runtime (per-tenant install, scopes, routes, events) builds on it.
 */
export interface LocalizedString {
  'zh-CN': string;
  en: string;
}

export interface PluginManifest {
  id: string;
  version: string;
  name: LocalizedString;
  description: LocalizedString;
  /** Semver range of the core this plugin works with. */
  coreRange: string;
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export class PluginManifestError extends Error {
  override name = 'PluginManifestError';
}

/** Declares a plugin; a malformed manifest fails at import time, not when a tenant installs it. */
export function definePlugin<const M extends PluginManifest>(manifest: M): M {
  if (!ID.test(manifest.id)) throw new PluginManifestError(`plugin id must be kebab-case: ${manifest.id}`);
  if (!SEMVER.test(manifest.version)) throw new PluginManifestError(`${manifest.id}: version must be semver`);
  for (const field of ['name', 'description'] as const) {
    if (!manifest[field]['zh-CN'] || !manifest[field].en) {
      throw new PluginManifestError(`${manifest.id}: ${field} needs zh-CN and en`);
    }
  }
  return manifest;
}
