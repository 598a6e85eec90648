import type { AuditEntryView, AuditFacets, AuditVerdict } from '@city/contracts';

/** What a reader narrows an audit trail by, as the address carries it (so a filtered view can be shared and paged). */
export const AUDIT_FILTERS = ['actor', 'action', 'from', 'to'] as const;

/** The filters as asked, each '' when not. */
export type AuditAsked = Record<(typeof AUDIT_FILTERS)[number], string>;

/** A trail's address: who acted, what they did (an action or `<area>.*`), Beijing days, and where to page on from. */
export type AuditLinkQuery = Partial<AuditAsked> & { cursor?: string };

/** One page of a trail as the pages load it, for AuditTrail to show. */
export interface AuditTrailView {
  page: { items: AuditEntryView[]; nextCursor: string | null };
  verdict: AuditVerdict;
  facets: AuditFacets;
  asked: AuditAsked;
  cursor: string;
  /** The filters the API refused, by field, in its words; null when it answered. */
  refused: Record<string, string> | null;
}

/** Whether any filter is asked. */
export const isFiltered = (asked: AuditAsked) => Object.values(asked).some(Boolean);
