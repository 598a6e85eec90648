import { z } from '@hono/zod-openapi';
import { NoticeSchema } from '@city/contracts';
import { errorResponses, json } from '../../lib/route.ts';

export const noticeList = z.object({ items: z.array(NoticeSchema) });

/** Answers of the routes that change one notice. */
export const noticeWriteResponses = {
  200: json(NoticeSchema),
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};
