import { contactsPlugin } from '@city/plugin-contacts/server';
import { votingPlugin } from '@city/plugin-voting/server';
import { servicesPlugin } from '@city/plugin-services/server';
import { partyPlugin } from '@city/plugin-party/server';

/**
 * The plugins this deployment offers, listed by hand (no generated index: docs/architecture.md §6); `npm run new:plugin` adds a
 * new one here. The portal's page map (apps/portal/src/lib/plugins.ts) is typed by this list, so the two cannot drift.
 */
export const plugins = [contactsPlugin, votingPlugin, servicesPlugin, partyPlugin] as const;

export type OfferedPluginId = (typeof plugins)[number]['manifest']['id'];
