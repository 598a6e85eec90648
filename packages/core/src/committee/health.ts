import type { Clock } from '@city/auth';
import { schema, withSupervision, type Database } from '@city/db';
import { asc, sql } from 'drizzle-orm';
import { beijingDate } from '../calendar/index.ts';
import type { Principal } from '../applications.ts';
import type { Supervision } from '../supervision.ts';
import { governance } from './governance.ts';

/**
 * What 社区/街道 staff see of the bodies of the neighbourhoods in their branch: the 筹备组's 90-day clock, the
 * committee's 备案 (overdue flagged), its term and its empty seats. Read in their supervision scope only.
 */
export class CommitteeHealth {
  private readonly deps: { db: Database; clock: Clock; supervision: Supervision };

  constructor(deps: CommitteeHealth['deps']) {
    this.deps = deps;
  }

  async list(actor: Principal) {
    const today = beijingDate(this.deps.clock.now());
    const rows = [];
    for (const regionId of await this.deps.supervision.branches(actor)) {
      rows.push(
        ...(await withSupervision(this.deps.db, regionId, async (tx) => {
          const tenants = await tx
            .select({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
            .from(schema.tenants)
            .where(sql`${schema.tenants.id} = any(app_supervised_tenants())`)
            .orderBy(asc(schema.tenants.name));
          const found = [];
          for (const tenant of tenants)
            found.push({
              neighbourhood: { slug: tenant.slug, name: tenant.name },
              governance: await governance(tx, today, tenant.id),
            });
          return found;
        })),
      );
    }
    return [...new Map(rows.map((row) => [row.neighbourhood.slug, row])).values()];
  }
}
