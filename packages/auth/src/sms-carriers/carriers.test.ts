import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsDeliveryError, type SmsSender } from '../sms.ts';
import { AliyunSmsSender } from './aliyun.ts';
import { smsSenderFromEnv, TEMPLATE_VARIABLES } from './index.ts';
import {
  aliyunStandIn,
  tencentStandIn,
  tencentTestEnv,
  type AliyunRequest,
  type StandIn,
  type TencentRequest,
} from './stand-ins.ts';
import { TencentSmsSender } from './tencent.ts';

/** Each carrier's sender against a local server standing in for its endpoint, over real HTTP. */

const phone = '13800138000';
const invitation = {
  kind: 'invitation',
  inviter: '王主任',
  tenant: '幸福里小区',
  url: 'https://city.example',
} as const;

async function refusal(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

/** An endpoint that takes requests and never answers them. */
async function silentEndpoint(): Promise<{ url: URL; close: () => Promise<void> }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const templates = (ids: string[]) =>
  Object.fromEntries(Object.keys(TEMPLATE_VARIABLES).map((kind, i) => [kind, ids[i]!])) as Record<
    keyof typeof TEMPLATE_VARIABLES,
    string
  >;

async function timesOut(sender: (endpoint: URL) => SmsSender) {
  const silent = await silentEndpoint();
  try {
    const started = Date.now();
    const error = await refusal(sender(silent.url).send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
    expect(Date.now() - started).toBeLessThan(5_000);
    return error;
  } finally {
    await silent.close();
  }
}

describe('Tencent Cloud SMS', () => {
  const secretKey = 'tencent-secret-key';
  let standIn: StandIn<TencentRequest>;
  let sender: SmsSender;
  const env = (url: string, key = secretKey) => tencentTestEnv(key, url);
  beforeAll(async () => {
    standIn = await tencentStandIn(secretKey);
    sender = await smsSenderFromEnv(env(standIn.url));
  });
  afterAll(() => standIn.close());

  it('sends SendSms with the template, sign name, E.164 number and parameters, signed with the key', async () => {
    await sender.send(phone, { kind: 'code', code: '042917' }, 'zh-CN');
    const request = standIn.requests.at(-1)!;
    expect(request).toEqual({
      action: 'SendSms',
      version: '2021-01-11',
      region: 'ap-guangzhou',
      secretId: 'AKIDcityLife',
      signed: true,
      body: {
        SmsSdkAppId: '1400006666',
        SignName: '城市生活网',
        TemplateId: '1110',
        PhoneNumberSet: ['+8613800138000'],
        TemplateParamSet: ['042917'],
      },
    });
    expect(JSON.stringify(request)).not.toContain(secretKey);
  });

  it('fills each template with its own parameters, in order, and none for a template without', async () => {
    await sender.send(phone, invitation, 'en');
    expect(standIn.requests.at(-1)!.body).toMatchObject({
      TemplateId: '1111',
      TemplateParamSet: ['王主任', '幸福里小区'],
    });
    await sender.send(phone, { kind: 'account-exists' }, 'zh-CN');
    const last = standIn.requests.at(-1)!.body;
    expect(last.TemplateId).toBe('1112');
    expect(last.TemplateParamSet).toBeUndefined();
  });

  it('fails clearly when the carrier refuses the number, naming its code and request', async () => {
    standIn.refuseWith('LimitExceeded.PhoneNumberDailyLimit');
    try {
      const error = await refusal(sender.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
      expect(error).toMatchObject({ carrier: 'tencent', code: 'LimitExceeded.PhoneNumberDailyLimit' });
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.message).toContain('LimitExceeded.PhoneNumberDailyLimit');
    } finally {
      standIn.refuseWith(null);
    }
  });

  it('fails clearly when the signature does not verify (a wrong key)', async () => {
    const wrongKey = await smsSenderFromEnv(env(standIn.url, 'not-the-key'));
    const error = await refusal(wrongKey.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
    expect(standIn.requests.at(-1)!.signed).toBe(false);
    expect(error).toMatchObject({ carrier: 'tencent', code: 'AuthFailure.SignatureFailure' });
  });

  it('fails clearly when the endpoint cannot be reached', async () => {
    const closed = await tencentStandIn(secretKey);
    await closed.close();
    const unreachable = await smsSenderFromEnv(env(closed.url));
    const error = await refusal(unreachable.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
    expect(error).toMatchObject({ carrier: 'tencent', code: 'request_failed' });
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const error = await timesOut(
      (endpoint) =>
        new TencentSmsSender({
          secretId: 'AKIDcityLife',
          secretKey,
          sdkAppId: '1400006666',
          region: 'ap-guangzhou',
          signName: '城市生活网',
          templates: templates(['1110', '1111', '1112', '1113', '1114']),
          endpoint,
          timeoutMs: 200,
        }),
    );
    expect(error).toMatchObject({ carrier: 'tencent', code: 'request_failed' });
  });
});

describe('Alibaba Cloud SMS', () => {
  const secret = 'aliyun-access-key-secret';
  let standIn: StandIn<AliyunRequest>;
  let sender: SmsSender;
  const env = (url: string, key = secret) => ({
    SMS_SENDER: 'aliyun',
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcityLife',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: key,
    SMS_SIGN_NAME: '城市生活网',
    SMS_TEMPLATE_CODE: 'SMS_100000001',
    SMS_TEMPLATE_INVITATION: 'SMS_100000002',
    SMS_TEMPLATE_ACCOUNT_EXISTS: 'SMS_100000003',
    SMS_TEMPLATE_NOTIFICATION: 'SMS_100000004',
    SMS_TEMPLATE_DIGEST: 'SMS_100000005',
    SMS_ENDPOINT: url,
  });
  beforeAll(async () => {
    standIn = await aliyunStandIn(secret);
    sender = await smsSenderFromEnv(env(standIn.url));
  });
  afterAll(() => standIn.close());

  it('sends SendSms with the template, sign name, E.164 number and parameters, signed with the key', async () => {
    await sender.send(phone, { kind: 'code', code: '042917' }, 'zh-CN');
    const request = standIn.requests.at(-1)!;
    expect(request).toEqual({
      action: 'SendSms',
      version: '2017-05-25',
      accessKeyId: 'LTAIcityLife',
      signed: true,
      params: {
        PhoneNumbers: '+8613800138000',
        SignName: '城市生活网',
        TemplateCode: 'SMS_100000001',
        TemplateParam: '{"code":"042917"}',
      },
    });
    expect(JSON.stringify(request)).not.toContain(secret);
  });

  it('fills each template with its own named parameters, and none for a template without', async () => {
    await sender.send(phone, invitation, 'en');
    const params = standIn.requests.at(-1)!.params;
    expect(params.TemplateCode).toBe('SMS_100000002');
    expect(JSON.parse(params.TemplateParam!)).toEqual({ inviter: '王主任', tenant: '幸福里小区' });
    await sender.send(phone, { kind: 'account-exists' }, 'zh-CN');
    expect(standIn.requests.at(-1)!.params).not.toHaveProperty('TemplateParam');
  });

  it('fails clearly when the carrier refuses the number, naming its code and request', async () => {
    standIn.refuseWith('isv.BUSINESS_LIMIT_CONTROL');
    try {
      const error = await refusal(sender.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
      expect(error).toMatchObject({ carrier: 'aliyun', code: 'isv.BUSINESS_LIMIT_CONTROL' });
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      standIn.refuseWith(null);
    }
  });

  it('fails clearly when the signature does not verify (a wrong key)', async () => {
    const wrongKey = await smsSenderFromEnv(env(standIn.url, 'not-the-secret'));
    const error = await refusal(wrongKey.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
    expect(standIn.requests.at(-1)!.signed).toBe(false);
    expect(error).toMatchObject({ carrier: 'aliyun', code: 'SignatureDoesNotMatch' });
  });

  it('fails clearly when the endpoint cannot be reached', async () => {
    const closed = await aliyunStandIn(secret);
    await closed.close();
    const unreachable = await smsSenderFromEnv(env(closed.url));
    const error = await refusal(unreachable.send(phone, { kind: 'code', code: '042917' }, 'zh-CN'));
    expect(error).toMatchObject({ carrier: 'aliyun', code: 'request_failed' });
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const error = await timesOut(
      (endpoint) =>
        new AliyunSmsSender({
          accessKeyId: 'LTAIcityLife',
          accessKeySecret: secret,
          region: 'cn-hangzhou',
          signName: '城市生活网',
          templates: templates(['SMS_100000001', 'SMS_100000002', 'SMS_100000003', 'SMS_100000004', 'SMS_100000005']),
          endpoint,
          timeoutMs: 200,
        }),
    );
    expect(error).toMatchObject({ carrier: 'aliyun', code: 'request_failed' });
  });
});
