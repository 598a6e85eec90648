import { describe, expect, it } from 'vitest';
import { DevSmsSender } from '../sms.ts';
import { SmsConfigError, smsSenderFromEnv } from './index.ts';
import { tencentTestEnv } from './stand-ins.ts';

const tencent = tencentTestEnv('secret');

const problemsOf = async (env: Record<string, string>) => {
  const error = await smsSenderFromEnv(env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsConfigError);
  return (error as Error).message;
};

describe('choosing the SMS sender from the environment', () => {
  it('uses the dev inbox when nothing is chosen, and a carrier when one is configured', async () => {
    expect(await smsSenderFromEnv({})).toBeInstanceOf(DevSmsSender);
    expect((await smsSenderFromEnv(tencent)).kind).toBe('tencent');
  });

  it('refuses an unknown sender by name', async () => {
    await expect(smsSenderFromEnv({ SMS_SENDER: 'carrier-pigeon' })).rejects.toThrow(
      'SMS_SENDER must be one of dev, tencent, aliyun, not "carrier-pigeon"',
    );
  });

  it('lists every missing setting at once', async () => {
    const message = await problemsOf({ SMS_SENDER: 'aliyun' });
    for (const name of [
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'SMS_SIGN_NAME',
      'SMS_TEMPLATE_CODE',
      'SMS_TEMPLATE_INVITATION',
      'SMS_TEMPLATE_ACCOUNT_EXISTS',
      'SMS_TEMPLATE_NOTIFICATION',
      'SMS_TEMPLATE_DIGEST',
    ]) {
      expect(message).toContain(`${name} is missing`);
    }
  });

  it("refuses another carrier's template ids, a bracketed sign name and a bad region", async () => {
    const message = await problemsOf({
      ...tencent,
      SMS_TEMPLATE_CODE: 'SMS_100000001',
      SMS_SIGN_NAME: '【城市生活网】',
      TENCENT_SMS_REGION: 'guangzhou',
    });
    expect(message).toContain('SMS_TEMPLATE_CODE must be a Tencent template id (digits), not "SMS_100000001"');
    expect(message).toContain('SMS_SIGN_NAME is the approved 签名 without brackets');
    expect(message).toContain('TENCENT_SMS_REGION must be a region id such as ap-guangzhou');
    const aliyun = await problemsOf({
      SMS_SENDER: 'aliyun',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret',
      SMS_SIGN_NAME: '城市生活网',
      SMS_TEMPLATE_CODE: '1110',
      SMS_TEMPLATE_INVITATION: 'SMS_100000002',
      SMS_TEMPLATE_ACCOUNT_EXISTS: 'SMS_100000003',
      SMS_TEMPLATE_NOTIFICATION: 'SMS_100000004',
      SMS_TEMPLATE_DIGEST: 'SMS_100000005',
    });
    expect(aliyun).toContain('SMS_TEMPLATE_CODE must be an Aliyun template code (SMS_ and digits), not "1110"');
  });

  it('reaches a carrier over https, or over plain http only on this machine', async () => {
    expect(await problemsOf({ ...tencent, SMS_ENDPOINT: 'http://sms.example.com' })).toContain(
      'SMS_ENDPOINT must use https (plain http only to 127.0.0.1 or localhost)',
    );
    expect(await problemsOf({ ...tencent, SMS_ENDPOINT: 'https://sms.example.com/v1' })).toContain(
      'SMS_ENDPOINT is an origin without a path',
    );
    expect(await problemsOf({ ...tencent, SMS_ENDPOINT: 'sms.example.com' })).toContain('SMS_ENDPOINT must be a URL');
    for (const endpoint of ['https://sms.ap-beijing.tencentcloudapi.com', 'http://127.0.0.1:9000']) {
      expect((await smsSenderFromEnv({ ...tencent, SMS_ENDPOINT: endpoint })).kind).toBe('tencent');
    }
  });
});
