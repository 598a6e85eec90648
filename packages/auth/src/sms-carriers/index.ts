import { DevSmsSender, type SmsKind, type SmsSender } from '../sms.ts';
import { AliyunSmsSender } from './aliyun.ts';
import { TencentSmsSender } from './tencent.ts';

/**
 * The SMS sender an environment names, checked whole before anything starts: a missing key or a template id in the
 * wrong carrier's format is a refusal to boot listing every problem, not a failure at the first sign-up.
 * The senders are fetch and WebCrypto only, so this entry, `@city/auth/sms-carriers`, loads in Node and in Workers.
 */

type Env = Record<string, string | undefined>;

export const SMS_SENDERS = ['dev', 'tencent', 'aliyun'] as const;

/** The template id variable of each kind of message (README.md, "SMS carriers"). */
export const TEMPLATE_VARIABLES: Record<SmsKind, string> = {
  code: 'SMS_TEMPLATE_CODE',
  invitation: 'SMS_TEMPLATE_INVITATION',
  'account-exists': 'SMS_TEMPLATE_ACCOUNT_EXISTS',
  notification: 'SMS_TEMPLATE_NOTIFICATION',
  digest: 'SMS_TEMPLATE_DIGEST',
};

export class SmsConfigError extends Error {
  constructor(sender: string, problems: string[]) {
    super(`SMS_SENDER=${sender} is not configured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SmsConfigError';
  }
}

/** Reads variables, collecting every problem instead of stopping at the first. */
class Reader {
  readonly problems: string[] = [];
  private readonly env: Env;

  constructor(env: Env) {
    this.env = env;
  }

  required(name: string, format?: { pattern: RegExp; expected: string }): string {
    const value = this.env[name]?.trim();
    if (!value) {
      this.problems.push(`${name} is missing`);
      return '';
    }
    if (format && !format.pattern.test(value)) this.problems.push(`${name} must be ${format.expected}, not "${value}"`);
    return value;
  }

  optional(name: string, fallback: string, format: { pattern: RegExp; expected: string }): string {
    const value = this.env[name]?.trim() || fallback;
    if (!format.pattern.test(value)) this.problems.push(`${name} must be ${format.expected}, not "${value}"`);
    return value;
  }

  signName(): string {
    const value = this.required('SMS_SIGN_NAME');
    // The carrier adds the brackets; a sign name registered as 城市生活网 is sent as 城市生活网.
    if (/[【】[\]]/.test(value))
      this.problems.push(`SMS_SIGN_NAME is the approved 签名 without brackets, not "${value}"`);
    return value;
  }

  templates(format: { pattern: RegExp; expected: string }): Record<SmsKind, string> {
    const entries = Object.entries(TEMPLATE_VARIABLES).map(([kind, name]) => [kind, this.required(name, format)]);
    return Object.fromEntries(entries) as Record<SmsKind, string>;
  }

  /** A carrier's address other than its own: https, or plain http only to this machine (a stand-in, a local relay). */
  endpoint(): URL | undefined {
    const raw = this.env.SMS_ENDPOINT?.trim();
    if (!raw) return undefined;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      this.problems.push(
        `SMS_ENDPOINT must be a URL such as https://sms.ap-guangzhou.tencentcloudapi.com, not "${raw}"`,
      );
      return undefined;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      this.problems.push(`SMS_ENDPOINT must use https (plain http only to 127.0.0.1 or localhost), not "${raw}"`);
    }
    if (url.pathname !== '/' || url.search)
      this.problems.push(`SMS_ENDPOINT is an origin without a path, not "${raw}"`);
    return url;
  }

  done<T>(sender: string, value: T): T {
    if (this.problems.length) throw new SmsConfigError(sender, this.problems);
    return value;
  }
}

const REGION = { pattern: /^[a-z]+-[a-z]+(-\d+)?$/, expected: 'a region id such as ap-guangzhou' };

/** `SMS_SENDER` (default `dev`) and the chosen carrier's variables; throws SmsConfigError. */
export async function smsSenderFromEnv(env: Env, options: { log?: boolean } = {}): Promise<SmsSender> {
  const sender = env.SMS_SENDER?.trim() || 'dev';
  const read = new Reader(env);
  switch (sender) {
    case 'dev':
      return new DevSmsSender({ log: options.log ?? false });
    case 'tencent': {
      const config = read.done(sender, {
        secretId: read.required('TENCENTCLOUD_SECRET_ID'),
        secretKey: read.required('TENCENTCLOUD_SECRET_KEY'),
        sdkAppId: read.required('TENCENT_SMS_SDK_APP_ID', { pattern: /^\d+$/, expected: 'the SdkAppId (digits)' }),
        region: read.optional('TENCENT_SMS_REGION', 'ap-guangzhou', REGION),
        signName: read.signName(),
        templates: read.templates({ pattern: /^\d+$/, expected: 'a Tencent template id (digits)' }),
        endpoint: read.endpoint(),
      });
      return new TencentSmsSender(config);
    }
    case 'aliyun': {
      const config = read.done(sender, {
        accessKeyId: read.required('ALIBABA_CLOUD_ACCESS_KEY_ID'),
        accessKeySecret: read.required('ALIBABA_CLOUD_ACCESS_KEY_SECRET'),
        region: read.optional('ALIYUN_SMS_REGION', 'cn-hangzhou', REGION),
        signName: read.signName(),
        templates: read.templates({ pattern: /^SMS_\d+$/, expected: 'an Aliyun template code (SMS_ and digits)' }),
        endpoint: read.endpoint(),
      });
      return new AliyunSmsSender(config);
    }
    default:
      throw new Error(`SMS_SENDER must be one of ${SMS_SENDERS.join(', ')}, not "${sender}"`);
  }
}
