import { randomPhone, createTestApp, lastCode, schema, type TestApp } from '@city/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp();
});
afterEach(() => h.close());

async function signUp(phone = randomPhone(), password = 'a-good-password') {
  expect((await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } })).status).toBe(202);
  const res = await h.call('POST', '/api/v1/auth/sign-up', {
    json: { phone, code: lastCode(h.sms, phone), password, displayName: '新居民' },
  });
  expect(res.status).toBe(201);
  return { phone, password, token: res.body.token as string, res };
}

describe('sign-up, sign-in and sessions', () => {
  it('confirms the number with a texted code, then signs the person in', async () => {
    const { phone, token, res } = await signUp();
    expect(h.sms.list(phone)[0]?.text).toMatch(/【城市生活网】您的验证码为 \d{6}/);
    expect(res.body.user).toMatchObject({ phone, displayName: '新居民', isPlatformOperator: false, locale: 'zh-CN' });
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
    const me = await h.call('GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { phone }, memberships: [], regions: [], invitations: [] });
  });

  it('stores only a hash of the session secret and of the password', async () => {
    const { token, password } = await signUp();
    const [id, secret] = token.split('.');
    const [row] = await h.database.db.select().from(schema.sessions).where(eq(schema.sessions.id, id!));
    expect(Buffer.from(row!.secretHash).toString('hex')).not.toContain(Buffer.from(secret!).toString('hex'));
    expect(row!.secretHash.byteLength).toBe(32);
    const [user] = await h.database.db.select().from(schema.users).where(eq(schema.users.id, row!.userId));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.passwordHash).not.toContain(password);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for browsers', async () => {
    const { phone, password } = await signUp();
    const res = await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cl_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('signs out of one session, or of all of them', async () => {
    const { phone, password, token: first } = await signUp();
    const second = (await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password } })).body.token;
    const third = (await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password } })).body.token;
    const list = await h.call('GET', '/api/v1/auth/sessions', { token: second });
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    expect((await h.call('POST', '/api/v1/auth/sign-out', { token: first })).status).toBe(204);
    expect((await h.call('GET', '/api/v1/me', { token: first })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/me', { token: second })).status).toBe(200);

    const thirdId = third.split('.')[0];
    expect((await h.call('DELETE', `/api/v1/auth/sessions/${thirdId}`, { token: second })).status).toBe(204);
    expect((await h.call('GET', '/api/v1/me', { token: third })).status).toBe(401);

    expect((await h.call('POST', '/api/v1/auth/sign-out?all=true', { token: second })).status).toBe(204);
    expect((await h.call('GET', '/api/v1/me', { token: second })).status).toBe(401);
  });

  it('renews a session on use and expires it after 30 idle days', async () => {
    const { token } = await signUp();
    h.clock.advance(29 * 24 * 3600_000);
    expect((await h.call('GET', '/api/v1/me', { token })).status).toBe(200);
    h.clock.advance(29 * 24 * 3600_000); // 58 days since sign-up, 29 since last use
    expect((await h.call('GET', '/api/v1/me', { token })).status).toBe(200);
    h.clock.advance(30 * 24 * 3600_000);
    expect((await h.call('GET', '/api/v1/me', { token })).status).toBe(401);
  });

  it('resets a forgotten password with a texted code and signs out other sessions', async () => {
    const { phone, token: old } = await signUp();
    h.clock.advance(61_000);
    expect(
      (await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'password-reset' } })).status,
    ).toBe(202);
    const reset = await h.call('POST', '/api/v1/auth/password-reset', {
      json: { phone, code: lastCode(h.sms, phone), password: 'a-new-password' },
    });
    expect(reset.status).toBe(200);
    expect((await h.call('GET', '/api/v1/me', { token: old })).status).toBe(401);
    expect((await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password: 'a-new-password' } })).status).toBe(
      200,
    );
  });

  it('accepts numbers typed with spaces or dashes', async () => {
    const phone = randomPhone();
    const typed = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    expect(
      (await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone: typed, purpose: 'sign-up' } })).status,
    ).toBe(202);
    expect(h.sms.list(phone)).toHaveLength(1);
  });
});
