import { describe, expect, it } from 'vitest';
import {
  pluginApiPath,
  pluginApiPattern,
  pluginFilePath,
  pluginLinks,
  pluginPagePath,
  pluginPath,
  queryString,
} from './links.ts';

describe('plugin links', () => {
  it('mounts each audience where the portal reaches it', () => {
    expect(pluginApiPattern('member', 'voting')).toBe('/api/v1/t/:tenant/p/voting');
    expect(pluginApiPattern('public', 'voting')).toBe('/api/v1/public/n/:tenant/p/voting');
    expect(pluginApiPattern('supervision', 'voting')).toBe('/api/v1/supervision/neighbourhoods/:tenant/p/voting');
    expect(pluginApiPattern('organisation', 'services')).toBe('/api/v1/o/:organisation/p/services');
    expect(pluginApiPattern('region', 'party')).toBe('/api/v1/r/:region/p/party');
    expect(pluginApiPath('member', 'jin se', 'voting')).toBe('/api/v1/t/jin%20se/p/voting');
    expect(pluginApiPath('organisation', '0190', 'services')).toBe('/api/v1/o/0190/p/services');
    expect(pluginApiPath('region', '0191', 'party')).toBe('/api/v1/r/0191/p/party');
  });

  it('fills page patterns, encoding every segment and leaving out empty query values', () => {
    expect(pluginPath('/')).toBe('/');
    expect(pluginPath('/meetings/[meetingId]/manage', { meetingId: 'a/b c' })).toBe('/meetings/a%2Fb%20c/manage');
    expect(pluginPath('/orders', {}, { cursor: 'x=1', status: '', page: null, n: 2 })).toBe('/orders?cursor=x%3D1&n=2');
    expect(queryString({})).toBe('');
    // A pattern's parameter without a value is a mistake in the caller's code, not a URL to guess.
    expect(() => pluginPath('/topics/[topicId]', {} as { topicId: string })).toThrow(
      '/topics/[topicId]: no value for [topicId]',
    );
  });

  it("puts pages and passed-through files under each audience's pages", () => {
    expect(pluginPagePath('member', 'jinse', 'voting')).toBe('/n/jinse/p/voting');
    expect(pluginPagePath('public', 'jinse', 'voting', '/verify?receipt=AB')).toBe(
      '/p/jinse/apps/voting/verify?receipt=AB',
    );
    expect(pluginPagePath('supervision', 'jinse', 'voting', '/')).toBe('/supervision/neighbourhoods/jinse/apps/voting');
    expect(pluginFilePath('organisation', '0190', 'services', '/images/1')).toBe(
      '/vendor/0190/apps/services/files/images/1',
    );
    expect(pluginPagePath('region', '0191', 'party', '/members')).toBe('/supervision/regions/0191/apps/party/members');
  });

  it('gives plugin code absolute links for notices, and paths for pages', () => {
    const absolute = pluginLinks('member', 'jinse', 'voting', 'https://city.example');
    expect(absolute.href('/meetings/[meetingId]', { meetingId: 'm1' })).toBe(
      'https://city.example/n/jinse/p/voting/meetings/m1',
    );
    expect(absolute.publicHref('/verify', {}, { receipt: 'AB-CD' })).toBe(
      'https://city.example/p/jinse/apps/voting/verify?receipt=AB-CD',
    );
    expect(absolute.publicFileHref('/meetings/[meetingId]/result.pdf', { meetingId: 'm1' })).toBe(
      'https://city.example/p/jinse/apps/voting/files/meetings/m1/result.pdf',
    );
    const paths = pluginLinks('organisation', '0190', 'services');
    expect(paths.fileHref('/images/[imageId]', { imageId: 'i1' })).toBe('/vendor/0190/apps/services/files/images/i1');
  });
});
