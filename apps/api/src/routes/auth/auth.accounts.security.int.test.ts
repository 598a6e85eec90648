import { SMS_SEND_LIMITS } from '@city/auth';
import { createTestApp, lastCode, randomPhone, schema, type TestApp } from '@city/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp();
});
afterEach(() => h.close());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const password = 'the-owners-password';

const requestCode = (phone: string, purpose: 'sign-up' | 'password-reset' = 'sign-up') =>
  h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose } });

async function registered() {
  const phone = randomPhone();
  await requestCode(phone);
  const res = await h.call('POST', '/api/v1/auth/sign-up', {
    json: { phone, code: lastCode(h.sms, phone), password, displayName: '业主' },
  });
  expect(res.status).toBe(201);
  h.clock.advance(61_000);
  return phone;
}

/** A caller's address of its own: on a shared Postgres, other runs' counters must not meet this test's. */
const anAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;

/** A sign-in from one address (each harness call names its address in X-Forwarded-For, one trusted hop). */
const signInFrom = (address: string, phone: string, secret: string) =>
  h.call('POST', '/api/v1/auth/sign-in', {
    json: { phone, password: secret },
    headers: { 'x-forwarded-for': address },
  });

/** Status and body, without the `instance` (the request's path, the same here) — what a caller can compare. */
const answer = (res: { status: number; body: unknown; headers: Headers }) => ({
  status: res.status,
  body: res.body,
  retryAfter: res.headers.get('retry-after'),
});

describe('asking for a sign-up code does not reveal who is registered', () => {
  it('answers a registered number exactly as a new one, and texts its owner that the account exists', async () => {
    const owner = await registered();
    const stranger = randomPhone();
    const [taken, free] = [await requestCode(owner), await requestCode(stranger)];
    expect(taken.status).toBe(202);
    expect(answer(taken)).toEqual(answer(free));

    const [text] = h.sms.list(owner);
    expect(text!.text).toMatch(/^【城市生活网】本手机号已注册过城市生活网账号，请直接用手机号和密码登录；忘记密码/);
    expect(text!.text).not.toMatch(/\d{6}/);
    expect(h.sms.list(stranger)[0]!.text).toMatch(/您的验证码为 \d{6}/);

    // Asking again within the minute: the same refusal for both.
    const [takenAgain, freeAgain] = [await requestCode(owner), await requestCode(stranger)];
    expect(takenAgain.status).toBe(429);
    expect(answer(takenAgain)).toEqual(answer(freeAgain));
  });

  it('gives no code that could sign a registered number up again: a guess is a wrong code, not "taken"', async () => {
    const owner = await registered();
    await requestCode(owner);
    const res = await h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone: owner, code: '000000', password: 'another-password', displayName: '冒名' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('code_invalid');
  });

  it('answers a password reset for an unknown number as for a known one, texting nobody', async () => {
    const owner = await registered();
    const stranger = randomPhone();
    const before = h.sms.list().length;
    const [known, unknown] = [
      await requestCode(owner, 'password-reset'),
      await requestCode(stranger, 'password-reset'),
    ];
    expect(known.status).toBe(202);
    expect(answer(known)).toEqual(answer(unknown));
    expect(h.sms.list().length).toBe(before + 1);
    expect(h.sms.list(stranger)).toEqual([]);
  });
});

describe('send limits on every text', () => {
  it('texts one number at most SMS_SEND_LIMITS.perNumber times a day, whatever the kind of text', async () => {
    // Start at the beginning of a day's window so every request below falls in it.
    h.clock.advance(DAY - (h.clock.now().getTime() % DAY));
    const owner = await registered();
    const kinds = ['sign-up', 'password-reset'] as const;
    // Twelve minutes apart: within the per-request limits (5 an hour, one a minute), so only the send limit refuses.
    for (let sent = 1; sent < SMS_SEND_LIMITS.perNumber.max; sent++) {
      h.clock.advance(12 * 60_000);
      expect((await requestCode(owner, kinds[sent % 2]!)).status).toBe(202);
    }
    expect(h.sms.list(owner)).toHaveLength(SMS_SEND_LIMITS.perNumber.max);
    h.clock.advance(12 * 60_000);
    const refused = await requestCode(owner, 'password-reset');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(h.sms.list(owner)).toHaveLength(SMS_SEND_LIMITS.perNumber.max);
    // Other numbers are not affected.
    expect((await requestCode(randomPhone())).status).toBe(202);
  });

  it('stops texting anyone once the hour’s total is spent, answering every number alike', async () => {
    const owner = await registered();
    // An hour far ahead, of this test alone: on a shared Postgres the current hour's total is everyone's.
    h.clock.advance((100_000 + Math.floor(Math.random() * 1_000_000)) * HOUR);
    const now = h.clock.now().getTime();
    const windowStart = new Date(now - (now % SMS_SEND_LIMITS.all.windowMs));
    await h.database.db
      .insert(schema.rateLimits)
      .values({ key: 'sms-sent:all', windowStart, count: SMS_SEND_LIMITS.all.max })
      .onConflictDoUpdate({
        target: [schema.rateLimits.key, schema.rateLimits.windowStart],
        set: { count: SMS_SEND_LIMITS.all.max },
      });
    const before = h.sms.list().length;
    const answers = [
      await requestCode(randomPhone()),
      await requestCode(owner),
      await requestCode(randomPhone(), 'password-reset'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
    }
    expect(h.sms.list().length).toBe(before);
  });
});

describe('wrong passwords lock out the guesser, never the owner', () => {
  it('refuses an address after 10 failures while the owner signs in from another address', async () => {
    const owner = await registered();
    const [guesser, home] = [anAddress(), anAddress()];
    for (let i = 0; i < 10; i++) expect((await signInFrom(guesser, owner, `guess-${i}`)).status).toBe(401);
    const refused = await signInFrom(guesser, owner, password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await signInFrom(home, owner, password)).status).toBe(200);
    // The owner's success did not lift the guesser's lock.
    expect((await signInFrom(guesser, owner, password)).status).toBe(429);
  });

  it('clears only its own counter on success: the owner who mistyped starts afresh', async () => {
    const owner = await registered();
    const home = anAddress();
    for (let i = 0; i < 9; i++) expect((await signInFrom(home, owner, 'mistyped')).status).toBe(401);
    expect((await signInFrom(home, owner, password)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await signInFrom(home, owner, 'mistyped')).status).toBe(401);
    expect((await signInFrom(home, owner, password)).status).toBe(429);
  });

  it('holds guessers from many addresses to one try each past the ceiling, and still lets the owner in', async () => {
    const owner = await registered();
    for (const guesser of [anAddress(), anAddress(), anAddress()]) {
      for (let i = 0; i < 10; i++) expect((await signInFrom(guesser, owner, `guess-${i}`)).status).toBe(401);
    }
    // The number has met its ceiling (30 failures): a new address gets one try, then no more.
    const late = anAddress();
    expect((await signInFrom(late, owner, 'guess')).status).toBe(401);
    expect((await signInFrom(late, owner, 'guess-again')).status).toBe(429);
    // An address that has not failed is where the owner comes from.
    expect((await signInFrom(anAddress(), owner, password)).status).toBe(200);
  });

  it('does not count successful sign-ins against the address', async () => {
    const owner = await registered();
    const home = anAddress();
    const failuresFrom = async (address: string) => {
      const rows = await h.database.db
        .select()
        .from(schema.rateLimits)
        .where(eq(schema.rateLimits.key, `sign-in:ip:${address}`));
      return rows.reduce((sum, r) => sum + r.count, 0);
    };
    expect((await signInFrom(home, owner, 'mistyped')).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signInFrom(home, owner, password)).status).toBe(200);
    expect(await failuresFrom(home)).toBe(1);
  });
});
