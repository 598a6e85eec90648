/**
 * WeChat subscription messages (订阅消息): a person who allowed a template in the mini-program receives one message
 * per allowance, sent by the server with the template's id, the page to open and the template's fields.
 */
export interface WechatMessage {
  openid: string;
  templateId: string;
  /** The mini-program page that opens (our portal path, which the mini-program's web-view loads). */
  page: string;
  /** The template's fields (`thing1`, `time2`, …) as WeChat names them. */
  data: Record<string, { value: string }>;
}

export interface WechatSender {
  readonly kind: string;
  /** Sends one message, or throws WechatDeliveryError. */
  send(message: WechatMessage): Promise<void>;
}

export class WechatDeliveryError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(`WeChat subscription message failed: ${code}${message ? ` (${message})` : ''}`);
    this.name = 'WechatDeliveryError';
    this.code = code;
  }
}

/** Keeps messages in memory, for demos and tests (like the development SMS sender). */
export class DevWechatSender implements WechatSender {
  readonly kind = 'dev';
  readonly sent: (WechatMessage & { at: Date })[] = [];

  send(message: WechatMessage) {
    this.sent.push({ ...message, at: new Date() });
    if (this.sent.length > 500) this.sent.splice(0, this.sent.length - 500);
    return Promise.resolve();
  }
}

interface Token {
  value: string;
  expiresAt: number;
}

/**
 * The real call (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html):
 * an access token from `cgi-bin/stable_token` (kept until five minutes before it expires), then
 * `cgi-bin/message/subscribe/send`. WeChat answers HTTP 200 with `errcode`; 0 is success. A token WeChat calls
 * invalid (40001, 42001) is fetched again once.
 */
export class WechatSubscribeSender implements WechatSender {
  readonly kind = 'wechat';
  readonly #config: { appId: string; appSecret: string; endpoint: string; fetch: typeof fetch };
  #token: Token | undefined;

  constructor(config: { appId: string; appSecret: string; endpoint?: string; fetch?: typeof fetch }) {
    this.#config = {
      appId: config.appId,
      appSecret: config.appSecret,
      endpoint: (config.endpoint ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
      fetch: config.fetch ?? fetch,
    };
  }

  async send(message: WechatMessage) {
    const answer = await this.post(message, await this.token(false));
    if (answer.errcode === 40001 || answer.errcode === 42001) {
      const again = await this.post(message, await this.token(true));
      if (again.errcode) throw new WechatDeliveryError(String(again.errcode), again.errmsg ?? '');
      return;
    }
    if (answer.errcode) throw new WechatDeliveryError(String(answer.errcode), answer.errmsg ?? '');
  }

  private async post(message: WechatMessage, token: string) {
    const res = await this.#config.fetch(
      `${this.#config.endpoint}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: message.openid,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        }),
      },
    );
    if (!res.ok) throw new WechatDeliveryError(`http_${res.status}`, '');
    return (await res.json()) as { errcode?: number; errmsg?: string };
  }

  private async token(renew: boolean): Promise<string> {
    if (!renew && this.#token && this.#token.expiresAt > Date.now()) return this.#token.value;
    const res = await this.#config.fetch(`${this.#config.endpoint}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.#config.appId,
        secret: this.#config.appSecret,
        force_refresh: renew,
      }),
    });
    if (!res.ok) throw new WechatDeliveryError(`http_${res.status}`, 'stable_token');
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new WechatDeliveryError(String(body.errcode ?? 'no_token'), body.errmsg ?? '');
    this.#token = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }
}
