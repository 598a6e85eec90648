import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** A photo of a report, to the holder of its tracking link. */
export const GET: RequestHandler = async (event) =>
  passFile(
    await apiFor(event).api.v1.public.n[':tenant'].feedback.track[':token'].photos[':photoId'].$get({
      param: event.params,
    }),
  );
