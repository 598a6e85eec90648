import { useWorld, type TestApp, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';
import { votingManifest } from '@city/plugin-voting';
import { votingPlugin } from '@city/plugin-voting/server';
import { MAX_BODY_DEPTH } from './hostile-input.ts';

/** Voting installed in A: its routes are guarded by the same middleware as the core's. */
async function setUp(h: TestApp, world: World) {
  const res = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/voting/install`, {
    token: world.tokens.adminA,
    json: { grantedScopes: votingManifest.scopes },
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}
const current = useWorld({ plugins: [votingPlugin], setUp });

const notice = { category: 'notice', title: '停水通知', body: '明天停水', audience: 'public' };
const problem = (path: string, code: string) => expect.objectContaining({ path, code });

/** The 400 of the input guard: validation_failed with one field error per place, nothing else. */
function refused(res: { status: number; body: { code?: string; errors?: unknown[] } }, ...errors: unknown[]) {
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('validation_failed');
  expect(res.body.errors).toEqual(errors);
}

describe('hostile input is refused in one place, for every route', () => {
  it('refuses NUL, unpaired surrogates, controls and noncharacters anywhere in a JSON body, naming where', async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/notices`;
    const admin = { token: world.tokens.adminA };
    refused(
      await h.call('POST', url, { ...admin, json: { ...notice, title: 'a\u0000b' } }),
      problem('body.title', 'text_hostile'),
    );
    refused(
      await h.call('POST', url, {
        ...admin,
        json: { ...notice, body: 'x\u001b[2J', attachments: [{ name: '\ufffe', url: 'https://example.com/a' }] },
      }),
      problem('body.body', 'text_hostile'),
      problem('body.attachments.0.name', 'text_hostile'),
    );
    // JSON's "\ud800" is valid JSON that parses into an unpaired surrogate; keys are checked too.
    const raw = new TextEncoder().encode('{"title":"\\ud800","a\\u0000":1,"\\ufdd0":[]}');
    refused(
      await h.call('POST', url, { ...admin, body: raw, headers: { 'content-type': 'application/json' } }),
      problem('body.title', 'text_hostile'),
      problem('body.a\\u0000', 'text_hostile'),
      problem('body.\\uFDD0', 'text_hostile'),
    );
    // Tabs and line breaks are text.
    expect((await h.call('POST', url, { ...admin, json: { ...notice, body: '一、\n\t停水\r\n二、' } })).status).toBe(
      201,
    );
  });

  it('answers in the caller’s language', async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/notices`;
    for (const [locale, message] of [
      ['zh-CN', '包含不允许的字符（空字符、控制字符、不成对的代理项或非字符）'],
      [
        'en',
        'Contains a character that is not allowed (NUL, a control character, an unpaired surrogate or a noncharacter)',
      ],
    ] as const) {
      const res = await h.call('POST', url, {
        token: world.tokens.adminA,
        locale,
        json: { ...notice, title: '\u0000' },
      });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('content-language')).toBe(locale);
      expect(res.body.errors).toEqual([{ path: 'body.title', code: 'text_hostile', message }]);
    }
  });

  it('refuses them in query strings and path parameters, and percent-encodings that do not decode', async () => {
    const { h, world } = current;
    const a = world.tenantA.slug;
    const admin = { token: world.tokens.adminA };
    // A plugin's route and a core route: one guard in front of both.
    refused(await h.call('GET', `/api/v1/t/${a}/p/voting/topics?q=a%00b`, admin), problem('query.q', 'text_hostile'));
    refused(await h.call('GET', `/api/v1/t/${a}/members?q=%EF%BF%BE`, admin), problem('query.q', 'text_hostile'));
    refused(await h.call('GET', `/api/v1/t/${a}/members?q=%E0%A4%A`, admin), problem('query.q', 'url_encoding'));
    refused(await h.call('GET', `/api/v1/t/${a}/members?%00=1`, admin), problem('query.\\u0000', 'text_hostile'));
    refused(await h.call('GET', `/api/v1/public/n/%00/notices`), problem('path.tenant', 'text_hostile'));
    refused(await h.call('GET', `/api/v1/public/n/${a}%ED%A0%80/notices`), problem('path.tenant', 'url_encoding'));
    refused(await h.call('GET', `/api/v1/t/${a}/notices/%E0%A4%A`, admin), problem('path.noticeId', 'url_encoding'));
    // No route matches: the place is still named, as the address.
    refused(await h.call('GET', `/api/v1/nowhere/%00`), problem('path', 'text_hostile'));
  });

  it('refuses them in form fields and file names', async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/notices`;
    const form = new FormData();
    form.append('title', 'a\u0000b');
    form.append('file', new Blob(['x']), 'photo\u0007.jpg');
    const multipart = new Request('http://x', { method: 'POST', body: form });
    refused(
      await h.call('POST', url, {
        token: world.tokens.adminA,
        body: new Uint8Array(await multipart.arrayBuffer()),
        headers: { 'content-type': multipart.headers.get('content-type')! },
      }),
      problem('body.title', 'text_hostile'),
      problem('body.file', 'text_hostile'),
    );
    refused(
      await h.call('POST', url, {
        token: world.tokens.adminA,
        body: new TextEncoder().encode('title=%01&body=ok'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      problem('body.title', 'text_hostile'),
    );
  });

  it(`refuses JSON nested deeper than ${MAX_BODY_DEPTH} levels, however deep`, async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/plugins/voting/settings`;
    const nested = (depth: number) => '{"settings":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
    const put = (depth: number) =>
      h.call('PUT', url, {
        token: world.tokens.adminA,
        body: new TextEncoder().encode(nested(depth)),
        headers: { 'content-type': 'application/json' },
      });
    // The body itself is the first level.
    for (const depth of [MAX_BODY_DEPTH, 300_000]) {
      const res = await put(depth);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([problem(`body.settings${'.0'.repeat(MAX_BODY_DEPTH - 1)}`, 'too_deep')]);
    }
    // One level less passes the guard (and is then refused by the route's schema: settings are an object).
    expect((await put(MAX_BODY_DEPTH - 1)).body.errors).toEqual([problem('settings', 'invalid_type')]);
  });

  it('answers before the session, the access check and the handler: nothing is looked up or written', async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/notices`;
    // Anonymous, and a forged session: the guard answers before either is looked at.
    for (const token of [undefined, 'forged.token']) {
      const res = await h.call('POST', url, { token, json: { ...notice, title: '\ud800' } });
      expect(res.status).toBe(400);
    }
    // Nothing written.
    const list = await h.call('GET', `${url}/manage`, { token: world.tokens.adminA });
    expect(list.body.items).toEqual([]);
  });
});
