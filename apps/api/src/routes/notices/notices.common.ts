import { z } from '@hono/zod-openapi';
import { NoticeSchema } from '@city/contracts';
import { json } from '@city/contracts/routes';

export const noticeList = z.object({ items: z.array(NoticeSchema) });

/** The answer of the routes that change one notice: the notice as it now stands. */
export const noticeWritten = json(NoticeSchema);
