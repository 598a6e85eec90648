import { pluginPagePath, queryString as q } from '@city/plugin-sdk/links';
import type { AuditLinkQuery } from '#lib/audit/filters.ts';

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
  myData: () => '/account/my-data',
  notifications: (query: { cursor?: string; unread?: boolean } = {}) =>
    `/notifications${q({ cursor: query.cursor, unread: query.unread ? 'true' : undefined })}`,
  notificationSettings: () => '/account/notifications',
  notificationStream: () => '/notifications/stream',
  myDataDownload: () => '/account/my-data/download',
  resetPassword: () => '/reset-password',
  neighbourhood: (slug: string) => `/n/${encodeURIComponent(slug)}`,
  members: (slug: string, query: { cursor?: string; q?: string; role?: string } = {}) =>
    `/n/${encodeURIComponent(slug)}/members${q(query)}`,
  invitations: (slug: string) => `/n/${encodeURIComponent(slug)}/invitations`,
  notice: (slug: string, id: string) => `/n/${encodeURIComponent(slug)}/notices/${encodeURIComponent(id)}`,
  manageNotices: (slug: string, correct?: string) => `/n/${encodeURIComponent(slug)}/notices${q({ correct })}`,
  registry: (slug: string) => `/n/${encodeURIComponent(slug)}/registry`,
  building: (slug: string, buildingId: string) =>
    `/n/${encodeURIComponent(slug)}/registry/${encodeURIComponent(buildingId)}`,
  unit: (slug: string, unitId: string) => `/n/${encodeURIComponent(slug)}/registry/units/${encodeURIComponent(unitId)}`,
  publicBoard: (slug: string) => `/p/${encodeURIComponent(slug)}`,
  publicBoardPdf: (slug: string) => `/p/${encodeURIComponent(slug)}/print`,
  publicFeedbackPdf: (slug: string) => `/p/${encodeURIComponent(slug)}/feedback-print`,
  /** 码上提 without an account (the QR code's page for someone not signed in). */
  phoneFeedback: (slug: string, building?: string) => `/p/${encodeURIComponent(slug)}/feedback${q({ building })}`,
  /** A report followed by its tracking link (core's trackingPath: the address texted to the reporter). */
  feedbackTrack: (slug: string, token: string) =>
    `/p/${encodeURIComponent(slug)}/feedback/${encodeURIComponent(token)}`,
  feedbackTrackPhoto: (slug: string, token: string, photoId: string) =>
    `/p/${encodeURIComponent(slug)}/feedback/${encodeURIComponent(token)}/photos/${encodeURIComponent(photoId)}`,
  myUnits: (slug: string, code?: string) => `/n/${encodeURIComponent(slug)}/my${q({ code })}`,
  claim: (slug: string, code?: string) => `/claim/${encodeURIComponent(slug)}${q({ code })}`,
  verifications: (slug: string, query: { cursor?: string; q?: string } = {}) =>
    `/n/${encodeURIComponent(slug)}/verifications${q(query)}`,
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
  vendorFeedback: (organisationId: string) => `/vendor/${encodeURIComponent(organisationId)}/feedback`,
  vendorFeedbackReport: (organisationId: string, slug: string, id: string) =>
    `/vendor/${encodeURIComponent(organisationId)}/feedback/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`,
  /** A plugin's page for an organisation's staff. */
  organisationPluginPage: (organisationId: string, pluginId: string, path = '/') =>
    pluginPagePath('organisation', organisationId, pluginId, path),
  operatorPlugins: () => '/operator/plugins',
  operatorDeliveries: () => '/operator/deliveries',
  operatorCalendar: () => '/operator/calendar',
  feedback: (slug: string) => `/n/${encodeURIComponent(slug)}/feedback`,
  feedbackReport: (slug: string, id: string) => `/n/${encodeURIComponent(slug)}/feedback/${encodeURIComponent(id)}`,
  feedbackPhoto: (slug: string, id: string, photoId: string) =>
    `/n/${encodeURIComponent(slug)}/feedback/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`,
  feedbackSetup: (slug: string) => `/n/${encodeURIComponent(slug)}/feedback-setup`,
  feedbackPosters: (slug: string) => `/n/${encodeURIComponent(slug)}/feedback-setup/posters`,
  neighbourhoodNotifications: (slug: string) => `/n/${encodeURIComponent(slug)}/notifications`,
  /** 公共收益: the ledger every member reads, its entries, expenses and statements, and the treasurers' area. */
  ledger: (slug: string) => `/n/${encodeURIComponent(slug)}/ledger`,
  ledgerEntries: (slug: string, query: { period?: string | undefined; before?: number | undefined } = {}) =>
    `/n/${encodeURIComponent(slug)}/ledger/entries${q({ period: query.period, before: query.before?.toString() })}`,
  ledgerEntry: (slug: string, id: string) => `/n/${encodeURIComponent(slug)}/ledger/entries/${encodeURIComponent(id)}`,
  ledgerExpense: (slug: string, id: string) =>
    `/n/${encodeURIComponent(slug)}/ledger/expenses/${encodeURIComponent(id)}`,
  ledgerStatement: (slug: string, range: { from?: string | undefined; to?: string | undefined } = {}) =>
    `/n/${encodeURIComponent(slug)}/ledger/statement${q({ from: range.from, to: range.to })}`,
  ledgerStatementFile: (slug: string, range: { from: string; to: string }, format: 'pdf' | 'xlsx') =>
    `/n/${encodeURIComponent(slug)}/ledger/statement/export${q({ from: range.from, to: range.to, format })}`,
  ledgerDocument: (slug: string, id: string) =>
    `/n/${encodeURIComponent(slug)}/ledger/documents/${encodeURIComponent(id)}`,
  ledgerKeep: (slug: string) => `/n/${encodeURIComponent(slug)}/ledger/keep`,
  ledgerJournal: (slug: string) => `/n/${encodeURIComponent(slug)}/ledger/keep/journal`,
  /**
   * A distribution's shares, found by `q`, in one payment state, from `cursor` on; with `action`, the address its
   * form posts to, keeping the filter so the page answers with the same shares (with or without JavaScript).
   */
  ledgerDividend: (
    slug: string,
    id: string,
    query: { q?: string | undefined; state?: string | undefined; cursor?: string | undefined } = {},
    action?: 'pay',
  ) => {
    const search = q({ q: query.q || undefined, state: query.state, cursor: query.cursor });
    const named = action ? `${search ? '&' : '?'}/${action}` : '';
    return `/n/${encodeURIComponent(slug)}/ledger/keep/dividends/${encodeURIComponent(id)}${search}${named}`;
  },
  /** Third-party audit reports: the treasurers upload them (each goes to 公示 at once). */
  ledgerAuditReports: (slug: string) => `/n/${encodeURIComponent(slug)}/ledger/keep/audit-reports`,
  ledgerSettings: (slug: string, query?: string) =>
    `/n/${encodeURIComponent(slug)}/ledger/keep/settings${q({ q: query || undefined })}`,
  /** 业主委员会: the 筹备组 and its clock, the term and its 备案, the seats and the supervisors' evaluations. */
  committee: (slug: string) => `/n/${encodeURIComponent(slug)}/committee`,
  committeeManage: (slug: string) => `/n/${encodeURIComponent(slug)}/committee/manage`,
  committeeEvaluate: (slug: string) => `/n/${encodeURIComponent(slug)}/committee/evaluate`,
  /** The audit trail, narrowed by who acted, what they did (an action or `<area>.*`) and Beijing days. */
  audit: (slug: string, query: AuditLinkQuery = {}) => `/n/${encodeURIComponent(slug)}/audit${q(query)}`,
  supervision: () => '/supervision',
  supervisionApplications: () => '/supervision/applications',
  supervisionFeedback: () => '/supervision/feedback',
  supervisionFeedbackExport: () => '/supervision/feedback/export',
  /** Each neighbourhood's 筹备组 clock, 备案, term and vacancies. */
  supervisionCommittees: () => '/supervision/committees',
  supervisionFeedbackReport: (slug: string, id: string) =>
    `/supervision/feedback/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`,
  /** 街道 departments: the streets one sets them up for, and the departments one acts for. */
  supervisionDepartments: () => '/supervision/departments',
  streetDepartments: (regionId: string) => `/supervision/departments/street/${encodeURIComponent(regionId)}`,
  departmentFeedback: (departmentId: string) => `/supervision/departments/${encodeURIComponent(departmentId)}`,
  departmentFeedbackReport: (departmentId: string, slug: string, id: string) =>
    `/supervision/departments/${encodeURIComponent(departmentId)}/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`,
  supervisionNeighbourhood: (slug: string) => `/supervision/neighbourhoods/${encodeURIComponent(slug)}`,
  /** A supervised neighbourhood's audit trail, read-only, narrowed as its admins narrow theirs. */
  supervisionAudit: (slug: string, query: AuditLinkQuery = {}) =>
    `/supervision/neighbourhoods/${encodeURIComponent(slug)}/audit${q(query)}`,
  /** A plugin's page for the staff of a region (and of the regions above it). */
  regionPluginPage: (regionId: string, pluginId: string, path = '/') =>
    pluginPagePath('region', regionId, pluginId, path),
  regions: () => '/operator/regions',
};

/** `//` and `/\` start another host's address (a backslash reads as a slash); control characters end a header. */
const OFF_SITE = /^\/[/\\]|[\\\p{Cc}]/u;
const PORTAL = 'http://portal.invalid';

/**
 * Where to go after a form that names its own way back (`next=` after sign-in or sign-up, `back=` after switching
 * language): only a path of this site, else `fallback`. Anything not starting with a single `/` (`https://…`,
 * `javascript:`), `//` or `/\`, a backslash or control character anywhere, or one hidden in percent-encoding in the
 * path (`/%5Cevil`, `/%2F%2Fevil`) falls back, never an error. The path comes back as a URL encodes it, so a raw
 * Chinese character cannot break the Location header either.
 */
export function safeNext(target: string | null | undefined, fallback: string = routes.home()): string {
  if (!target?.startsWith('/') || OFF_SITE.test(target)) return fallback;
  let path: string;
  try {
    path = decodeURIComponent(target.split(/[?#]/)[0]!);
  } catch {
    return fallback;
  }
  if (OFF_SITE.test(path)) return fallback;
  const url = new URL(target, PORTAL);
  // Resolving dot segments can make a `//` (`/a/../..//evil.example`): checked again as it will be sent.
  const resolved = url.pathname + url.search + url.hash;
  return url.origin === PORTAL && !OFF_SITE.test(resolved) ? resolved : fallback;
}
