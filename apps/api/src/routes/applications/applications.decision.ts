import { z } from '@hono/zod-openapi';
import { ApplicationSchema, IdSchema } from '@city/contracts';
import { errorResponses, json } from '../../lib/route.ts';

/** What approving and rejecting share: the application in the path, and the answers. */
export const decisionParams = z.object({ applicationId: IdSchema });

export const decisionResponses = {
  200: json(ApplicationSchema),
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};
