/** Lists are cursor-paged (docs/architecture.md §4): a page holds at most this many items; more is refused (400). */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;
