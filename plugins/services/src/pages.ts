/**
 * The plugin's addresses, as patterns: its portal pages (the keys of its page maps) and the files its API serves
 * (passed through under its pages). Portal code fills them through the kit's links, so none writes an address by hand.
 */
export const PAGES = {
  browse: '/',
  offering: '/offerings/[offeringId]',
  orders: '/orders',
  order: '/orders/[orderId]',
  admin: '/admin',
} as const;

/** The business centre's pages (organisation pages). */
export const VENDOR_PAGES = {
  home: '/',
  profile: '/profile',
  offerings: '/offerings',
  orders: '/orders',
  reviews: '/reviews',
} as const;

export const FILES = {
  /** An offering's photo. */
  image: '/images/[imageId]',
} as const;
