import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';
import { errorResponses } from '../../lib/route.ts';

export const staffParams = z.object({ regionId: IdSchema });
export const operatorErrors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };
