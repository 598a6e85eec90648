import type { PluginManifest } from '@city/plugin-sdk';

/**
 * The plugins this deployment offers, listed by hand (STYLE §11: no generated index). First-party plugins are
 * added here as they are written.
 */
export const plugins: readonly PluginManifest[] = [];
