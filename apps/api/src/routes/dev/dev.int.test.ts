import type { AddressInfo } from 'node:net';
import { tencentStandIn } from '@city/auth/sms-carriers/stand-ins';
import { createTestApp, randomPhone } from '@city/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { bootApi, serveNode, shutDown, type BootedApi } from '../../node.ts';

const DEV_INBOX = '/api/v1/dev/sms';

/** What a production server needs besides its SMS carrier; the database is an in-memory PGlite. */
const productionEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: '',
  DATA_DIR: 'memory://',
  SEED_DEMO: 'false',
  PII_KEY: Buffer.alloc(32, 7).toString('base64'),
  PUBLIC_URL: 'https://city.example',
};

describe('a production server refuses the dev SMS sender', () => {
  it('does not start without a carrier, or with the dev sender named', async () => {
    // DATABASE_URL names nothing reachable: the refusal comes before any database is opened.
    const env = { ...productionEnv, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    await expect(bootApi(env)).rejects.toThrow('NODE_ENV=production needs SMS_SENDER=tencent or SMS_SENDER=aliyun');
    await expect(bootApi({ ...env, SMS_SENDER: 'dev' })).rejects.toThrow('NODE_ENV=production needs SMS_SENDER');
  });

  it('does not start with a carrier half configured, naming what is missing', async () => {
    const env = { ...productionEnv, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SMS_SENDER: 'tencent' };
    await expect(bootApi(env)).rejects.toThrow(/TENCENTCLOUD_SECRET_ID is missing[\s\S]*SMS_TEMPLATE_CODE is missing/);
  });
});

describe('a production server with a carrier', () => {
  const secretKey = 'production-secret-key';
  let standIn: Awaited<ReturnType<typeof tencentStandIn>>;
  let booted: BootedApi;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    standIn = await tencentStandIn(secretKey);
    booted = await bootApi({
      ...productionEnv,
      SMS_SENDER: 'tencent',
      TENCENTCLOUD_SECRET_ID: 'AKIDproduction',
      TENCENTCLOUD_SECRET_KEY: secretKey,
      TENCENT_SMS_SDK_APP_ID: '1400006666',
      SMS_SIGN_NAME: '城市生活网',
      SMS_TEMPLATE_CODE: '2001',
      SMS_TEMPLATE_INVITATION: '2002',
      SMS_TEMPLATE_ACCOUNT_EXISTS: '2003',
      SMS_TEMPLATE_NOTIFICATION: '2004',
      SMS_TEMPLATE_DIGEST: '2005',
      SMS_ENDPOINT: standIn.url,
    });
    const server = await serveNode(booted.app, { port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise((resolve) => server.close(resolve));
      await shutDown(booted);
      await standIn.close();
    };
  });
  afterAll(() => close());

  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('has no dev inbox: not in the router, not in the OpenAPI document', async () => {
    const res = await fetch(`${url}${DEV_INBOX}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
    const document = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).not.toContain(DEV_INBOX);
    expect(Object.keys(document.paths)).toContain('/api/v1/auth/phone-codes');
  });

  it('texts a sign-up code through the carrier, and the code signs the person up', async () => {
    const phone = randomPhone();
    expect((await post('/api/v1/auth/phone-codes', { phone, purpose: 'sign-up' })).status).toBe(202);
    const sent = standIn.requests.at(-1)!;
    expect(sent).toMatchObject({ action: 'SendSms', signed: true, secretId: 'AKIDproduction' });
    expect(sent.body).toMatchObject({ TemplateId: '2001', SignName: '城市生活网', PhoneNumberSet: [`+86${phone}`] });
    const [code] = sent.body.TemplateParamSet!;
    expect(code).toMatch(/^\d{6}$/);
    const signUp = await post('/api/v1/auth/sign-up', {
      phone,
      code,
      password: 'a-good-password',
      displayName: '居民',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers 503 in the caller’s words when the carrier refuses', async () => {
    standIn.refuseWith('FailedOperation.InsufficientBalanceInSmsPackage');
    try {
      const res = await post('/api/v1/auth/phone-codes', { phone: randomPhone(), purpose: 'sign-up' });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'sms_unavailable', title: '短信暂时无法发送，请稍后再试' });
    } finally {
      standIn.refuseWith(null);
    }
  });
});

describe('a development server', () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it('mounts the inbox only when handed one', async () => {
    expect((await h.call('GET', DEV_INBOX)).status).toBe(404);
    const dev = createApp({ ...h.deps, devInbox: h.sms }, h.services);
    const phone = randomPhone();
    await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } });
    const res = await dev.request(`${DEV_INBOX}?phone=${phone}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { phone: string; text: string }[] };
    expect(items).toEqual([expect.objectContaining({ phone, text: expect.stringMatching(/您的验证码为 \d{6}/) })]);
  });
});
