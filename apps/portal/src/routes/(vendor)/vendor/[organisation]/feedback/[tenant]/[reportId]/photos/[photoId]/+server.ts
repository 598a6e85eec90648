import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** A photo of a report assigned to the business. */
export const GET: RequestHandler = async (event) =>
  passFile(
    await apiFor(event).api.v1.organisations[':organisation'].feedback[':tenant'][':reportId'].photos[':photoId'].$get({
      param: {
        organisation: event.params.organisation,
        tenant: event.params.tenant,
        reportId: event.params.reportId,
        photoId: event.params.photoId,
      },
    }),
  );
