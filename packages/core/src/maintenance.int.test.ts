import { ManualClock, DevSmsSender } from '@city/auth';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { schema } from '@city/db';
import { nodeFontSource } from '@city/documents/pdf/node-fonts';
import { randomPhone, testDatabase } from '@city/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pruneExpired } from './maintenance.ts';
import { piiKeyFromEnv } from './pii-key.ts';
import { createServices } from './services.ts';

describe('pruneExpired', () => {
  it('removes idle sessions and stale codes and keeps live ones', async () => {
    const database = await testDatabase();
    const clock = new ManualClock();
    const services = createServices({
      db: database.db,
      clock,
      sms: new DevSmsSender(),
      passwords: await nativeArgon2(),
      publicUrl: 'http://x',
      piiKey: piiKeyFromEnv({}),
      fonts: nodeFontSource(),
    });
    try {
      const phone = randomPhone();
      const [user] = await database.db
        .insert(schema.users)
        .values({ phone, displayName: 'p', passwordHash: 'x' })
        .returning();
      const old = await services.sessions.create(user!.id, null);
      await services.codes.issue(phone, 'sign-up');
      clock.advance(31 * 24 * 3600_000);
      const fresh = await services.sessions.create(user!.id, null);
      await pruneExpired(services);
      const left = await database.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user!.id));
      expect(left.map((s) => s.id)).toEqual([fresh.id]);
      expect(left.map((s) => s.id)).not.toContain(old.id);
      expect(await database.db.select().from(schema.phoneCodes).where(eq(schema.phoneCodes.phone, phone))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
