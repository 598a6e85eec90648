import { INACTIVITY_TIMEOUT_MS } from '@city/auth';
import { schema } from '@city/db';
import { lt } from 'drizzle-orm';
import type { Services } from './services.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets what can no longer matter: sessions idle past their timeout, one-time codes older than a day, rate
 * windows that ended a day ago. Safe to run on any instance at any time; the API runs it hourly.
 */
export async function pruneExpired(services: Pick<Services, 'db' | 'clock' | 'limiter'>) {
  const now = services.clock.now().getTime();
  await services.db
    .delete(schema.sessions)
    .where(lt(schema.sessions.lastVerifiedAt, new Date(now - INACTIVITY_TIMEOUT_MS)));
  await services.db.delete(schema.phoneCodes).where(lt(schema.phoneCodes.createdAt, new Date(now - DAY_MS)));
  await services.limiter.prune();
}
