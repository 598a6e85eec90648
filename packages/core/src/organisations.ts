import { IdSchema, type OrganisationRole } from '@city/contracts';
import { isUniqueViolation, schema, type Database, type Tx } from '@city/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Clock } from '@city/auth';
import { AppError } from './errors.ts';

const o = schema.organisations;
const m = schema.organisationMembers;

const organisationColumns = {
  id: o.id,
  name: o.name,
  uscc: o.uscc,
  contactName: o.contactName,
  contactPhone: o.contactPhone,
  createdAt: o.createdAt,
};

export interface OrganisationInput {
  name: string;
  uscc: string;
  contactName: string;
  contactPhone: string;
}

const notRegistered = () =>
  new AppError('not_found', {
    detail: {
      'zh-CN': '该手机号尚未注册，请对方先注册账号',
      en: 'No account uses this number yet; ask them to sign up first',
    },
  });

/**
 * Businesses registered once on the platform (service vendors) and the staff who act for them. Who may do what is
 * decided by the routes' `org:<role>` grants; this class keeps the rules that need the data: one registration per
 * credit code, and never an organisation without an owner.
 */
export class Organisations {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Registers the business; the person registering becomes its first owner. */
  async create(actorId: string, input: OrganisationInput) {
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(o)
          .values({ ...input, createdBy: actorId, createdAt: now, updatedAt: now })
          .returning(organisationColumns);
        await tx.insert(m).values({ organisationId: row!.id, userId: actorId, role: 'owner', addedAt: now });
        return { ...row!, role: 'owner' as OrganisationRole };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_uscc')) throw new AppError('uscc_taken');
      throw error;
    }
  }

  /**
   * The caller's role and the organisation's name, in one read; undefined when they are not on its staff (the routes
   * then answer 404). A malformed id is simply nobody's organisation.
   */
  async staffMember(
    organisationId: string,
    userId: string,
  ): Promise<{ role: OrganisationRole; name: string } | undefined> {
    if (!IdSchema.safeParse(organisationId).success) return undefined;
    const [row] = await this.db
      .select({ role: m.role, name: o.name })
      .from(m)
      .innerJoin(o, eq(o.id, m.organisationId))
      .where(and(eq(m.organisationId, organisationId), eq(m.userId, userId)));
    return row;
  }

  /** The organisations a person acts for, with their role in each. */
  mine(userId: string) {
    return this.db
      .select({ ...organisationColumns, role: m.role })
      .from(m)
      .innerJoin(o, eq(o.id, m.organisationId))
      .where(eq(m.userId, userId))
      .orderBy(asc(o.name));
  }

  async get(organisationId: string, role: OrganisationRole) {
    const [row] = await this.db.select(organisationColumns).from(o).where(eq(o.id, organisationId));
    if (!row) throw new AppError('not_found');
    return { ...row, role };
  }

  async update(organisationId: string, role: OrganisationRole, patch: Partial<Omit<OrganisationInput, 'uscc'>>) {
    const [row] = await this.db
      .update(o)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(eq(o.id, organisationId))
      .returning(organisationColumns);
    if (!row) throw new AppError('not_found');
    return { ...row, role };
  }

  staff(organisationId: string) {
    return this.db
      .select({
        userId: m.userId,
        displayName: schema.users.displayName,
        phone: schema.users.phone,
        role: m.role,
        addedAt: m.addedAt,
      })
      .from(m)
      .innerJoin(schema.users, eq(schema.users.id, m.userId))
      .where(eq(m.organisationId, organisationId))
      .orderBy(asc(m.addedAt));
  }

  /** Adds a registered person as staff; someone already on the staff keeps their place (409). */
  async addStaff(organisationId: string, input: { phone: string; role: OrganisationRole }) {
    const [user] = await this.db
      .select({ id: schema.users.id, displayName: schema.users.displayName, phone: schema.users.phone })
      .from(schema.users)
      .where(eq(schema.users.phone, input.phone));
    if (!user) throw notRegistered();
    const [added] = await this.db
      .insert(m)
      .values({ organisationId, userId: user.id, role: input.role, addedAt: this.clock.now() })
      .onConflictDoNothing()
      .returning({ role: m.role, addedAt: m.addedAt });
    if (!added) {
      throw new AppError('conflict', {
        detail: { 'zh-CN': '此人已是本单位员工', en: 'This person is already on the staff' },
      });
    }
    return { userId: user.id, displayName: user.displayName, phone: user.phone, ...added };
  }

  /** Changes a person's role; the last owner cannot step down (409 last_owner). */
  setRole(organisationId: string, userId: string, role: OrganisationRole) {
    return this.changeStaff(organisationId, userId, async (tx) => {
      const [row] = await tx
        .update(m)
        .set({ role })
        .where(and(eq(m.organisationId, organisationId), eq(m.userId, userId)))
        .returning();
      return row;
    });
  }

  /**
   * Takes a person off the staff; the last owner cannot leave (409 last_owner). They are remembered as former staff:
   * the business's records keep naming them, and deleting their account must find those records.
   */
  removeStaff(organisationId: string, userId: string) {
    return this.changeStaff(organisationId, userId, async (tx) => {
      const [row] = await tx
        .delete(m)
        .where(and(eq(m.organisationId, organisationId), eq(m.userId, userId)))
        .returning();
      if (row) {
        const leftAt = this.clock.now();
        await tx
          .insert(schema.organisationFormerStaff)
          .values({ organisationId, userId, leftAt })
          .onConflictDoUpdate({
            target: [schema.organisationFormerStaff.organisationId, schema.organisationFormerStaff.userId],
            set: { leftAt },
          });
      }
      return row;
    });
  }

  /**
   * Changes the staff under a lock on the organisation, then checks an owner remains: two owners demoting each
   * other at once cannot both succeed.
   */
  private async changeStaff(organisationId: string, userId: string, change: (tx: Tx) => Promise<unknown>) {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${o} where ${o.id} = ${organisationId} for update`);
      if (!(await change(tx))) throw new AppError('not_found');
      const [left] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(m)
        .where(and(eq(m.organisationId, organisationId), eq(m.role, 'owner')));
      if (!left?.n) throw new AppError('last_owner');
    });
  }
}
