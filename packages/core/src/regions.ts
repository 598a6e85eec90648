import { IdSchema, REGION_PARENT_KIND, type Region, type RegionKind } from '@city/contracts';
import { isUniqueViolation, schema, type Database } from '@city/db';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from './errors.ts';

const regionColumns = {
  id: schema.regions.id,
  kind: schema.regions.kind,
  parentId: schema.regions.parentId,
  name: schema.regions.name,
  code: schema.regions.code,
};
const parent = alias(schema.regions, 'parent');

/** The administrative tree 区 → 街道 → 社区 and its staff. Writes are for platform operators (checked by routes). */
export class Regions {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  list() {
    return this.db
      .select(regionColumns)
      .from(schema.regions)
      .orderBy(asc(schema.regions.kind), asc(schema.regions.name));
  }

  async get(id: string) {
    const [region] = await this.db.select(regionColumns).from(schema.regions).where(eq(schema.regions.id, id));
    if (!region) throw new AppError('not_found');
    return region;
  }

  async create(input: { kind: RegionKind; parentId: string | null; name: string; code: string | null }) {
    const parentKind = REGION_PARENT_KIND[input.kind];
    if ((parentKind === null) !== (input.parentId === null)) throw regionInvalid(input.kind);
    if (input.parentId) {
      const [parent] = await this.db.select().from(schema.regions).where(eq(schema.regions.id, input.parentId));
      if (!parent || parent.kind !== parentKind) throw regionInvalid(input.kind);
    }
    try {
      const [region] = await this.db.insert(schema.regions).values(input).returning(regionColumns);
      return region!;
    } catch (error) {
      if (isUniqueViolation(error)) throw sameName();
      throw error;
    }
  }

  async update(id: string, input: { name?: string | undefined; code?: string | null | undefined }) {
    const changes = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.code !== undefined ? { code: input.code } : {}),
    };
    try {
      // A patch that changes nothing answers the region as it is (an UPDATE needs something to set).
      const [region] = Object.keys(changes).length
        ? await this.db.update(schema.regions).set(changes).where(eq(schema.regions.id, id)).returning(regionColumns)
        : await this.db.select(regionColumns).from(schema.regions).where(eq(schema.regions.id, id));
      if (!region) throw new AppError('not_found');
      return region;
    } catch (error) {
      if (isUniqueViolation(error)) throw sameName();
      throw error;
    }
  }

  /** The regions a person is staff of (their supervision scope). */
  staffRegions(userId: string) {
    return this.db
      .select(regionColumns)
      .from(schema.regionStaff)
      .innerJoin(schema.regions, eq(schema.regions.id, schema.regionStaff.regionId))
      .where(eq(schema.regionStaff.userId, userId))
      .orderBy(asc(schema.regions.name));
  }

  /**
   * The region if the person is on its staff or on the staff of a region above it (a 街道's staff act for its 社区s, a
   * 区's for everything under it); undefined otherwise, and for an id that is not one. The tree is three levels deep,
   * so the region, its parent and its grandparent are all the places an appointment can be.
   */
  async staffedRegion(regionId: string, userId: string): Promise<Region | undefined> {
    if (!IdSchema.safeParse(regionId).success) return undefined;
    const [region] = await this.db
      .select(regionColumns)
      .from(schema.regions)
      .leftJoin(parent, eq(parent.id, schema.regions.parentId))
      .where(
        and(
          eq(schema.regions.id, regionId),
          exists(
            this.db
              .select({ one: sql`1` })
              .from(schema.regionStaff)
              .where(
                and(
                  eq(schema.regionStaff.userId, userId),
                  sql`${schema.regionStaff.regionId} in (${schema.regions.id}, ${parent.id}, ${parent.parentId})`,
                ),
              ),
          ),
        ),
      );
    return region;
  }

  async listStaff(regionId: string) {
    await this.get(regionId);
    return this.db
      .select({ userId: schema.users.id, displayName: schema.users.displayName, phone: schema.users.phone })
      .from(schema.regionStaff)
      .innerJoin(schema.users, eq(schema.users.id, schema.regionStaff.userId))
      .where(eq(schema.regionStaff.regionId, regionId))
      .orderBy(asc(schema.users.displayName));
  }

  async addStaff(regionId: string, phone: string) {
    await this.get(regionId);
    const [user] = await this.db.select().from(schema.users).where(eq(schema.users.phone, phone));
    if (!user) {
      throw new AppError('not_found', {
        detail: {
          'zh-CN': '该手机号尚未注册，请对方先注册账号',
          en: 'No account uses this number yet; ask them to sign up first',
        },
      });
    }
    await this.db.insert(schema.regionStaff).values({ regionId, userId: user.id }).onConflictDoNothing();
    return { userId: user.id, displayName: user.displayName, phone: user.phone };
  }

  async removeStaff(regionId: string, userId: string) {
    const removed = await this.db
      .delete(schema.regionStaff)
      .where(and(eq(schema.regionStaff.regionId, regionId), eq(schema.regionStaff.userId, userId)))
      .returning();
    if (!removed.length) throw new AppError('not_found');
  }

  /** Region ids at or above each of the given regions (a community's street and district). */
  async withAncestors(ids: string[]): Promise<Set<string>> {
    const seen = new Set<string>();
    let frontier = ids;
    while (frontier.length) {
      frontier.forEach((id) => seen.add(id));
      const rows = await this.db
        .select({ parentId: schema.regions.parentId })
        .from(schema.regions)
        .where(inArray(schema.regions.id, frontier));
      frontier = rows.map((r) => r.parentId).filter((id): id is string => !!id && !seen.has(id));
    }
    return seen;
  }
}

function regionInvalid(kind: RegionKind) {
  const parent = { district: '无上级', street: '上级须为区', community: '上级须为街道' }[kind];
  const parentEn = { district: 'has no parent', street: 'belongs to a district', community: 'belongs to a street' }[
    kind
  ];
  return new AppError('region_invalid', { detail: { 'zh-CN': parent, en: `A ${kind} ${parentEn}` } });
}

function sameName() {
  return new AppError('conflict', {
    detail: { 'zh-CN': '同一上级下已有同名区划', en: 'A region with this name already exists under the same parent' },
  });
}
