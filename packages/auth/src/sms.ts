export interface SmsMessage {
  phone: string;
  text: string;
  sentAt: Date;
}

/** Sends text messages. Production plugs in a carrier (e.g. Aliyun or Tencent Cloud SMS) behind this interface. */
export interface SmsSender {
  readonly kind: string;
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development sender: keeps the last messages in memory and prints them, so the demo, tests and the
 * dev-only `/api/v1/dev/sms` endpoint can read the codes. Never configured in production.
 */
export class DevSmsSender implements SmsSender {
  readonly kind = 'dev';
  private readonly messages: SmsMessage[] = [];
  private readonly keep: number;
  private readonly log: boolean;

  constructor(options: { keep?: number; log?: boolean } = {}) {
    this.keep = options.keep ?? 500;
    this.log = options.log ?? false;
  }

  async send(phone: string, text: string): Promise<void> {
    this.messages.push({ phone, text, sentAt: new Date() });
    if (this.messages.length > this.keep) this.messages.shift();
    if (this.log) console.log(`[dev sms] → ${phone}: ${text}`);
  }

  /** Newest first. */
  list(phone?: string): SmsMessage[] {
    return this.messages.filter((m) => !phone || m.phone === phone).reverse();
  }
}
