import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';

/** What approving, rejecting and reading the applicant's number share: the application in the path. */
export const decisionParams = z.object({ applicationId: IdSchema });
