import { z } from '@hono/zod-openapi';
import { IdSchema, VerificationSchema } from '@city/contracts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const verificationParams = tenantParams.extend({ verificationId: IdSchema });
export const verificationList = z.object({ items: z.array(VerificationSchema) }).openapi('VerificationList');
