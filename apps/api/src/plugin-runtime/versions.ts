import type { Clock } from '@city/auth';
import { schema, type Database } from '@city/db';
import { eq } from 'drizzle-orm';

/** The platform's say on plugin versions: operators withdraw a version (no new installs) or make it available again. */
export class PluginVersions {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Withdrawn versions with the operator's reason, read on the given connection or transaction. */
  withdrawn(db: Pick<Database, 'select'> = this.db) {
    return db.select().from(schema.pluginVersions).where(eq(schema.pluginVersions.status, 'withdrawn'));
  }

  async set(
    pluginId: string,
    version: string,
    input: { status: 'available' | 'withdrawn'; reason?: string | undefined },
    operatorId: string,
  ) {
    const values = {
      status: input.status,
      reason: input.reason ?? null,
      changedBy: operatorId,
      changedAt: this.clock.now(),
    };
    await this.db
      .insert(schema.pluginVersions)
      .values({ pluginId, version, ...values })
      .onConflictDoUpdate({ target: [schema.pluginVersions.pluginId, schema.pluginVersions.version], set: values });
  }
}
