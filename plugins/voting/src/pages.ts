/**
 * The plugin's addresses, as patterns: its portal pages (the keys of its page map) and the files its API serves
 * (passed through under its pages). Server and portal code fill them through the SDK's links (`ctx.links`,
 * `kit.href`), so neither writes an address by hand.
 */
export const PAGES = {
  topics: '/',
  topic: '/topics/[topicId]',
  reports: '/reports',
  meetings: '/meetings',
  meeting: '/meetings/[meetingId]',
  manage: '/meetings/[meetingId]/manage',
  /** Public: anyone checks a receipt and recomputes the chain. */
  verify: '/verify',
  /** For 街道/社区 staff. */
  supervision: '/',
} as const;

export const FILES = {
  /** The ballots' export after the count (members; `?format=csv|xlsx`). */
  results: '/meetings/[meetingId]/results',
  /** The printable result notice (public). */
  resultPdf: '/meetings/[meetingId]/result.pdf',
  /** The bulletin board, one JSON document (public; the standalone verifier reads it). */
  board: '/meetings/[meetingId]/board.json',
} as const;
