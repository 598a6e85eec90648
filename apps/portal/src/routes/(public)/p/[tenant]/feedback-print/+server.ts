import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** The closed 码上提 reports as a printable PDF (with a QR code back to the page). */
export const GET: RequestHandler = async (event) =>
  passFile(
    await apiFor(event).api.v1.public.n[':tenant']['feedback.pdf'].$get({ param: { tenant: event.params.tenant } }),
  );
