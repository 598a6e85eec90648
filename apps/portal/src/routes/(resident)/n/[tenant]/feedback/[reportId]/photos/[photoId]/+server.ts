import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** A report's photo, from the API to whoever may read the report. */
export const GET: RequestHandler = async (event) =>
  passFile(
    await apiFor(event).api.v1.t[':tenant'].feedback[':reportId'].photos[':photoId'].$get({
      param: { tenant: event.params.tenant, reportId: event.params.reportId, photoId: event.params.photoId },
    }),
  );
