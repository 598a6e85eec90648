import { z } from '@hono/zod-openapi';

/** The meeting a route is about (`/meetings/{meetingId}/…`). */
export const meetingParams = z.object({ meetingId: z.uuid() });
