import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import { fields } from '#lib/server/forms.ts';
import type { RequestHandler } from './$types';

/** A form post that answers with the letters' PDF, so printing works without JavaScript. */
export const POST: RequestHandler = async (event) => {
  const values = fields(await event.request.formData(), ['buildingId', 'validDays'] as const);
  const res = await apiFor(event).api.v1.t[':tenant'].registry.letters.$post({
    param: { tenant: event.params.tenant },
    json: { buildingId: values.buildingId || null, validDays: Number(values.validDays) || 30 },
  });
  return passFile(res);
};
