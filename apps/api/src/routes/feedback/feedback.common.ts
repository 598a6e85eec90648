import { IdSchema } from '@city/contracts';
import type { FeedbackViewer } from '@city/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { actorOf } from '../../lib/request-meta.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const reportParams = tenantParams.extend({ reportId: IdSchema });
export const handlingUnitParams = tenantParams.extend({ handlingUnitId: IdSchema });

export const viewerOf = (c: Context<AppEnv>): FeedbackViewer => ({
  userId: actorOf(c).id,
  roles: c.get('member').roles,
});
