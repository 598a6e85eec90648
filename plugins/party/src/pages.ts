/** The plugin's pages, as patterns (the keys of its page maps), for its navigation and its pages' links. */
export const PAGES = {
  home: '/',
  branch: '/branch',
  members: '/branch/members',
} as const;

/** Its pages for the staff of a 街道 or 社区 (region pages). */
export const REGION_PAGES = {
  home: '/',
} as const;
