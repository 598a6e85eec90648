import { NoWechatSender, WechatSubscribeSender } from '@city/core';
import { describe, expect, it } from 'vitest';
import { wechatFromEnv } from './wechat-config.ts';

describe('WeChat settings', () => {
  it('are optional, and checked when given', () => {
    expect(wechatFromEnv({})).toEqual({ wechatTemplates: {} });
    const on = wechatFromEnv({
      WECHAT_APP_ID: 'wx123',
      WECHAT_APP_SECRET: 's',
      WECHAT_TEMPLATES: '{"voting.reminder":"T1"}',
    });
    expect(on.wechat).toBeInstanceOf(WechatSubscribeSender);
    expect(on.wechatTemplates).toEqual({ 'voting.reminder': 'T1' });
    expect(() => wechatFromEnv({ WECHAT_APP_ID: 'wx123' })).toThrow(/WECHAT_APP_SECRET/);
    expect(() => wechatFromEnv({ WECHAT_TEMPLATES: '[1]' })).toThrow(/JSON object/);
    expect(() => wechatFromEnv({ WECHAT_TEMPLATES: '{"a": 3}' })).toThrow(/not a text/);
    expect(() =>
      wechatFromEnv({ WECHAT_APP_ID: 'wx', WECHAT_APP_SECRET: 's', WECHAT_ENDPOINT: 'http://evil.example' }),
    ).toThrow(/https/);
  });

  it('give a production server without a mini-program no WeChat channel: bindings are refused, not kept', async () => {
    const off = wechatFromEnv({ NODE_ENV: 'production', WECHAT_TEMPLATES: '{"voting.reminder":"T1"}' });
    expect(off.wechat).toBeInstanceOf(NoWechatSender);
    expect(off.wechatTemplates).toEqual({});
    await expect(off.wechat!.openidFor('code')).rejects.toMatchObject({ code: 'not_configured', invalidCode: false });
  });
});
