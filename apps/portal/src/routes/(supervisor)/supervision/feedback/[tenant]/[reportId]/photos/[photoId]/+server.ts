import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** A photo of a report of the branch, read only. */
export const GET: RequestHandler = async (event) =>
  passFile(
    await apiFor(event).api.v1.supervision.neighbourhoods[':tenant'].feedback[':reportId'].photos[':photoId'].$get({
      param: { tenant: event.params.tenant, reportId: event.params.reportId, photoId: event.params.photoId },
    }),
  );
