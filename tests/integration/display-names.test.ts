import { randomUscc, useWorld, type TestApp, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';
import { servicesPlugin } from '../../plugins/services/src/server/index.ts';
import { votingManifest } from '../../plugins/voting/src/manifest.ts';
import { votingPlugin } from '../../plugins/voting/src/server/index.ts';

/**
 * Names and titles others are shown — of people, neighbourhoods, buildings, organisations, notices, topics, meetings,
 * motions, candidates and offerings, in the core and in plugins — refuse bidi controls (`"\u202e国建陈"` would show
 * as 陈建国) and text that is only white space or zero-width characters, with localised field errors.
 */
async function setUp(h: TestApp, world: World) {
  const res = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/voting/install`, {
    token: world.tokens.adminA,
    json: { grantedScopes: votingManifest.scopes },
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}
const current = useWorld({ plugins: [votingPlugin, servicesPlugin], setUp });

const IMPERSONATING = '\u202e国建陈';
const INVISIBLE = '\u200b\u3000\ufeff';

interface NameField {
  what: string;
  as: keyof World['tokens'];
  method: string;
  url: (w: World) => string;
  body: (name: string, w: World) => unknown;
  /** The field's path in the error, and the message of a blank one. */
  path: string;
  required: string;
}

const fields: NameField[] = [
  {
    what: 'a building',
    as: 'adminA',
    method: 'POST',
    url: (w) => `/api/v1/t/${w.tenantA.slug}/registry/buildings`,
    body: (name) => ({ name }),
    path: 'name',
    required: 'name_required',
  },
  {
    what: 'an invited member',
    as: 'adminA',
    method: 'POST',
    url: (w) => `/api/v1/t/${w.tenantA.slug}/invitations`,
    body: (displayName) => ({ phone: '13700000009', displayName, roles: ['resident'] }),
    path: 'displayName',
    required: 'name_required',
  },
  {
    what: 'a neighbourhood applying',
    as: 'outsider',
    method: 'POST',
    url: () => '/api/v1/applications',
    body: (name, w) => ({ name, address: '幸福路1号', communityId: w.regions.communityA.id, applicantName: '申请人' }),
    path: 'name',
    required: 'name_required',
  },
  {
    what: 'an organisation',
    as: 'outsider',
    method: 'POST',
    url: () => '/api/v1/organisations',
    body: (name) => ({ name, uscc: randomUscc(), contactName: '陈师傅', contactPhone: '13800138000' }),
    path: 'name',
    required: 'name_required',
  },
  {
    what: 'a notice',
    as: 'adminA',
    method: 'POST',
    url: (w) => `/api/v1/t/${w.tenantA.slug}/notices`,
    body: (title) => ({ category: 'notice', title, body: '正文', audience: 'public' }),
    path: 'title',
    required: 'title_required',
  },
  {
    what: 'a topic (voting plugin)',
    as: 'residentA',
    method: 'POST',
    url: (w) => `/api/v1/t/${w.tenantA.slug}/p/voting/topics`,
    body: (title) => ({ title, body: '大家怎么看' }),
    path: 'title',
    required: 'required',
  },
  {
    what: 'a meeting (voting plugin)',
    as: 'committeeA',
    method: 'POST',
    url: (w) => `/api/v1/t/${w.tenantA.slug}/p/voting/meetings`,
    body: (title) => ({ title, opensAt: '2030-01-01T00:00:00+08:00', closesAt: '2030-01-20T00:00:00+08:00' }),
    path: 'title',
    required: 'required',
  },
  {
    what: 'an offering (services plugin)',
    as: 'vendorOwner',
    method: 'POST',
    url: (w) => `/api/v1/o/${w.organisation.id}/p/services/offerings`,
    body: (title) => ({ title, description: '两小时', category: 'housekeeping', priceFen: 8000, priceUnit: 'visit' }),
    path: 'title',
    required: 'required',
  },
];

describe('names and titles cannot impersonate', () => {
  for (const field of fields) {
    it(`refuses bidi controls and invisible-only text in the name of ${field.what}`, async () => {
      const { h, world } = current;
      const send = (name: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
        h.call(field.method, field.url(world), {
          token: world.tokens[field.as],
          locale,
          json: field.body(name, world),
        });
      const bidi = await send(IMPERSONATING);
      expect(bidi.status, JSON.stringify(bidi.body)).toBe(400);
      expect(bidi.body.errors).toEqual([
        { path: field.path, code: 'text_bidi', message: '不能包含改变文字方向的控制字符' },
      ]);
      expect((await send('陈\u2066建国\u2069', 'en')).body.errors).toEqual([
        {
          path: field.path,
          code: 'text_bidi',
          message: 'Must not contain characters that change the direction of the text',
        },
      ]);
      const blank = await send(INVISIBLE);
      expect(blank.status).toBe(400);
      expect(blank.body.errors).toEqual([expect.objectContaining({ path: field.path, code: field.required })]);
      // An ordinary name in any script passes validation (the vendor, without a profile, then gets a 409).
      const accepted = await send('陈建国 Chén');
      expect(accepted.status, JSON.stringify(accepted.body)).not.toBe(400);
    });
  }
});
