/** The plugin's pages, as patterns (the keys of its page map), for its manifest's navigation and its pages' links. */
export const PAGES = {
  directory: '/',
  manage: '/manage',
} as const;
