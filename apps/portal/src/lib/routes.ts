import { pluginPagePath, queryString as q } from '@city/plugin-sdk/links';

/** Every portal URL, built in one place (no string concatenation in pages); plugins' through their links module. */

export const routes = {
  landing: () => '/',
  signIn: (next?: string) => `/sign-in${q({ next })}`,
  signUp: (next?: string) => `/sign-up${q({ next })}`,
  signOut: () => '/sign-out',
  locale: () => '/locale',
  apply: () => '/apply',
  home: () => '/home',
  account: () => '/account',
  resetPassword: () => '/reset-password',
  neighbourhood: (slug: string) => `/n/${encodeURIComponent(slug)}`,
  members: (slug: string, cursor?: string) => `/n/${encodeURIComponent(slug)}/members${q({ cursor })}`,
  invitations: (slug: string) => `/n/${encodeURIComponent(slug)}/invitations`,
  notice: (slug: string, id: string) => `/n/${encodeURIComponent(slug)}/notices/${encodeURIComponent(id)}`,
  manageNotices: (slug: string, correct?: string) => `/n/${encodeURIComponent(slug)}/notices${q({ correct })}`,
  registry: (slug: string) => `/n/${encodeURIComponent(slug)}/registry`,
  building: (slug: string, buildingId: string) =>
    `/n/${encodeURIComponent(slug)}/registry/${encodeURIComponent(buildingId)}`,
  unit: (slug: string, unitId: string) => `/n/${encodeURIComponent(slug)}/registry/units/${encodeURIComponent(unitId)}`,
  publicBoard: (slug: string) => `/p/${encodeURIComponent(slug)}`,
  publicBoardPdf: (slug: string) => `/p/${encodeURIComponent(slug)}/print`,
  myUnits: (slug: string, code?: string) => `/n/${encodeURIComponent(slug)}/my${q({ code })}`,
  claim: (slug: string, code?: string) => `/claim/${encodeURIComponent(slug)}${q({ code })}`,
  verifications: (slug: string) => `/n/${encodeURIComponent(slug)}/verifications`,
  letters: (slug: string) => `/n/${encodeURIComponent(slug)}/verifications/letters`,
  registryImport: (slug: string) => `/n/${encodeURIComponent(slug)}/registry/import`,
  registryLookalikes: (slug: string) => `/n/${encodeURIComponent(slug)}/registry/lookalikes`,
  registryImportResult: (slug: string, id: string) =>
    `/n/${encodeURIComponent(slug)}/registry/import/${encodeURIComponent(id)}`,
  registryFile: (slug: string, kind: 'template' | 'export', format: 'csv' | 'xlsx') =>
    `/n/${encodeURIComponent(slug)}/registry/files/${kind}${q({ format })}`,
  plugins: (slug: string) => `/n/${encodeURIComponent(slug)}/plugins`,
  pluginAdmin: (slug: string, pluginId: string) =>
    `/n/${encodeURIComponent(slug)}/plugins/${encodeURIComponent(pluginId)}`,
  /** A plugin's page; `path` is the page's path inside the plugin as `pluginPath()` builds it (`/`, `/manage`). */
  pluginPage: (slug: string, pluginId: string, path = '/') => pluginPagePath('member', slug, pluginId, path),
  /** A plugin's public page (no sign-in), e.g. a receipt check. */
  publicPluginPage: (slug: string, pluginId: string, path = '/') => pluginPagePath('public', slug, pluginId, path),
  /** A plugin's read-only page for the 街道/社区 staff above the neighbourhood. */
  supervisionPluginPage: (slug: string, pluginId: string, path = '/') =>
    pluginPagePath('supervision', slug, pluginId, path),
  /** The businesses the visitor acts for, and registering one. */
  vendor: () => '/vendor',
  organisation: (organisationId: string) => `/vendor/${encodeURIComponent(organisationId)}`,
  /** A plugin's page for an organisation's staff. */
  organisationPluginPage: (organisationId: string, pluginId: string, path = '/') =>
    pluginPagePath('organisation', organisationId, pluginId, path),
  operatorPlugins: () => '/operator/plugins',
  audit: (slug: string, cursor?: string) => `/n/${encodeURIComponent(slug)}/audit${q({ cursor })}`,
  supervision: () => '/supervision',
  supervisionApplications: () => '/supervision/applications',
  supervisionNeighbourhood: (slug: string) => `/supervision/neighbourhoods/${encodeURIComponent(slug)}`,
  regions: () => '/operator/regions',
};

/** Only local paths are followed after sign-in (no open redirects). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : routes.home();
}
