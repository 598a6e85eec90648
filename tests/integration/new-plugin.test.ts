import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlugin } from '../../packages/plugin-sdk/bin/new-plugin.ts';
import { createTestApp, type TestApp, buildWorld } from '@city/testing';

/**
 * `npm run new:plugin`: the generated plugin is registered with the API and the portal, and works as it stands —
 * its migration, routes, scopes and tenancy run in a real app. It is generated into a scratch copy of the files it
 * edits, inside the repository so that its imports resolve to the workspace packages.
 */
const repo = join(import.meta.dirname, '../..');
let root: string;

beforeAll(() => {
  mkdirSync(join(repo, 'tests/.artifacts'), { recursive: true });
  root = mkdtempSync(join(repo, 'tests/.artifacts/new-plugin-'));
  for (const file of [
    'apps/api/src/plugins.ts',
    'apps/portal/src/lib/plugins.ts',
    'apps/api/package.json',
    'apps/portal/package.json',
  ]) {
    cpSync(join(repo, file), join(root, file), { recursive: true });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('new:plugin', () => {
  it('refuses ids that are not kebab-case, reserved or taken', () => {
    expect(() => createPlugin({ id: 'Notice_Board', root })).toThrow(/kebab-case/);
    expect(() => createPlugin({ id: 'navigation', root })).toThrow(/kebab-case/);
    expect(() => createPlugin({ id: 'ledger', root })).toThrow(/core's own audit actions/);
    expect(() => createPlugin({ id: 'contacts', root: repo })).toThrow(/exists already/);
  });

  it('writes the plugin folder and registers it with the API and the portal', () => {
    const written = createPlugin({
      id: 'test-board',
      nameZh: '测试公告板',
      nameEn: 'Test board',
      root,
      now: 1_800_000_000_000,
    });
    const names = written.map((p) => p.slice(join(root, 'plugins/test-board/').length)).sort();
    expect(names).toEqual([
      'README.md',
      'migrations/0000_items.sql',
      'migrations/meta/_journal.json',
      'package.json',
      'src/manifest.ts',
      'src/pages.ts',
      'src/portal/HomePage.svelte',
      'src/portal/index.ts',
      'src/portal/messages/en.ts',
      'src/portal/messages/index.ts',
      'src/portal/messages/zh-CN.ts',
      'src/schema.ts',
      'src/server/index.ts',
      'src/server/routes.ts',
      'src/server/test-board.int.test.ts',
      'tsconfig.json',
    ]);
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(read('apps/api/src/plugins.ts')).toContain(
      "import { testBoardPlugin } from '@city/plugin-test-board/server';",
    );
    expect(read('apps/api/src/plugins.ts')).toMatch(
      /export const plugins = \[contactsPlugin, [\w, ]*testBoardPlugin\] as const;/,
    );
    expect(read('apps/portal/src/lib/plugins.ts')).toContain(
      "  'test-board': () => import('@city/plugin-test-board/portal'),\n};",
    );
    expect(JSON.parse(read('apps/portal/package.json')).dependencies['@city/plugin-test-board']).toBe('*');
    const migration = read('plugins/test-board/migrations/0000_items.sql');
    expect(migration).toContain('ALTER TABLE test_board_items FORCE ROW LEVEL SECURITY;');
    expect(migration).toContain('CREATE ROLE city_p_test_board NOLOGIN');
    expect(written.map((p) => readFileSync(p, 'utf8')).join()).not.toMatch(/__[A-Z]+__/);
    expect(read('plugins/test-board/src/manifest.ts')).toContain("name: { 'zh-CN': '测试公告板', en: 'Test board' }");
  });

  it('generates a plugin that installs and serves its neighbourhood, and nothing more', async () => {
    const { testBoardPlugin } = await import(join(root, 'plugins/test-board/src/server/index.ts'));
    const portal = (await import(join(root, 'plugins/test-board/src/portal/index.ts'))).default;
    expect(Object.keys(portal.pages)).toEqual(['/']);
    const h: TestApp = await createTestApp({ plugins: [testBoardPlugin] });
    try {
      const world = await buildWorld(h);
      const A = `/api/v1/t/${world.tenantA.slug}`;
      const install = await h.call('POST', `${A}/plugins/test-board/install`, {
        token: world.tokens.adminA,
        json: { grantedScopes: ['audit:write'] },
      });
      expect(install.body.install).toMatchObject({ status: 'enabled', settings: { heading: '测试公告板' } });
      expect(
        (await h.call('POST', `${A}/p/test-board/items`, { token: world.tokens.adminA, json: { title: '第一项' } }))
          .status,
      ).toBe(201);
      expect((await h.call('GET', `${A}/p/test-board/items`, { token: world.tokens.residentA })).body.items).toEqual([
        expect.objectContaining({ title: '第一项' }),
      ]);
      expect(
        (await h.call('GET', `/api/v1/t/${world.tenantB.slug}/p/test-board/items`, { token: world.tokens.adminB }))
          .status,
      ).toBe(404);
    } finally {
      await h.close();
    }
  });
});
