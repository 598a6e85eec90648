import { createRequire } from 'node:module';
import type DysmsapiModule from '@alicloud/dysmsapi20170525';
import { Config } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { carrierParams, e164, SmsDeliveryError, type SmsKind, type SmsMessage, type SmsSender } from '../sms.ts';

// A CommonJS package whose client is `exports.default`: Node's ESM import and vitest's interop disagree on what
// `default` is, require() does not.
const { default: Dysmsapi, SendSmsRequest } = createRequire(import.meta.url)(
  '@alicloud/dysmsapi20170525',
) as typeof DysmsapiModule;

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  region: string;
  signName: string;
  templates: Record<SmsKind, string>;
  /** Another endpoint than the region's (dysmsapi.aliyuncs.com for the mainland), e.g. a stand-in in tests. */
  endpoint?: URL | undefined;
}

/** Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms) through the official SDK, which signs with ACS3-HMAC-SHA256. */
export class AliyunSmsSender implements SmsSender {
  readonly kind = 'aliyun';
  readonly #client: InstanceType<typeof Dysmsapi>;
  readonly #config: AliyunSmsConfig;
  // A person waits on the answer; the SDK does not retry unless told to (SendSms is not idempotent).
  readonly #runtime = new RuntimeOptions({ connectTimeout: 5000, readTimeout: 10_000 });

  constructor(config: AliyunSmsConfig) {
    this.#config = config;
    const endpoint = config.endpoint;
    this.#client = new Dysmsapi(
      new Config({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        regionId: config.region,
        ...(endpoint ? { endpoint: endpoint.host, protocol: endpoint.protocol.replace(':', '') } : {}),
      }),
    );
  }

  async send(phone: string, message: SmsMessage): Promise<void> {
    const params = carrierParams(message);
    let body;
    try {
      const request = new SendSmsRequest({
        phoneNumbers: e164(phone),
        signName: this.#config.signName,
        templateCode: this.#config.templates[message.kind],
        ...(params.length
          ? { templateParam: JSON.stringify(Object.fromEntries(params.map((p) => [p.name, p.value]))) }
          : {}),
      });
      ({ body } = await this.#client.sendSmsWithOptions(request, this.#runtime));
    } catch (error) {
      const { code, message: text, data } = error as { code?: string; message?: string; data?: { RequestId?: string } };
      throw new SmsDeliveryError('aliyun', code || 'request_failed', text ?? '', data?.RequestId);
    }
    // Business refusals come back as HTTP 200 with a code other than OK (e.g. isv.BUSINESS_LIMIT_CONTROL).
    if (body?.code !== 'OK') {
      throw new SmsDeliveryError('aliyun', body?.code ?? 'no_status', body?.message ?? '', body?.requestId);
    }
  }
}
