/** Plain values of the plugin, for server and portal alike (no zod: the portal's pages import them). */

/** How an owner answers a motion; 废票 (`invalid`) only on paper. */
export const CHOICES = ['agree', 'oppose', 'abstain', 'invalid'] as const;

/** How much of the ballots a meeting's export shows: names, rooms, or totals only. */
export const DISCLOSURES = ['named', 'room', 'hidden'] as const;

/** A meeting's stored status as the clock shows it: `ended` is an open meeting past its closing time, not yet counted. */
export const MEETING_PHASES = ['draft', 'announced', 'open', 'ended', 'closed'] as const;
