import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { definePlugin, PluginManifestError } from './index.ts';

const valid = {
  id: 'local-services',
  version: '1.0.0',
  name: { 'zh-CN': '便民服务', en: 'Local services' },
  description: { 'zh-CN': '商家入驻与预约', en: 'Vendors and orders' },
  icon: 'wrench' as const,
  category: 'services' as const,
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: ['registry:read'] as const,
  settings: z.object({ slotMinutes: z.number().int().default(60) }),
  settingsText: { slotMinutes: { label: { 'zh-CN': '时段长度（分钟）', en: 'Slot length (minutes)' } } },
};

describe('definePlugin', () => {
  it('returns a valid manifest unchanged', () => {
    expect(definePlugin(valid)).toBe(valid);
  });

  it('refuses malformed ids, versions, ranges, scopes, settings without defaults and missing translations', () => {
    expect(() => definePlugin({ ...valid, id: 'Local_Services' })).toThrow(PluginManifestError);
    expect(() => definePlugin({ ...valid, version: '1.0' })).toThrow(/semver/);
    expect(() => definePlugin({ ...valid, coreRange: 'soon' })).toThrow(/coreRange/);
    expect(() => definePlugin({ ...valid, requires: { voting: 'latest' } })).toThrow(/requires/);
    expect(() => definePlugin({ ...valid, scopes: ['registry:write' as never] })).toThrow(/unknown scope/);
    expect(() => definePlugin({ ...valid, settings: z.object({ name: z.string() }) })).toThrow(/default/);
    expect(() => definePlugin({ ...valid, settings: z.object({ name: z.string().default('x') }) })).toThrow(/label/);
    expect(() => definePlugin({ ...valid, name: { 'zh-CN': '便民服务', en: '' } })).toThrow(/zh-CN and en/);
    expect(() =>
      definePlugin({ ...valid, roles: [{ id: 'admin', name: valid.name, description: valid.description }] }),
    ).toThrow(/core role/);
    expect(() =>
      definePlugin({ ...valid, navigation: [{ path: '/x', label: valid.name, roles: ['teller'] }] }),
    ).toThrow(/navigation role/);
    // Icons are drawn from the set, never emoji (empty boxes on phones without the font).
    expect(() => definePlugin({ ...valid, icon: '🛠️' as never })).toThrow(/APP_ICONS/);
    expect(() =>
      definePlugin({ ...valid, navigation: [{ path: '/x', label: valid.name, icon: 'rocket' as never }] }),
    ).toThrow(/APP_ICONS/);
  });

  it('refuses an id the core’s audit trail uses for its own actions, saying so', () => {
    for (const id of ['ledger', 'registry', 'feedback', 'open311']) {
      expect(() => definePlugin({ ...valid, id })).toThrow(PluginManifestError);
      expect(() => definePlugin({ ...valid, id })).toThrow(
        `plugin id ${id} is reserved: the core's audit trail records its own ${id}.* actions, choose another id`,
      );
    }
    expect(definePlugin({ ...valid, id: 'ledger-tools' }).id).toBe('ledger-tools');
  });

  it('refuses audit words with a bad action name, a missing language or placeholders that differ', () => {
    const label = { 'zh-CN': '添加条目', en: 'Entry added' };
    const sentence = { 'zh-CN': '{actor} 添加了「{name}」', en: '{actor} added “{name}”' };
    expect(definePlugin({ ...valid, audit: { entry_added: { label, sentence } } }).audit).toBeDefined();
    expect(() => definePlugin({ ...valid, audit: { 'x.entry_added': { label, sentence } } })).toThrow(/snake_case/);
    expect(() => definePlugin({ ...valid, audit: { entry_added: { label: { ...label, en: '' }, sentence } } })).toThrow(
      /zh-CN and en/,
    );
    const other = { ...sentence, en: '{actor} added “{title}”' };
    expect(() => definePlugin({ ...valid, audit: { entry_added: { label, sentence: other } } })).toThrow(
      /placeholders/,
    );
  });
});
