import { z } from '@hono/zod-openapi';
import { IdSchema, maskPhone } from '@city/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { serialize } from '../../lib/serialize.ts';

export const organisationParams = z.object({ organisation: IdSchema.openapi({ description: 'Organisation id' }) });
export const staffParams = organisationParams.extend({ userId: IdSchema });

/** The route's organisation and the caller's role, as authorize() found them. */
export const organisationOf = (c: Context<AppEnv>) => c.get('organisation');

/** A staff row as lists show it: the phone number masked. */
export const staffView = (row: {
  userId: string;
  displayName: string;
  phone: string;
  role: 'owner' | 'manager' | 'staff';
  addedAt: Date;
}) => serialize({ ...row, phone: maskPhone(row.phone) });
