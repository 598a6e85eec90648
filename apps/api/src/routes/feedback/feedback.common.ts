import { IdSchema } from '@city/contracts';
import type { FeedbackViewer } from '@city/core';
import { uploadHeaders } from '@city/plugin-sdk/server';
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

/** A report's photo as kept: its stored type, nosniff, inline, cached for good (a photo's id never changes). */
export const photoResponse = (c: Context<AppEnv>, photoId: string, photo: { contentType: string; bytes: Uint8Array }) =>
  c.body(new Uint8Array(photo.bytes), 200, uploadHeaders(photo.contentType, `feedback-${photoId}`));
