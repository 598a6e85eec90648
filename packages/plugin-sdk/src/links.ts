/**
 * Every address of a plugin, built in one place: where its API is mounted for each audience, its portal pages and the
 * files the portal passes through. The API mounts plugins with it, the portal reaches them with it, and plugins get it
 * through their context (`ctx.links`, absolute addresses for notices and printouts) and their page kit (`kit.href`,
 * `kit.fileHref`, `kit.publicHref`), so no plugin writes an address of the platform by hand. Plain data, safe in
 * browsers.
 */

/**
 * Who a plugin's routes and pages are for: members of a neighbourhood, anyone, 街道/社区 staff reading a neighbourhood,
 * an organisation's staff, the staff of a region (街道/社区/区) acting for it.
 */
export const PLUGIN_AUDIENCES = ['member', 'public', 'supervision', 'organisation', 'region'] as const;
export type PluginAudience = (typeof PLUGIN_AUDIENCES)[number];

/** A query string's values; empty ones are left out. */
export type Query = Record<string, string | number | null | undefined>;

type ParamNames<P extends string> = P extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The arguments after a path pattern: its parameters (required when it has any), then a query. */
export type PathArgs<P extends string> = [ParamNames<P>] extends [never]
  ? [params?: Record<string, never>, query?: Query]
  : [params: Record<ParamNames<P>, string>, query?: Query];

const API_BASE: Record<PluginAudience, (scope: string) => string> = {
  member: (tenant) => `/api/v1/t/${tenant}/p`,
  public: (tenant) => `/api/v1/public/n/${tenant}/p`,
  supervision: (tenant) => `/api/v1/supervision/neighbourhoods/${tenant}/p`,
  organisation: (organisation) => `/api/v1/o/${organisation}/p`,
  region: (region) => `/api/v1/r/${region}/p`,
};

const PAGE_BASE: Record<PluginAudience, (scope: string) => string> = {
  member: (tenant) => `/n/${tenant}/p`,
  public: (tenant) => `/p/${tenant}/apps`,
  supervision: (tenant) => `/supervision/neighbourhoods/${tenant}/apps`,
  organisation: (organisation) => `/vendor/${organisation}/apps`,
  region: (region) => `/supervision/regions/${region}/apps`,
};

/** Neighbourhood audiences are scoped by a neighbourhood's slug; organisations and regions by their id. */
const SCOPE_PARAM: Record<PluginAudience, string> = {
  member: 'tenant',
  public: 'tenant',
  supervision: 'tenant',
  organisation: 'organisation',
  region: 'region',
};

/** The files of a plugin's API, under each audience's pages; no page path starts with it. */
export const FILES_SEGMENT = 'files';

const encode = encodeURIComponent;

export function queryString(query: Query = {}): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === null || value === undefined || value === '' ? [] : [[key, String(value)]],
  );
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : '';
}

/**
 * A path inside a plugin from a pattern of its pages or routes and the pattern's parameters, each segment encoded:
 * `('/meetings/[meetingId]', { meetingId })` → `/meetings/0193…`. `/` stays `/`.
 */
export function pluginPath<P extends string>(pattern: P, ...[params, query]: PathArgs<P>): string {
  const values = (params ?? {}) as Record<string, string>;
  const segments = pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (!segment.startsWith('[')) return encode(segment);
      const value = values[segment.slice(1, -1)];
      if (value === undefined) throw new Error(`${pattern}: no value for ${segment}`);
      return encode(value);
    });
  return `/${segments.join('/')}${queryString(query)}`;
}

/** Where a plugin's API for an audience is mounted, as a route pattern: `/api/v1/t/:tenant/p/<id>`. */
export const pluginApiPattern = (audience: PluginAudience, pluginId: string) =>
  `${API_BASE[audience](`:${SCOPE_PARAM[audience]}`)}/${pluginId}`;

/** The address of a plugin's API for one neighbourhood (its slug), organisation or region (their ids). */
export const pluginApiPath = (audience: PluginAudience, scope: string, pluginId: string) =>
  `${API_BASE[audience](encode(scope))}/${encode(pluginId)}`;

/** The portal address of a plugin's pages for an audience in one neighbourhood (or organisation). */
export const pluginPagesPath = (audience: PluginAudience, scope: string, pluginId: string) =>
  `${PAGE_BASE[audience](encode(scope))}/${encode(pluginId)}`;

/** The portal address of one of a plugin's pages: its pages' address and the path inside the plugin. */
export function pluginPagePath(audience: PluginAudience, scope: string, pluginId: string, path = '/'): string {
  const at = path.indexOf('?');
  const [pathname, query] = at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
  return `${pluginPagesPath(audience, scope, pluginId)}${pathname === '/' ? '' : pathname}${query}`;
}

/** The portal address of a file of a plugin's API (an export, a PDF, a photo), passed through under its pages. */
export const pluginFilePath = (audience: PluginAudience, scope: string, pluginId: string, apiPath: string) =>
  `${pluginPagesPath(audience, scope, pluginId)}/${FILES_SEGMENT}${apiPath}`;

/** Addresses of one plugin in one neighbourhood (or organisation), for its code: paths, or absolute with `origin`. */
export interface PluginLinks {
  /** A page for this audience: `href('/meetings/[meetingId]', { meetingId })`. */
  href<P extends string>(pattern: P, ...args: PathArgs<P>): string;
  /** A file of this audience's API, passed through by the portal: `fileHref('/meetings/[meetingId]/results', …)`. */
  fileHref<P extends string>(pattern: P, ...args: PathArgs<P>): string;
  /** A public page of this neighbourhood (no sign-in), e.g. a receipt check. */
  publicHref<P extends string>(pattern: P, ...args: PathArgs<P>): string;
  /** A file of the plugin's public API, passed through under its public pages. */
  publicFileHref<P extends string>(pattern: P, ...args: PathArgs<P>): string;
}

/** The links of a plugin for one audience in one neighbourhood or organisation; `origin` makes them absolute. */
export function pluginLinks(audience: PluginAudience, scope: string, pluginId: string, origin = ''): PluginLinks {
  return {
    href: (pattern, ...args) => origin + pluginPagePath(audience, scope, pluginId, pluginPath(pattern, ...args)),
    fileHref: (pattern, ...args) => origin + pluginFilePath(audience, scope, pluginId, pluginPath(pattern, ...args)),
    publicHref: (pattern, ...args) => origin + pluginPagePath('public', scope, pluginId, pluginPath(pattern, ...args)),
    publicFileHref: (pattern, ...args) =>
      origin + pluginFilePath('public', scope, pluginId, pluginPath(pattern, ...args)),
  };
}
