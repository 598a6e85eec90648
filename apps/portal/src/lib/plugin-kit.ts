import { pluginLinks, type PluginAudience } from '@city/plugin-sdk/links';
import type { Locale, PageKit } from '@city/plugin-sdk/portal';
import { enhance } from '#lib/enhance.ts';
import { invalidateAll } from '$app/navigation';
import { formatAddress, formatBuilding, formatDateTime, formatList, formatMoney } from '#lib/i18n/index.ts';
import { live } from '#lib/live.svelte.ts';

const fill = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

/** The kit a plugin page receives, for any audience: its words, its links, the portal's formats and forms. */
export function pluginKit(input: {
  tenant: { slug: string; name: string };
  organisation?: PageKit['organisation'];
  locale: Locale;
  actor: PageKit['actor'];
  messages: Record<Locale, Record<string, string>>;
  /** Where the page is: its audience, its neighbourhood's slug (an organisation's id) and the plugin. */
  at: { audience: PluginAudience; scope: string; pluginId: string };
}): PageKit {
  return {
    ...pluginLinks(input.at.audience, input.at.scope, input.at.pluginId),
    tenant: input.tenant,
    organisation: input.organisation ?? null,
    locale: input.locale,
    actor: input.actor,
    t: (key, params) => fill(input.messages[input.locale][key] ?? key, params),
    text: (value) => value[input.locale],
    formatDateTime,
    formatMoney,
    formatAddress,
    formatBuilding,
    formatList,
    enhance,
    refresh: invalidateAll,
    onNotification: (listener) => live.onNotification(listener),
  };
}
