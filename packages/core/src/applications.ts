import type { ApplicationStatus } from '@city/contracts';
import { isUniqueViolation, schema, withTenant, type Database } from '@city/db';
import { and, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '@city/auth';
import { audit } from './audit.ts';
import { AppError } from './errors.ts';
import { nameKey, slugFromName } from './names.ts';
import type { Regions } from './regions.ts';

export interface Principal {
  id: string;
  phone: string;
  displayName: string;
  isPlatformOperator: boolean;
}

const community = alias(schema.regions, 'community');
const street = alias(schema.regions, 'street');
const a = schema.neighbourhoodApplications;

const applicationColumns = {
  id: a.id,
  name: a.name,
  address: a.address,
  communityId: a.communityId,
  communityName: community.name,
  streetId: street.id,
  districtId: street.parentId,
  streetName: street.name,
  applicantUserId: a.applicantUserId,
  applicantName: a.applicantName,
  applicantPhone: a.applicantPhone,
  note: a.note,
  status: a.status,
  reason: a.reason,
  decidedAt: a.decidedAt,
  tenantSlug: schema.tenants.slug,
  createdAt: a.createdAt,
};

/**
 * Applications to open a neighbourhood. Staff of its 社区, 街道 or 区 (or a platform operator) decide;
 * approval creates the tenant and its first admin in one transaction.
 */
export class Applications {
  private readonly db: Database;
  private readonly regions: Regions;
  private readonly clock: Clock;

  constructor(db: Database, regions: Regions, clock: Clock) {
    this.db = db;
    this.regions = regions;
    this.clock = clock;
  }

  async create(
    actor: Principal,
    input: { name: string; address: string; communityId: string; applicantName: string; note?: string | undefined },
  ) {
    const [target] = await this.db.select().from(schema.regions).where(eq(schema.regions.id, input.communityId));
    if (!target || target.kind !== 'community') {
      throw new AppError('region_invalid', {
        detail: { 'zh-CN': '请选择小区所在的社区', en: 'Choose the community the neighbourhood belongs to' },
      });
    }
    try {
      const [row] = await this.db
        .insert(a)
        .values({
          name: input.name,
          nameKey: nameKey(input.name),
          address: input.address,
          communityId: input.communityId,
          applicantUserId: actor.id,
          applicantName: input.applicantName,
          applicantPhone: actor.phone,
          note: input.note ?? null,
          createdAt: this.clock.now(),
        })
        .returning({ id: a.id });
      return await this.get(row!.id);
    } catch (error) {
      if (isUniqueViolation(error, 'applications_live_name')) {
        throw new AppError('application_duplicate', {
          detail: {
            'zh-CN': `「${input.name}」在该社区已有待审核或已通过的申请`,
            en: `"${input.name}" already has a pending or approved application in this community`,
          },
        });
      }
      throw error;
    }
  }

  mine(userId: string) {
    return this.query(eq(a.applicantUserId, userId));
  }

  /** Applications in the caller's branch of the tree (every one for operators), newest first. */
  async forSupervisor(actor: Principal, status?: ApplicationStatus) {
    const scope = await this.scopeCondition(actor);
    if (!scope) return [];
    return this.query(status ? and(scope, eq(a.status, status))! : scope);
  }

  async approve(actor: Principal, id: string, requestedSlug?: string) {
    const application = await this.decidable(actor, id);
    const tenantId = uuidv7();
    const now = this.clock.now();
    const slug = requestedSlug ?? (await this.freeSlug(slugFromName(application.name)));
    try {
      await withTenant(this.db, tenantId, async (tx) => {
        await tx.insert(schema.tenants).values({
          id: tenantId,
          slug,
          name: application.name,
          address: application.address,
          communityId: application.communityId,
          streetId: application.streetId,
          districtId: application.districtId!,
          createdAt: now,
        });
        // Guarded on 'pending': of two concurrent approvals only one updates a row; the other rolls back.
        const decided = await tx
          .update(a)
          .set({ status: 'approved', decidedBy: actor.id, decidedAt: now, tenantId })
          .where(and(eq(a.id, id), eq(a.status, 'pending')))
          .returning({ id: a.id });
        if (!decided.length) throw new AppError('application_decided');
        await tx.insert(schema.members).values({
          tenantId,
          userId: application.applicantUserId,
          displayName: application.applicantName,
          roles: ['admin'],
          joinedAt: now,
        });
        await audit(
          tx,
          { tenantId, actor: { id: actor.id, displayName: actor.displayName }, at: now },
          {
            action: 'tenant.opened',
            targetType: 'tenant',
            targetId: tenantId,
            details: { applicationId: id, name: application.name, slug, admin: application.applicantName },
          },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenants_slug_unique')) throw new AppError('slug_taken');
      throw error;
    }
    return this.get(id);
  }

  async reject(actor: Principal, id: string, reason: string) {
    await this.decidable(actor, id);
    const decided = await this.db
      .update(a)
      .set({ status: 'rejected', decidedBy: actor.id, decidedAt: this.clock.now(), reason })
      .where(and(eq(a.id, id), eq(a.status, 'pending')))
      .returning({ id: a.id });
    if (!decided.length) throw new AppError('application_decided');
    return this.get(id);
  }

  /** An application the caller may decide; outside their branch it does not exist for them. */
  private async decidable(actor: Principal, id: string) {
    const scope = await this.scopeCondition(actor);
    const [application] = scope ? await this.query(and(eq(a.id, id), scope)!) : [];
    if (!application) throw new AppError('not_found');
    if (application.status !== 'pending') throw new AppError('application_decided');
    return application;
  }

  private async get(id: string) {
    const [application] = await this.query(eq(a.id, id));
    if (!application) throw new AppError('not_found');
    return application;
  }

  private async scopeCondition(actor: Principal): Promise<SQL | undefined> {
    if (actor.isPlatformOperator) return eq(a.id, a.id);
    const ids = (await this.regions.staffRegions(actor.id)).map((r) => r.id);
    if (!ids.length) return undefined;
    return or(inArray(community.id, ids), inArray(street.id, ids), inArray(street.parentId, ids));
  }

  private query(where: SQL) {
    return this.db
      .select(applicationColumns)
      .from(a)
      .innerJoin(community, eq(community.id, a.communityId))
      .innerJoin(street, eq(street.id, community.parentId))
      .leftJoin(schema.tenants, eq(schema.tenants.id, a.tenantId))
      .where(where)
      .orderBy(desc(a.createdAt));
  }

  private async freeSlug(base: string): Promise<string> {
    const rows = await this.db
      .select({ slug: schema.tenants.slug })
      .from(schema.tenants)
      .where(or(eq(schema.tenants.slug, base), like(schema.tenants.slug, `${base}-%`)));
    const taken = new Set(rows.map((t) => t.slug));
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
}
