import type { Locale, PageKit } from '@city/plugin-sdk/portal';
import { enhance } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import { formatDateTime } from '#lib/i18n/index.ts';

const fill = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

/** The kit a plugin page receives, for any audience: its words, its links, the portal's formats and forms. */
export function pluginKit(input: {
  tenant: { slug: string; name: string };
  organisation?: PageKit['organisation'];
  locale: Locale;
  actor: PageKit['actor'];
  messages: Record<Locale, Record<string, string>>;
  href: (path: string) => string;
}): PageKit {
  return {
    tenant: input.tenant,
    organisation: input.organisation ?? null,
    locale: input.locale,
    actor: input.actor,
    t: (key, params) => fill(input.messages[input.locale][key] ?? key, params),
    text: (value) => value[input.locale],
    href: input.href,
    formatDateTime,
    enhance,
    refresh: invalidateAll,
  };
}
