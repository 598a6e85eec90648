/**
 * Paths inside the plugin, for `kit.href` and action redirects (both encode each segment, so these do not), and the
 * public addresses members are sent to. The public ones mirror the server's `links.ts`: the portal serves public
 * plugin pages at /p/:tenant/apps/voting and passes public files through under /files.
 */
export const paths = {
  topics: () => '/',
  topic: (topicId: string) => `/topics/${topicId}`,
  reports: () => '/reports',
  meetings: () => '/meetings',
  meeting: (meetingId: string) => `/meetings/${meetingId}`,
  manage: (meetingId: string) => `/meetings/${meetingId}/manage`,
};

const seg = encodeURIComponent;
const publicBase = (tenant: string) => `/p/${seg(tenant)}/apps/voting`;

/** Files of the member API, passed through by the portal under the plugin's member pages (exports after the count). */
export const memberFiles = {
  results: (tenant: string, meetingId: string, format: 'csv' | 'xlsx') =>
    `/n/${seg(tenant)}/p/voting/files/meetings/${seg(meetingId)}/results?format=${format}`,
};

export const publicUrls = {
  verify: (tenant: string, receipt?: string) =>
    `${publicBase(tenant)}/verify${receipt ? `?receipt=${seg(receipt)}` : ''}`,
  resultPdf: (tenant: string, meetingId: string) => `${publicBase(tenant)}/files/meetings/${seg(meetingId)}/result.pdf`,
};

/** A GET link to the page itself with some query parameters (empty values dropped). */
export function withQuery(params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const text = query.toString();
  return text ? `?${text}` : '?';
}
