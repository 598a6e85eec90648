import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WechatError, WechatSubscribeSender } from './wechat.ts';

interface Seen {
  path: string;
  body: Record<string, unknown>;
}

/** A local stand-in for api.weixin.qq.com: answers as WeChat does and keeps what it was sent. */
async function standIn(answer: (seen: Seen) => Record<string, unknown>) {
  const seen: Seen[] = [];
  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const call = { path: req.url!, body };
      seen.push(call);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(call)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const message = {
  openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
  templateId: 'TEMPLATE_ID_VOTE',
  page: '/n/jinse/p/voting/meetings/1',
  data: { thing1: { value: '业主大会投票中，您未投票' } },
};

describe('WeChat subscription messages', () => {
  it('take a stable token once, then send the template, the page and the fields as WeChat documents them', async () => {
    let tokens = 0;
    const wechat = await standIn(({ path }) =>
      path.startsWith('/cgi-bin/stable_token')
        ? { access_token: `token-${++tokens}`, expires_in: 7200 }
        : { errcode: 0, errmsg: 'ok' },
    );
    const sender = new WechatSubscribeSender({ appId: 'wx123', appSecret: 'secret', endpoint: wechat.endpoint });
    await sender.send(message);
    await sender.send(message);
    expect(wechat.seen.map((s) => s.path)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/message/subscribe/send?access_token=token-1',
      '/cgi-bin/message/subscribe/send?access_token=token-1',
    ]);
    expect(wechat.seen[0]!.body).toEqual({
      grant_type: 'client_credential',
      appid: 'wx123',
      secret: 'secret',
      force_refresh: false,
    });
    expect(wechat.seen[1]!.body).toEqual({
      touser: message.openid,
      template_id: 'TEMPLATE_ID_VOTE',
      page: message.page,
      data: message.data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it('renews a token WeChat calls expired once, and reports a refusal with its code', async () => {
    let sends = 0;
    const wechat = await standIn(({ path }) => {
      if (path.startsWith('/cgi-bin/stable_token')) return { access_token: `t${sends}`, expires_in: 7200 };
      sends++;
      if (sends === 1) return { errcode: 42001, errmsg: 'access_token expired' };
      if (sends === 2) return { errcode: 0, errmsg: 'ok' };
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    });
    const sender = new WechatSubscribeSender({ appId: 'wx123', appSecret: 'secret', endpoint: wechat.endpoint });
    await sender.send(message);
    expect(
      wechat.seen.filter((s) => s.path.startsWith('/cgi-bin/stable_token')).map((s) => s.body.force_refresh),
    ).toEqual([false, true]);
    const refused = await sender.send(message).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WechatError);
    expect(refused).toMatchObject({ code: '43101' });
  });

  it('turn the mini-program’s login code into the person’s openid, and say when WeChat refuses the code', async () => {
    const wechat = await standIn(({ path }) =>
      new URL(path, 'http://x').searchParams.get('js_code') === 'good'
        ? { openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', session_key: 'kept-by-wechat' }
        : { errcode: 40163, errmsg: 'code been used' },
    );
    const sender = new WechatSubscribeSender({ appId: 'wx123', appSecret: 'secret', endpoint: wechat.endpoint });
    expect(await sender.openidFor('good')).toBe('o6_bmjrPTlm6_2sgVt7hMZOPfL2M');
    const query = new URL(wechat.seen[0]!.path, 'http://x');
    expect(query.pathname).toBe('/sns/jscode2session');
    expect(Object.fromEntries(query.searchParams)).toEqual({
      appid: 'wx123',
      secret: 'secret',
      js_code: 'good',
      grant_type: 'authorization_code',
    });
    const used = await sender.openidFor('good-again').catch((error: unknown) => error);
    expect(used).toBeInstanceOf(WechatError);
    expect(used).toMatchObject({ code: '40163', invalidCode: true });
  });
});
