import type { complaints } from '../schema.ts';

export const complaintView = (row: typeof complaints.$inferSelect, offeringTitle: string) => ({
  id: row.id,
  orderId: row.orderId,
  organisationId: row.organisationId,
  vendorName: row.vendorName,
  residentName: row.residentName,
  offeringTitle,
  body: row.body,
  status: row.status,
  resolution: row.resolution,
  resolvedByName: row.resolvedByName,
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  feedback: row.feedbackNumber && row.feedbackLink ? { number: row.feedbackNumber, link: row.feedbackLink } : null,
  createdAt: row.createdAt.toISOString(),
});
