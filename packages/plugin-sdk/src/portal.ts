import type { Component } from 'svelte';
import type { Action } from 'svelte/action';
import { hc } from 'hono/client';
import type { Hono } from 'hono';
import type { PluginLinks } from './links.ts';
import type { LocalizedString } from './manifest.ts';

/**
 * The portal half of a plugin (docs/architecture.md §6): pages rendered inside the portal's layout at
 * `/n/:tenant/p/<id><path>`. It never imports server code: the plugin's API is reached through a typed client whose
 * type comes from the server routes by `import type` (erased from the bundle).
 */

export type Locale = 'zh-CN' | 'en';

/** The typed client of a plugin's own API, rooted at /api/v1/t/:tenant/p/<id>. */
export type PluginClient<Api extends Hono<any, any, any>> = ReturnType<typeof hc<Api>>;

/** Thrown from a page's load to answer with an error page (404 for a missing item, 403 for a forbidden one). */
export class PortalError extends Error {
  override name = 'PortalError';
  readonly status: number;

  constructor(status: number) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

/** On organisation pages: the business the visitor acts for, and their role in it (owner, manager, staff). */
export interface PortalOrganisation {
  id: string;
  name: string;
  role: 'owner' | 'manager' | 'staff';
}

/** The body of a typed client's successful answer (its union of answers narrowed to those with `ok: true`). */
export type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

export interface PortalContext<Api extends Hono<any, any, any>> {
  client: PluginClient<Api>;
  /** The neighbourhood; on organisation pages the organisation, on region pages the region (their id as `slug`). */
  tenant: { slug: string; name: string };
  /** Set on organisation pages only. */
  organisation: PortalOrganisation | null;
  /**
   * The visitor's core roles here and the roles the admin gave them in this plugin; on organisation pages, their role
   * in the organisation; none on supervision and region pages.
   */
  actor: { roles: string[]; pluginRoles: string[] };
  locale: Locale;
  /** Parameters of the page's path pattern (`/items/[itemId]` → { itemId }). */
  params: Record<string, string>;
  url: URL;
  /** The JSON of a successful API response; otherwise the portal's error page: 403 for a forbidden one, else 404. */
  ok<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(response: R): Promise<SuccessBody<R>>;
}

/** What an action returns: data for the page (`form`), a failure to show next to the form, or a redirect. */
export type ActionResult =
  { failed: Response; values?: Record<string, string> } | { redirect: string } | Record<string, unknown>;

export interface PluginPage<Api extends Hono<any, any, any>> {
  /** The page's component; it receives PluginPageProps. Loaded lazily, so each page is its own chunk. */
  component: () => Promise<{ default: Component<any> }>;
  /** Runs on the server before rendering; returns plain (serialisable) data. */
  load?: (context: PortalContext<Api>) => Promise<Record<string, unknown>>;
  /** Form actions by name; a form chooses one with a hidden `_action` field. */
  actions?: Record<string, (context: PortalContext<Api> & { form: FormData }) => Promise<ActionResult>>;
}

export interface PluginPortal<
  Api extends Hono<any, any, any> = Hono<any, any, any>,
  PublicApi extends Hono<any, any, any> = Hono<any, any, any>,
  SupervisionApi extends Hono<any, any, any> = Hono<any, any, any>,
  OrganisationApi extends Hono<any, any, any> = Hono<any, any, any>,
  RegionApi extends Hono<any, any, any> = Hono<any, any, any>,
> {
  /** Pages for members by path pattern (`/`, `/manage`, `/items/[itemId]`), at `/n/:tenant/p/<id><path>`. */
  pages: Record<string, PluginPage<Api>>;
  /**
   * Pages anyone may open without signing in, at `/p/:tenant/apps/<id><path>`; their client reaches the plugin's
   * publicRoutes. Files an API answers (PDFs, exports) are passed through under `<pages' base>/files/<api path>`
   * for members and for anyone, so no page path starts with /files.
   */
  publicPages?: Record<string, PluginPage<PublicApi>>;
  /** Read-only pages for 街道/社区 staff, at `/supervision/neighbourhoods/:tenant/apps/<id><path>`; their client reaches supervisionRoutes. */
  supervisionPages?: Record<string, PluginPage<SupervisionApi>>;
  /**
   * Pages for the staff of an organisation (a business serving many neighbourhoods), at
   * `/vendor/:organisation/apps/<id><path>`; their client reaches the plugin's organisationRoutes.
   */
  organisationPages?: Record<string, PluginPage<OrganisationApi>>;
  /** Links to its organisation pages, listed on the organisation's page in the portal (and above those pages). */
  organisationNavigation?: ReadonlyArray<{ path: string; label: LocalizedString }>;
  /**
   * Pages for the staff of a region (a 街道, 社区 or 区) and of the regions above it, at
   * `/supervision/regions/:region/apps/<id><path>`; their client reaches the plugin's regionRoutes.
   */
  regionPages?: Record<string, PluginPage<RegionApi>>;
  /** Links to its region pages, listed for each region on its staff's supervision page (and above those pages). */
  regionNavigation?: ReadonlyArray<{ path: string; label: LocalizedString }>;
  /** The plugin's own words, in both languages (the pages read them through `kit.t`). */
  messages: Record<Locale, Record<string, string>>;
}

/** A refused form: the API's message and field errors (already in the visitor's language) and what was typed. */
export interface FormFailure {
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** What a form action handed back to the page: a failure, or the action's data. */
export type FormResult = FormFailure | Record<string, unknown>;

/** The failure in a form result, if the action was refused. */
export function formFailure(form: FormResult | null | undefined): FormFailure | null {
  return form && typeof form.message === 'string' && typeof form.fieldErrors === 'object'
    ? (form as FormFailure)
    : null;
}

/**
 * Everything the portal hands a plugin page besides its data. `Key` is the plugin's message keys (the keys of its
 * zh-CN messages), so a misspelt `kit.t('…')` fails the type check; the portal itself builds a `PageKit<string>`.
 * Its links (`href`, `fileHref`, `publicHref`, `publicFileHref`, from `@city/plugin-sdk/links`) fill the plugin's
 * page and file patterns for the page's audience and neighbourhood (or organisation):
 * `kit.href('/meetings/[meetingId]', { meetingId }, { tab: 'roll' })`.
 */
export interface PageKit<Key extends string = string> extends PluginLinks {
  tenant: { slug: string; name: string };
  organisation: PortalOrganisation | null;
  locale: Locale;
  /**
   * The visitor's roles (as in PortalContext) and, on member pages, the phone number of their own account, for a form
   * to offer as their contact (they may change it there).
   */
  actor: { roles: string[]; pluginRoles: string[]; phone?: string };
  /** The plugin's message in the visitor's language, with `{name}` placeholders filled. */
  t(key: Key, params?: Record<string, string | number>): string;
  /** A localised text of the manifest kind ({ 'zh-CN', en }). */
  text(value: LocalizedString): string;
  /** Times as the portal shows them (Asia/Shanghai, the visitor's language): `2026/12/02 23:25`, `2 Dec 2026, 23:25`. */
  formatDateTime(iso: string): string;
  /** Fen as the portal shows amounts: `120.00 元`, `¥120.00`. */
  formatMoney(fen: number): string;
  /**
   * A home's address as the API joins it (`1栋 1单元 202`) in the visitor's language (`Bldg 1, Unit 1, Room 202`); a
   * building's name alone (`1栋` → `Bldg 1`) with `formatBuilding`. Names of the neighbourhood's own stay as typed.
   */
  formatAddress(address: string): string;
  formatBuilding(name: string): string;
  /** Names in a run as the visitor lists them: `甲、乙、丙` / `a, b, c`. */
  formatList(items: readonly string[]): string;
  /** SvelteKit's progressive enhancement for forms: `<form method="POST" use:kit.enhance>`. */
  enhance: Action<HTMLFormElement>;
  /** Runs the page's load again (in the browser). */
  refresh(): Promise<void>;
  /**
   * Calls `listener` whenever the visitor gets a notification (live, over the portal's event stream; polled where
   * there is none): a vendor's order inbox refreshes on it. Returns the unsubscribe, for an `$effect` to return.
   */
  onNotification(listener: () => void): () => void;
}

/** A plugin page's props; a plugin passes its `MessageKey` as `Key` so its pages' `kit.t` calls are checked. */
export interface PluginPageProps<Data = Record<string, unknown>, Key extends string = string> {
  data: Data;
  form: FormResult | null;
  kit: PageKit<Key>;
}

/**
 * Declares a plugin's portal pages. `Api` (and `PublicApi`, `SupervisionApi`, `OrganisationApi`, `RegionApi`) are the
 * types of its server routes, imported with `import type`.
 */
export function definePluginPortal<
  Api extends Hono<any, any, any>,
  PublicApi extends Hono<any, any, any> = Hono<any, any, any>,
  SupervisionApi extends Hono<any, any, any> = Hono<any, any, any>,
  OrganisationApi extends Hono<any, any, any> = Hono<any, any, any>,
  RegionApi extends Hono<any, any, any> = Hono<any, any, any>,
>(
  portal: PluginPortal<Api, PublicApi, SupervisionApi, OrganisationApi, RegionApi>,
): PluginPortal<Api, PublicApi, SupervisionApi, OrganisationApi, RegionApi> {
  const paths = [
    ...Object.keys(portal.pages),
    ...Object.keys(portal.publicPages ?? {}),
    ...Object.keys(portal.supervisionPages ?? {}),
    ...Object.keys(portal.organisationPages ?? {}),
    ...Object.keys(portal.regionPages ?? {}),
  ];
  for (const path of paths) {
    if (path === '/files' || path.startsWith('/files/'))
      throw new Error(`page paths under /files are the file pass-through: ${path}`);
    if (!/^\/(?:[a-z0-9-]+|\[[a-zA-Z]+\])?(?:\/(?:[a-z0-9-]+|\[[a-zA-Z]+\]))*$/.test(path))
      throw new Error(`page path must look like /a/[b]: ${path}`);
  }
  const zh = Object.keys(portal.messages['zh-CN']).sort().join();
  if (zh !== Object.keys(portal.messages.en).sort().join())
    throw new Error('messages need the same keys in zh-CN and en');
  return portal;
}

/** The page whose pattern matches a path inside the plugin, with the pattern's parameters. */
export function matchPage<P>(
  pages: Record<string, P>,
  path: string,
): { pattern: string; page: P; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const [pattern, page] of Object.entries(pages)) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (
      want.every((segment, i) =>
        segment.startsWith('[') ? ((params[segment.slice(1, -1)] = parts[i]!), true) : segment === parts[i],
      )
    ) {
      return { pattern, page, params };
    }
  }
  return null;
}

/** The typed client of a plugin's API for one visitor (the portal supplies the address, fetch and headers). */
export function pluginClient<Api extends Hono<any, any, any>>(
  baseUrl: string,
  options: { fetch: typeof fetch; headers: Record<string, string> },
): PluginClient<Api> {
  return hc<Api>(baseUrl, options);
}
