import { NoWechatSender, WechatSubscribeSender, type WechatSender } from '@city/core';

type Env = Record<string, string | undefined>;

/**
 * WeChat subscription messages from the environment: WECHAT_APP_ID and WECHAT_APP_SECRET (the mini-program's), the
 * template id of each notification kind in WECHAT_TEMPLATES (JSON: `{"voting.reminder": "…"}`), WECHAT_ENDPOINT for a
 * stand-in. Without an app id, no WeChat channel: in production bindings are refused; elsewhere the development
 * sender keeps messages in memory. Checked at start.
 */
export function wechatFromEnv(env: Env): { wechat?: WechatSender; wechatTemplates: Record<string, string> } {
  const appId = env.WECHAT_APP_ID?.trim();
  const templates = parseTemplates(env.WECHAT_TEMPLATES);
  if (!appId) {
    return env.NODE_ENV === 'production'
      ? { wechat: new NoWechatSender(), wechatTemplates: {} }
      : { wechatTemplates: templates };
  }
  const appSecret = env.WECHAT_APP_SECRET?.trim();
  if (!appSecret) throw new Error('WECHAT_APP_ID needs WECHAT_APP_SECRET');
  const endpoint = env.WECHAT_ENDPOINT?.trim();
  if (endpoint && !/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(endpoint))
    throw new Error(`WECHAT_ENDPOINT must be https (plain http only to 127.0.0.1/localhost), not "${endpoint}"`);
  return {
    wechat: new WechatSubscribeSender({ appId, appSecret, ...(endpoint ? { endpoint } : {}) }),
    wechatTemplates: templates,
  };
}

function parseTemplates(raw: string | undefined): Record<string, string> {
  if (!raw?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('WECHAT_TEMPLATES is JSON: {"<notification kind>": "<template id>", …}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('WECHAT_TEMPLATES is a JSON object of notification kinds and template ids');
  for (const [kind, id] of Object.entries(parsed)) {
    if (typeof id !== 'string' || !id) throw new Error(`WECHAT_TEMPLATES: the template id of ${kind} is not a text`);
  }
  return parsed as Record<string, string>;
}
