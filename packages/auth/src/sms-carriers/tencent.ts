import { sms } from 'tencentcloud-sdk-nodejs-sms';
import { carrierParams, e164, SmsDeliveryError, type SmsKind, type SmsMessage, type SmsSender } from '../sms.ts';

type Client = InstanceType<typeof sms.v20210111.Client>;

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** The SMS application's SdkAppId (e.g. 1400006666). */
  sdkAppId: string;
  region: string;
  signName: string;
  templates: Record<SmsKind, string>;
  /** Another endpoint than sms.tencentcloudapi.com (a regional one, or a stand-in in tests). */
  endpoint?: URL | undefined;
}

/** Tencent Cloud SMS (SendSms, API 2021-01-11) through the official SDK, which signs with TC3-HMAC-SHA256. */
export class TencentSmsSender implements SmsSender {
  readonly kind = 'tencent';
  readonly #client: Client;
  readonly #config: TencentSmsConfig;

  constructor(config: TencentSmsConfig) {
    this.#config = config;
    const endpoint = config.endpoint;
    this.#client = new sms.v20210111.Client({
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: {
        // A person waits on the answer: fail in seconds rather than the SDK's minute.
        httpProfile: {
          reqTimeout: 10,
          ...(endpoint ? { endpoint: endpoint.host, protocol: `${endpoint.protocol}//` } : {}),
        },
      },
    });
  }

  async send(phone: string, message: SmsMessage): Promise<void> {
    const params = carrierParams(message).map((p) => p.value);
    let answer: Awaited<ReturnType<Client['SendSms']>>;
    try {
      answer = await this.#client.SendSms({
        SmsSdkAppId: this.#config.sdkAppId,
        SignName: this.#config.signName,
        TemplateId: this.#config.templates[message.kind],
        PhoneNumberSet: [e164(phone)],
        ...(params.length ? { TemplateParamSet: params } : {}),
      });
    } catch (error) {
      const { code, requestId, message: text } = error as { code?: string; requestId?: string; message?: string };
      throw new SmsDeliveryError('tencent', code || 'request_failed', text ?? '', requestId || undefined);
    }
    // The call succeeds as a whole; each number has its own status ("Ok", or e.g. LimitExceeded.PhoneNumberDailyLimit).
    const status = answer.SendStatusSet?.[0];
    if (status?.Code !== 'Ok') {
      throw new SmsDeliveryError('tencent', status?.Code ?? 'no_status', status?.Message ?? '', answer.RequestId);
    }
  }
}
