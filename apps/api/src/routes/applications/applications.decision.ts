import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';

/** What approving and rejecting share: the application in the path. */
export const decisionParams = z.object({ applicationId: IdSchema });
