import { carrierParams, e164, SmsDeliveryError, type SmsKind, type SmsMessage, type SmsSender } from '../sms.ts';
import { postToCarrier } from './request.ts';
import { hex, hmac, sha256Hex } from './signing.ts';

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  region: string;
  signName: string;
  templates: Record<SmsKind, string>;
  /** Another endpoint than the region's (dysmsapi.aliyuncs.com for the mainland), e.g. a stand-in in tests. */
  endpoint?: URL | undefined;
  /** How long to wait for the answer (10 s unless told). */
  timeoutMs?: number;
}

/** The regions Dysmsapi does not serve from its central endpoint (the map in Alibaba Cloud's SDK). */
const REGIONAL_HOSTS: Record<string, string> = {
  'ap-southeast-1': 'dysmsapi.ap-southeast-1.aliyuncs.com',
  'ap-southeast-5': 'dysmsapi.ap-southeast-5.aliyuncs.com',
  'cn-beijing': 'dysmsapi-proxy.cn-beijing.aliyuncs.com',
  'cn-hongkong': 'dysmsapi-xman.cn-hongkong.aliyuncs.com',
  'eu-central-1': 'dysmsapi.eu-central-1.aliyuncs.com',
  'us-east-1': 'dysmsapi.us-east-1.aliyuncs.com',
};

// Alibaba Cloud's percent-encoding (RFC 3986: encodeURIComponent leaves !'()* alone).
const acsEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms, RPC style: parameters in the query), signed with ACS3-HMAC-SHA256. */
export class AliyunSmsSender implements SmsSender {
  readonly kind = 'aliyun';
  readonly #config: AliyunSmsConfig;
  readonly #origin: URL;

  constructor(config: AliyunSmsConfig) {
    this.#config = config;
    this.#origin = config.endpoint ?? new URL(`https://${REGIONAL_HOSTS[config.region] ?? 'dysmsapi.aliyuncs.com'}`);
  }

  async send(phone: string, message: SmsMessage): Promise<void> {
    const params = carrierParams(message);
    const query: Record<string, string> = {
      PhoneNumbers: e164(phone),
      SignName: this.#config.signName,
      TemplateCode: this.#config.templates[message.kind],
      ...(params.length
        ? { TemplateParam: JSON.stringify(Object.fromEntries(params.map((p) => [p.name, p.value]))) }
        : {}),
    };
    // The query is sent exactly as it is signed: sorted and encoded the carrier's way.
    const canonicalQuery = Object.keys(query)
      .sort()
      .map((name) => `${acsEncode(name)}=${acsEncode(query[name]!)}`)
      .join('&');
    const url = new URL(`/?${canonicalQuery}`, this.#origin);
    const headers: Record<string, string> = {
      'x-acs-action': 'SendSms',
      'x-acs-content-sha256': await sha256Hex(''),
      'x-acs-date': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      'x-acs-signature-nonce': crypto.randomUUID(),
      'x-acs-version': '2017-05-25',
    };
    // fetch sets Host itself, from the URL: the value signed here.
    const signed: Record<string, string> = { host: url.host, ...headers };
    const names = Object.keys(signed).sort();
    const canonicalHeaders = names.map((name) => `${name}:${signed[name]}\n`).join('');
    const signedHeaders = names.join(';');
    const canonicalRequest = `POST\n/\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${headers['x-acs-content-sha256']}`;
    const signature = hex(
      await hmac(this.#config.accessKeySecret, `ACS3-HMAC-SHA256\n${await sha256Hex(canonicalRequest)}`),
    );
    const authorization = `ACS3-HMAC-SHA256 Credential=${this.#config.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
    const answer = await postToCarrier(
      'aliyun',
      url,
      { headers: { ...headers, accept: 'application/json', authorization } },
      this.#config.timeoutMs,
    );
    // A refused call (a bad signature: HTTP 400) and a refused number (HTTP 200, e.g. isv.BUSINESS_LIMIT_CONTROL)
    // answer alike: a Code other than OK.
    const { Code, Message, RequestId } = answer as { Code?: string; Message?: string; RequestId?: string };
    if (Code !== 'OK') throw new SmsDeliveryError('aliyun', Code || 'no_status', Message ?? '', RequestId || undefined);
  }
}
