import { schema, type Tx } from '@city/db';
import { eq, inArray } from 'drizzle-orm';

/** People's names as this neighbourhood knows them (its member list), for the ledger's signers and posters. */
export async function memberNames(tx: Tx, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const m = schema.members;
  const rows = await tx
    .select({ userId: schema.users.id, member: m.displayName, user: schema.users.displayName })
    .from(schema.users)
    .leftJoin(m, eq(m.userId, schema.users.id)) // the policy keeps this neighbourhood's members only
    .where(inArray(schema.users.id, ids));
  return new Map(rows.map((r) => [r.userId, r.member ?? r.user]));
}
