import { maskPhone, type ApplicationStatus } from '@city/contracts';
import { isUniqueViolation, schema, withPerson, type Database, type Tx } from '@city/db';
import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '@city/auth';
import { openChart } from './ledger/accounts.ts';
import { audit } from './audit.ts';
import { AppError } from './errors.ts';
import { nameKey, slugFromName } from './names.ts';

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

type ApplicationRow = Awaited<ReturnType<typeof select>>[number];

/** The applications of the caller's branch of the tree, as the database computes it (migration 0017). */
const reviewed = sql`${a.communityId} = any((select app_reviewed_communities())::uuid[])`;

function select(tx: Tx, where: SQL) {
  return tx
    .select(applicationColumns)
    .from(a)
    .innerJoin(community, eq(community.id, a.communityId))
    .innerJoin(street, eq(street.id, community.parentId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, a.tenantId))
    .where(where)
    .orderBy(desc(a.createdAt));
}

/** Every answer shows the applicant's number masked (PIPL, docs/domain.md §5.2); `contact` is the audited way to it. */
const view = (row: ApplicationRow) => ({ ...row, applicantPhone: maskPhone(row.applicantPhone) });

/**
 * Applications to open a neighbourhood. Staff of its 社区, 街道 or 区 (or a platform operator) decide; approval creates
 * the tenant and its first admin in one transaction. Every read and write runs as the person (withPerson), under
 * the table's forced row-level security: the applicant reaches their own applications, the staff those of their
 * branch, nobody anything else — whatever a query here asks for.
 */
export class Applications {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
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
      return await withPerson(this.db, { userId: actor.id }, async (tx) => {
        const [row] = await tx
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
        return view((await select(tx, eq(a.id, row!.id)))[0]!);
      });
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

  async mine(userId: string) {
    const rows = await withPerson(this.db, { userId }, (tx) => select(tx, eq(a.applicantUserId, userId)));
    return rows.map(view);
  }

  /** Applications in the caller's branch of the tree (every one for operators), newest first. */
  async forSupervisor(actor: Principal, status?: ApplicationStatus) {
    const rows = await withPerson(this.db, { userId: actor.id }, (tx) =>
      select(tx, status ? and(reviewed, eq(a.status, status))! : reviewed),
    );
    return rows.map(view);
  }

  async approve(actor: Principal, id: string, requestedSlug?: string) {
    const pending = await this.decidable(actor, id);
    const tenantId = uuidv7();
    const now = this.clock.now();
    const slug = requestedSlug ?? (await this.freeSlug(slugFromName(pending.name)));
    try {
      // As the reviewer, inside the neighbourhood being opened: its first member and audit entry are its rows.
      return await withPerson(this.db, { userId: actor.id, tenantId }, async (tx) => {
        const application = await this.decidable(actor, id, tx);
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
        await openChart(tx, tenantId);
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
        return view((await select(tx, eq(a.id, id)))[0]!);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenants_slug_unique')) throw new AppError('slug_taken');
      throw error;
    }
  }

  async reject(actor: Principal, id: string, reason: string) {
    return withPerson(this.db, { userId: actor.id }, async (tx) => {
      await this.decidable(actor, id, tx);
      const decided = await tx
        .update(a)
        .set({ status: 'rejected', decidedBy: actor.id, decidedAt: this.clock.now(), reason })
        .where(and(eq(a.id, id), eq(a.status, 'pending')))
        .returning({ id: a.id });
      if (!decided.length) throw new AppError('application_decided');
      return view((await select(tx, eq(a.id, id)))[0]!);
    });
  }

  /**
   * The applicant's full number, for the staff deciding the application: the read is recorded (personal_data_reads)
   * in the same transaction, and the applicant sees it in their data export (docs/domain.md §5.3).
   */
  async contact(actor: Principal, id: string) {
    return withPerson(this.db, { userId: actor.id }, async (tx) => {
      const [row] = await tx
        .select({ phone: a.applicantPhone, applicantUserId: a.applicantUserId })
        .from(a)
        .where(and(eq(a.id, id), reviewed));
      if (!row) throw new AppError('not_found');
      await tx.insert(schema.personalDataReads).values({
        readerUserId: actor.id,
        subjectUserId: row.applicantUserId,
        targetType: 'application',
        targetId: id,
        field: 'phone',
        readAt: this.clock.now(),
      });
      return { phone: row.phone };
    });
  }

  /** An application the caller may decide; outside their branch it does not exist for them. */
  private async decidable(actor: Principal, id: string, tx?: Tx) {
    const find = (t: Tx) => select(t, and(eq(a.id, id), reviewed)!);
    const [application] = tx ? await find(tx) : await withPerson(this.db, { userId: actor.id }, find);
    if (!application) throw new AppError('not_found');
    if (application.status !== 'pending') throw new AppError('application_decided');
    return application;
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
