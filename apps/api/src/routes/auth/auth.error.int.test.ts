import { randomPhone, createTestApp, lastCode, schema, type TestApp } from '@city/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp();
});
afterEach(() => h.close());

const sendCode = (phone: string) => h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } });

async function registered() {
  const phone = randomPhone();
  await sendCode(phone);
  await h.call('POST', '/api/v1/auth/sign-up', {
    json: { phone, code: lastCode(h.sms, phone), password: 'a-good-password', displayName: '居民' },
  });
  return phone;
}

describe('auth errors are clear, localised, and leave nothing behind', () => {
  it('explains an invalid number in Chinese by default and in English on request', async () => {
    const zh = await h.call('POST', '/api/v1/auth/sign-in', { json: { phone: '12345', password: 'x' } });
    expect(zh.status).toBe(400);
    expect(zh.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(zh.body).toMatchObject({
      type: '/problems/validation_failed',
      title: '提交的内容有误',
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'phone', message: '请输入11位中国大陆手机号' }],
    });
    const en = await h.call('POST', '/api/v1/auth/sign-in', { json: { phone: '12345', password: 'x' }, locale: 'en' });
    expect(en.body.title).toBe('The request is not valid');
    expect(en.body.errors[0].message).toBe('Enter an 11-digit mainland China mobile number');
  });

  it('lists every invalid field of a sign-up at once', async () => {
    const res = await h.call('POST', '/api/v1/auth/sign-up', { json: { phone: 'abc', code: '12', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'code',
      'displayName',
      'password',
      'phone',
    ]);
  });

  it('answers unreadable JSON and wrong content types with problems, not 500s', async () => {
    const broken = await h.call('POST', '/api/v1/auth/sign-in', {
      headers: { 'content-type': 'application/json' },
      json: undefined,
    });
    expect(broken.status).toBe(400);
    const raw = await h.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"phone":',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 'malformed_body' });
    const form = await h.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a wrong code and creates no account', async () => {
    const phone = randomPhone();
    await sendCode(phone);
    const wrong = lastCode(h.sms, phone) === '000000' ? '111111' : '000000';
    const res = await h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone, code: wrong, password: 'a-good-password', displayName: '居民' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('code_invalid');
    expect(await h.database.db.select().from(schema.users).where(eq(schema.users.phone, phone))).toEqual([]);
  });

  it('burns a code after five wrong guesses and when it expires', async () => {
    const phone = randomPhone();
    await sendCode(phone);
    const code = lastCode(h.sms, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await h.call('POST', '/api/v1/auth/sign-up', {
        json: { phone, code: wrong, password: 'a-good-password', displayName: 'x' },
      });
    }
    const late = await h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone, code, password: 'a-good-password', displayName: 'x' },
    });
    expect(late.body.code).toBe('code_invalid');

    h.clock.advance(61_000);
    await sendCode(phone);
    h.clock.advance(10 * 60_000 + 1);
    const expired = await h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone, code: lastCode(h.sms, phone), password: 'a-good-password', displayName: 'x' },
    });
    expect(expired.body.code).toBe('code_invalid');
  });

  it('asks to wait a minute between codes to the same number', async () => {
    const phone = randomPhone();
    expect((await sendCode(phone)).status).toBe(202);
    const again = await sendCode(phone);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    h.clock.advance(60_000);
    expect((await sendCode(phone)).status).toBe(202);
  });

  it('gives the same answer for a wrong password and an unknown number', async () => {
    const phone = await registered();
    const wrong = await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password: 'not-it' } });
    const unknown = await h.call('POST', '/api/v1/auth/sign-in', {
      json: { phone: randomPhone(), password: 'not-it' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ ...unknown.body, instance: wrong.body.instance });
  });

  it('rate-limits sign-in per number and address, then lets the person in after the window', async () => {
    const phone = await registered();
    for (let i = 0; i < 10; i++) {
      expect((await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password: 'guess-' + i } })).status).toBe(
        401,
      );
    }
    const blocked = await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password: 'a-good-password' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    h.clock.advance(15 * 60_000);
    expect(
      (await h.call('POST', '/api/v1/auth/sign-in', { json: { phone, password: 'a-good-password' } })).status,
    ).toBe(200);
  });

  it('rate-limits sign-in per client address across numbers', async () => {
    const headers = { 'x-forwarded-for': `172.31.${Math.floor(Math.random() * 250)}.9` };
    let last = 0;
    for (let i = 0; i < 101; i++) {
      last = (await h.call('POST', '/api/v1/auth/sign-in', { json: { phone: randomPhone(), password: 'x' }, headers }))
        .status;
    }
    expect(last).toBe(429);
  });

  it('treats a forged or malformed token as no session', async () => {
    for (const token of ['nonsense', 'a.b', `${'x'.repeat(24)}.${'y'.repeat(24)}`]) {
      const res = await h.call('GET', '/api/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
  });
});
