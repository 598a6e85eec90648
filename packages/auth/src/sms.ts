import type { Locale } from '@city/contracts';

/**
 * What the platform texts people. Carriers in mainland China send only templates registered in advance, under the
 * sender's 签名, and fill in their parameters: code sends a kind of message with its parameters, never free text.
 */
export type SmsMessage =
  | { kind: 'code'; code: string }
  | { kind: 'invitation'; inviter: string; tenant: string; url: string }
  | { kind: 'account-exists' }
  | { kind: 'notification'; title: string; url: string }
  | { kind: 'digest'; count: string; url: string };

export type SmsKind = SmsMessage['kind'];

type ParamsOf<K extends SmsKind> = Omit<Extract<SmsMessage, { kind: K }>, 'kind'>;

interface Template<K extends SmsKind> {
  /**
   * The parameters a carrier fills in, in order (Tencent's {1}, {2}…; Aliyun names them). Any other placeholder is
   * written into the registered template itself: the invitation's address is the deployment's PUBLIC_URL, because
   * carriers approve a fixed, ICP-filed address far more readily than a link variable.
   */
  carrierParams: readonly (keyof ParamsOf<K> & string)[];
  'zh-CN': string;
  en: string;
}

/** The message bodies, `{name}` marking a parameter. The zh-CN ones are the templates registered with a carrier. */
export const SMS_TEMPLATES: { readonly [K in SmsKind]: Template<K> } = {
  code: {
    carrierParams: ['code'],
    'zh-CN': '您的验证码为 {code}，10分钟内有效，请勿泄露。',
    en: 'Your code is {code}. It expires in 10 minutes. Do not share it.',
  },
  invitation: {
    carrierParams: ['inviter', 'tenant'],
    'zh-CN': '{inviter}邀请您加入「{tenant}」。请用本手机号在 {url} 注册或登录后接受邀请。',
    en: '{inviter} invited you to join {tenant}. Sign up or sign in with this number at {url} to accept.',
  },
  notification: {
    carrierParams: ['title'],
    'zh-CN': '您有一条新消息：{title}。请登录 {url} 查看。',
    en: 'New for you: {title}. Sign in at {url} to read it.',
  },
  digest: {
    carrierParams: ['count'],
    'zh-CN': '您有 {count} 条新消息，请登录 {url} 查看。',
    en: 'You have {count} new messages. Sign in at {url} to read them.',
  },
  'account-exists': {
    carrierParams: [],
    'zh-CN':
      '本手机号已注册过城市生活网账号，请直接用手机号和密码登录；忘记密码可在登录页点“忘记密码？”重置。如非本人操作，请忽略。',
    en: 'This number already has a City Life account. Sign in with it and your password; if you forgot the password, reset it from the sign-in page. If this was not you, ignore this message.',
  },
};

/** The 签名 a carrier puts before every text (set per carrier account; the dev sender shows the product's name). */
const SIGNED = { 'zh-CN': (body: string) => `【城市生活网】${body}`, en: (body: string) => `[City Life] ${body}` };

const PLACEHOLDER = /\{(\w+)\}/g;

function paramsOf(message: SmsMessage): Record<string, string> {
  const { kind: _kind, ...params } = message;
  return params;
}

/** The text as the recipient reads it: the body in their language, signed. */
export function renderSms(message: SmsMessage, locale: Locale): string {
  const params = paramsOf(message);
  const body = SMS_TEMPLATES[message.kind][locale].replace(PLACEHOLDER, (_, name: string) => params[name] ?? '');
  return SIGNED[locale](body);
}

/** The values a carrier fills into the registered template, in the template's order. */
export function carrierParams(message: SmsMessage): { name: string; value: string }[] {
  const params = paramsOf(message);
  const names: readonly string[] = SMS_TEMPLATES[message.kind].carrierParams;
  return names.map((name) => ({ name, value: params[name] ?? '' }));
}

/**
 * The zh-CN template to register with a carrier: Tencent numbers its variables ({1}), Aliyun names them (${code});
 * what is not a carrier parameter is written out (`publicUrl` for the invitation's address).
 */
export function carrierTemplate(kind: SmsKind, style: 'tencent' | 'aliyun', publicUrl: string): string {
  const names: readonly string[] = SMS_TEMPLATES[kind].carrierParams;
  return SMS_TEMPLATES[kind]['zh-CN'].replace(PLACEHOLDER, (_, name: string) => {
    const index = names.indexOf(name);
    if (index < 0) return publicUrl;
    return style === 'tencent' ? `{${index + 1}}` : `\${${name}}`;
  });
}

/** Mainland mobile numbers as carriers' APIs take them (E.164). */
export const e164 = (phone: string) => `+86${phone}`;

/** Sends text messages: the dev inbox, or a carrier (`@city/auth/sms-carriers`). */
export interface SmsSender {
  readonly kind: string;
  /** Delivers one text to an 11-digit mainland number, or throws SmsDeliveryError. */
  send(phone: string, message: SmsMessage, locale: Locale): Promise<void>;
}

/** A carrier refused or could not be reached: the text was not sent. */
export class SmsDeliveryError extends Error {
  readonly carrier: string;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(carrier: string, code: string, message: string, requestId?: string) {
    super(
      `${carrier} SMS failed: ${code}${message ? ` (${message})` : ''}${requestId ? ` [request ${requestId}]` : ''}`,
    );
    this.name = 'SmsDeliveryError';
    this.carrier = carrier;
    this.code = code;
    this.requestId = requestId;
  }
}

export interface DevSms {
  phone: string;
  text: string;
  sentAt: Date;
}

/**
 * Development sender: keeps the last messages in memory and prints them, so the demo, tests and the dev-only
 * `/api/v1/dev/sms` endpoint can read the codes. A production API refuses to start with it (apps/api/src/node.ts).
 */
export class DevSmsSender implements SmsSender {
  readonly kind = 'dev';
  private readonly messages: DevSms[] = [];
  private readonly keep: number;
  private readonly log: boolean;

  constructor(options: { keep?: number; log?: boolean } = {}) {
    this.keep = options.keep ?? 500;
    this.log = options.log ?? false;
  }

  async send(phone: string, message: SmsMessage, locale: Locale): Promise<void> {
    const text = renderSms(message, locale);
    this.messages.push({ phone, text, sentAt: new Date() });
    if (this.messages.length > this.keep) this.messages.shift();
    if (this.log) console.log(`[dev sms] → ${phone}: ${text}`);
  }

  /** Newest first. */
  list(phone?: string): DevSms[] {
    return this.messages.filter((m) => !phone || m.phone === phone).reverse();
  }
}
