import { IdSchema, PeriodSchema } from '@city/contracts';
import { z } from '@hono/zod-openapi';
import { tenantParams } from '../../lib/tenant-params.ts';

export const entryParams = tenantParams.extend({ ledgerEntryId: IdSchema });
export const expenseParams = tenantParams.extend({ expenseId: IdSchema });
export const dividendParams = tenantParams.extend({ dividendId: IdSchema });
export const seatParams = tenantParams.extend({ seatId: IdSchema });
export const periodParams = tenantParams.extend({
  period: PeriodSchema.openapi({ param: { name: 'period', in: 'path' } }),
});
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
