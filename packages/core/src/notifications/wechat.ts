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
  /** Sends one message, or throws WechatError. */
  send(message: WechatMessage): Promise<void>;
  /**
   * The person's openid for the one-time code `wx.login()` gave the mini-program, or throws WechatError (an
   * invalid or used code is `invalidCode`).
   */
  openidFor(code: string): Promise<string>;
}

/** WeChat's codes for a login code it does not accept: invalid, already used, from a blocked account. */
const INVALID_CODE = new Set(['40029', '40163', '40226']);

export class WechatError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(`WeChat call failed: ${code}${message ? ` (${message})` : ''}`);
    this.name = 'WechatError';
    this.code = code;
  }

  get invalidCode(): boolean {
    return INVALID_CODE.has(this.code);
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

  /** Any code but `invalid` stands for one account: the same code, the same openid (as one WeChat user's would). */
  openidFor(code: string) {
    if (code === 'invalid') return Promise.reject(new WechatError('40029', 'invalid code'));
    return Promise.resolve(`dev-${code}`);
  }
}

/**
 * A production server without a mini-program: there is no WeChat channel, and a binding is refused rather than kept
 * for messages that would never leave (the development sender is for demos and tests only).
 */
export class NoWechatSender implements WechatSender {
  readonly kind = 'none';

  send(): Promise<void> {
    return Promise.reject(new WechatError('not_configured', 'no WECHAT_APP_ID'));
  }

  openidFor(): Promise<string> {
    return Promise.reject(new WechatError('not_configured', 'no WECHAT_APP_ID'));
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
 * invalid (40001, 42001) is fetched again once. Binding: `sns/jscode2session` turns the mini-program's login code
 * into the person's openid (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html).
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
      if (again.errcode) throw new WechatError(String(again.errcode), again.errmsg ?? '');
      return;
    }
    if (answer.errcode) throw new WechatError(String(answer.errcode), answer.errmsg ?? '');
  }

  async openidFor(code: string) {
    const query = new URLSearchParams({
      appid: this.#config.appId,
      secret: this.#config.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const res = await this.#config.fetch(`${this.#config.endpoint}/sns/jscode2session?${query}`);
    if (!res.ok) throw new WechatError(`http_${res.status}`, 'jscode2session');
    const body = (await res.json()) as { openid?: string; errcode?: number; errmsg?: string };
    if (body.errcode || !body.openid) throw new WechatError(String(body.errcode ?? 'no_openid'), body.errmsg ?? '');
    return body.openid;
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
    if (!res.ok) throw new WechatError(`http_${res.status}`, '');
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
    if (!res.ok) throw new WechatError(`http_${res.status}`, 'stable_token');
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new WechatError(String(body.errcode ?? 'no_token'), body.errmsg ?? '');
    this.#token = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }
}
