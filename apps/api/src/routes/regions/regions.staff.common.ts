import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';

export const staffParams = z.object({ regionId: IdSchema });
