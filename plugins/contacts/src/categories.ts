/** Kinds of numbers, in the order residents look for them. */
export const CATEGORIES = ['property', 'community', 'police', 'medical', 'repair', 'utility', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
