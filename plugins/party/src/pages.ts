/** The plugin's pages, as patterns (the keys of its page maps), for its navigation and its pages' links. */
export const PAGES = {
  home: '/',
  /** A member's own commitments, points and the needs they pass on. */
  mine: '/my',
  activities: '/activities',
  branch: '/branch',
  members: '/branch/members',
  commitments: '/branch/commitments',
  points: '/branch/points',
  branchActivities: '/branch/activities',
  branchActivity: '/branch/activities/[activityId]',
  duties: '/branch/duties',
} as const;

/** Its pages for the staff of a 街道 or 社区 (region pages). */
export const REGION_PAGES = {
  home: '/',
  branch: '/branches/[tenantId]',
} as const;

/** The files its member API serves (photos), for `kit.fileHref`. */
export const FILES = {
  photo: '/photos/[partyPhotoId]',
} as const;
