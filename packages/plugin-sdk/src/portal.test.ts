import { describe, expect, it } from 'vitest';
import { definePluginPortal, matchPage } from './portal.ts';

const component = async () => ({ default: (() => {}) as never });

describe('matchPage', () => {
  const pages = { '/': 'home', '/manage': 'manage', '/items/[itemId]': 'item', '/items/[itemId]/edit': 'edit' };

  it('finds the page of a path, with the pattern’s parameters', () => {
    expect(matchPage(pages, '/')).toEqual({ pattern: '/', page: 'home', params: {} });
    expect(matchPage(pages, '')).toEqual({ pattern: '/', page: 'home', params: {} });
    expect(matchPage(pages, '/manage')).toMatchObject({ page: 'manage' });
    expect(matchPage(pages, '/items/42/edit')).toEqual({
      pattern: '/items/[itemId]/edit',
      page: 'edit',
      params: { itemId: '42' },
    });
  });

  it('finds nothing for other paths', () => {
    expect(matchPage(pages, '/items')).toBeNull();
    expect(matchPage(pages, '/manage/more')).toBeNull();
    expect(matchPage(pages, '/elsewhere')).toBeNull();
  });
});

describe('definePluginPortal', () => {
  it('refuses malformed page paths and messages missing in one language', () => {
    const messages = { 'zh-CN': { title: '标题' }, en: { title: 'Title' } };
    expect(() => definePluginPortal({ pages: { '/': { component } }, messages })).not.toThrow();
    expect(() => definePluginPortal({ pages: { manage: { component } }, messages })).toThrow(/page path/);
    expect(() => definePluginPortal({ pages: {}, regionPages: { '/files/x': { component } }, messages })).toThrow(
      /file pass-through/,
    );
    expect(() =>
      definePluginPortal({
        pages: { '/': { component } },
        messages: { 'zh-CN': { title: '标题', more: '更多' }, en: { title: 'Title' } },
      }),
    ).toThrow(/same keys/);
  });
});
