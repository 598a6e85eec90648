import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';

/** `:tenant` is the neighbourhood's slug; authorize() resolves it before validation runs. */
export const tenantParams = z.object({
  tenant: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'tenant', in: 'path' }, example: 'jinsejiayuan' }),
});

export const memberParams = tenantParams.extend({ memberId: IdSchema });
export const invitationParams = tenantParams.extend({ invitationId: IdSchema });
export const noticeParams = tenantParams.extend({ noticeId: IdSchema });
export const buildingParams = tenantParams.extend({ buildingId: IdSchema });
export const unitParams = tenantParams.extend({ unitId: IdSchema });
export const ownerParams = tenantParams.extend({ ownerId: IdSchema });
