import { carrierParams, e164, SmsDeliveryError, type SmsKind, type SmsMessage, type SmsSender } from '../sms.ts';
import { postToCarrier } from './request.ts';
import { hex, hmac, sha256Hex } from './signing.ts';

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
  /** How long to wait for the answer (10 s unless told). */
  timeoutMs?: number;
}

const ENDPOINT = new URL('https://sms.tencentcloudapi.com/');
const SERVICE = 'sms';
const CONTENT_TYPE = 'application/json';

interface Answer {
  Response?: {
    RequestId?: string;
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string }[];
  };
}

/**
 * Tencent Cloud API 3.0's TC3-HMAC-SHA256 for a JSON POST to `/`: the host is signed without its port, as Tencent's SDK
 * does, since the carrier's own endpoints have none.
 */
async function authorization(config: TencentSmsConfig, host: string, timestamp: number, body: string) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = `POST\n/\n\ncontent-type:${CONTENT_TYPE}\nhost:${host}\n\n${signedHeaders}\n${await sha256Hex(body)}`;
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  const key = await hmac(await hmac(await hmac(`TC3${config.secretKey}`, date), SERVICE), 'tc3_request');
  const signature = hex(await hmac(key, stringToSign));
  return `TC3-HMAC-SHA256 Credential=${config.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Tencent Cloud SMS (SendSms, API 2021-01-11), signed with TC3-HMAC-SHA256. */
export class TencentSmsSender implements SmsSender {
  readonly kind = 'tencent';
  readonly #config: TencentSmsConfig;
  readonly #url: URL;

  constructor(config: TencentSmsConfig) {
    this.#config = config;
    this.#url = new URL('/', config.endpoint ?? ENDPOINT);
  }

  async send(phone: string, message: SmsMessage): Promise<void> {
    const params = carrierParams(message).map((p) => p.value);
    const body = JSON.stringify({
      SmsSdkAppId: this.#config.sdkAppId,
      SignName: this.#config.signName,
      TemplateId: this.#config.templates[message.kind],
      PhoneNumberSet: [e164(phone)],
      ...(params.length ? { TemplateParamSet: params } : {}),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': CONTENT_TYPE,
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-timestamp': String(timestamp),
      'x-tc-region': this.#config.region,
      authorization: await authorization(this.#config, this.#url.hostname, timestamp, body),
    };
    const answer = await postToCarrier('tencent', this.#url, { headers, body }, this.#config.timeoutMs);
    const response = (answer as Answer).Response;
    const requestId = response?.RequestId || undefined;
    // A refused call (a bad signature, a missing parameter) is an Error, whatever the HTTP status.
    if (response?.Error) {
      const { Code, Message } = response.Error;
      throw new SmsDeliveryError('tencent', Code || 'request_failed', Message ?? '', requestId);
    }
    // The call succeeds as a whole; each number has its own status ("Ok", or e.g. LimitExceeded.PhoneNumberDailyLimit).
    const status = response?.SendStatusSet?.[0];
    if (status?.Code !== 'Ok') {
      throw new SmsDeliveryError('tencent', status?.Code ?? 'no_status', status?.Message ?? '', requestId);
    }
  }
}
