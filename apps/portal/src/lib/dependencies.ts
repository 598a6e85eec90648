/** The root layout's data depends on this: invalidating it refreshes `me` (and the header's unread count). */
export const ME_DEPENDENCY = 'app:me';
