import { createHash, randomBytes } from 'node:crypto';
import { schema, withTenant } from '@city/db';
import { randomPhone } from '@city/db/testing';
import type { TestApp } from './harness.ts';

/**
 * Many residents at once, for tests and benchmarks (a ballot run, a rush of orders): users, memberships and sessions
 * written straight into the database in bulk instead of one sign-up each. Only for tests.
 */

/** Rows per insert: well under Postgres's 65,535 parameters. */
const CHUNK = 2000;

export async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Residents of the neighbourhood (users and memberships), in bulk; returns their user ids in the order given. */
export async function addResidents(h: TestApp, tenantId: string, names: readonly string[]): Promise<string[]> {
  const ids: string[] = new Array(names.length);
  // Random numbers may meet earlier tests' users in a shared database: those people get another number.
  let waiting = names.map((_, i) => i);
  while (waiting.length) {
    const byPhone = new Map<string, number>();
    for (const i of waiting) {
      let phone = randomPhone();
      while (byPhone.has(phone)) phone = randomPhone();
      byPhone.set(phone, i);
    }
    await inChunks([...byPhone], async (chunk) => {
      const rows = chunk.map(([phone, i]) => ({ phone, displayName: names[i]!, passwordHash: 'x' }));
      const added = await h.services.db
        .insert(schema.users)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: schema.users.id, phone: schema.users.phone });
      for (const u of added) ids[byPhone.get(u.phone)!] = u.id;
    });
    waiting = waiting.filter((i) => !ids[i]);
  }
  await withTenant(h.services.db, tenantId, (tx) =>
    inChunks(
      ids.map((userId, i) => ({ tenantId, userId, displayName: names[i]!, roles: ['resident'] })),
      (chunk) => tx.insert(schema.members).values(chunk),
    ),
  );
  return ids;
}

/**
 * A bearer token per user, valid at the app clock's now: the session store's format (`<id>.<secret>`, only the
 * SHA-256 of the secret kept), written in bulk instead of one `sessions.create` per person.
 */
export async function signIn(h: TestApp, userIds: readonly string[]): Promise<string[]> {
  const now = h.clock.now();
  const issued = userIds.map((userId) => ({
    userId,
    id: randomBytes(15).toString('hex'),
    secret: randomBytes(15).toString('hex'),
  }));
  await inChunks(issued, (chunk) =>
    h.services.db.insert(schema.sessions).values(
      chunk.map((s) => ({
        id: s.id,
        secretHash: new Uint8Array(createHash('sha256').update(s.secret).digest()),
        userId: s.userId,
        createdAt: now,
        lastVerifiedAt: now,
        userAgent: 'test',
      })),
    ),
  );
  return issued.map((s) => `${s.id}.${s.secret}`);
}
